package org.frontdoor.triage.children;

import static io.restassured.RestAssured.given;
import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.WORKER;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.children.ChildContacts.school;
import static org.frontdoor.triage.children.ChildContacts.unusualBirthDate;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.frontdoor.testsupport.DevJwtTestResource;
import org.frontdoor.triage.children.ChildContacts.Contact;
import org.frontdoor.triage.children.ChildContacts.Described;
import org.junit.jupiter.api.Test;

/** POST /api/v1/children/searches: the front door's search of the children it knows, with a contact's tolerance. */
@QuarkusTest
class ChildSearchTest {

    static final String PROBLEM = "application/problem+json";
    static final String SEARCHES = "/api/v1/children/searches";

    @Test
    void aSearchNeedsASurnameADateOfBirthAnNhsNumberOrAUpn() {
        search(as(WORKER), Map.of("firstName", "Kaden", "postcode", "DN6 6FF")).then()
                .statusCode(422).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("surname", "dateOfBirth", "nhsNumber", "upn"))
                .body("errors[0].message", equalTo("give a surname, a date of birth, an NHS number or a UPN"));
        // a date that is not one arrives as a JSON value: the project's mapper names the field in a 422
        search(as(WORKER), Map.of("dateOfBirth", "4 May 2015")).then()
                .statusCode(422).contentType(PROBLEM).body("errors.field", contains("dateOfBirth"));
    }

    @Test
    void aMisspeltNameFindsTheChildWithItsContacts() throws Exception {
        Described child = new Described("Kayden", "Kettleborough", unusualBirthDate(), "DN6 6FF", null);
        Contact contact = school(child, 3);

        JsonPath found = search(given().auth().oauth2(DevJwtTestResource.tokens().token("front-door")),
                Map.of("surname", "Kettlebrough", "firstName", "Kaden", "dateOfBirth", child.born().toString()))
                .then().statusCode(200).extract().jsonPath();
        String path = "items.find { it.childKey == '" + contact.childKey() + "' }";
        assertEquals("Kayden", found.getString(path + ".firstName"));
        assertEquals("Kettleborough", found.getString(path + ".lastName"));
        assertEquals("DN6 6FF", found.getString(path + ".postcode"));
        assertEquals(List.of("surname sounds alike", "first name sounds alike",
                "same date of birth", "postcode missing"), found.getList(path + ".reasons"));
        assertEquals(60, found.getInt(path + ".score"));
        assertEquals(1, found.getInt(path + ".contacts"));
        assertNotNull(found.getString(path + ".lastContactAt"));
    }

    @Test
    void resultsArePagedBestFirst() throws Exception {
        Described ruby = new Described("Ruby", "Ellerington", unusualBirthDate(), "DN5 8HJ", null);
        Set<String> keys = new HashSet<>();
        keys.add(school(ruby, 4).childKey().toString());
        keys.add(school(ruby.firstName("Poppy"), 3).childKey().toString());
        keys.add(school(ruby.firstName("Isla"), 2).childKey().toString());

        Set<String> seen = new HashSet<>();
        for (int page = 0; page < 2; page++) {
            JsonPath p = search(as(MANAGER), Map.of("surname", "Ellerington", "dateOfBirth",
                    ruby.born().toString(), "page", page, "size", 2)).then().statusCode(200)
                    .body("page", equalTo(page)).body("size", equalTo(2)).body("total", equalTo(3))
                    .body("items", hasSize(page == 0 ? 2 : 1)).extract().jsonPath();
            seen.addAll(p.getList("items.childKey"));
            if (page == 0) {
                // equally alike (same surname and date of birth): the child recorded last first
                assertEquals("Isla", p.getString("items[0].firstName"));
                assertEquals(List.of("same surname", "same date of birth",
                        "postcode missing"), p.getList("items[0].reasons"));
            }
        }
        assertEquals(keys, seen);
    }

    @Test
    void aPartnerMayNotSearch() {
        search(given().auth().oauth2(DevJwtTestResource.tokens().token("partner", "hillside-primary")),
                Map.of("surname", "Smith")).then().statusCode(403).contentType(PROBLEM);
        search(as(WORKER), Map.of("surname", "Smith")).then().statusCode(200)
                .body("total", notNullValue());
    }

    @Test
    void theCriteriaTravelInTheBodyNeverInTheUrl() {
        // the search is the POST at /searches (not a child called "searches"), and the old query string is gone
        search(as(WORKER), Map.of("surname", "Smith", "size", 1)).then().statusCode(200)
                .body("size", equalTo(1)).body("total", notNullValue());
        as(WORKER).get(SEARCHES).then().statusCode(405);
        as(WORKER).queryParam("surname", "Smith").get("/api/v1/children").then().statusCode(404);
        search(as(WORKER), Map.of("surname", "Smith", "size", 101)).then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", contains("size"));
        as(WORKER).contentType("application/json").post(SEARCHES).then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", contains("body"));
    }

    private static Response search(RequestSpecification who, Map<String, ?> criteria) {
        return who.contentType("application/json").body(criteria).post(SEARCHES);
    }
}
