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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.frontdoor.testsupport.DevJwtTestResource;
import org.frontdoor.triage.children.ChildContacts.Contact;
import org.frontdoor.triage.children.ChildContacts.Described;
import org.junit.jupiter.api.Test;

/** GET /api/v1/children: the front door's search of the children it knows, with a contact's tolerance. */
@QuarkusTest
class ChildSearchTest {

    static final String PROBLEM = "application/problem+json";

    @Test
    void aSearchNeedsASurnameADateOfBirthAnNhsNumberOrAUpn() {
        as(WORKER).queryParam("firstName", "Kaden").queryParam("postcode", "DN6 6FF").get("/api/v1/children").then()
                .statusCode(422).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("surname", "dateOfBirth", "nhsNumber", "upn"))
                .body("errors[0].message", equalTo("give a surname, a date of birth, an NHS number or a UPN"));
        as(WORKER).queryParam("dateOfBirth", "4 May 2015").get("/api/v1/children").then()
                .statusCode(422).body("errors.field", contains("dateOfBirth"));
    }

    @Test
    void aMisspeltNameFindsTheChildWithItsContacts() throws Exception {
        Described child = new Described("Kayden", "Kettleborough", unusualBirthDate(), "DN6 6FF", null);
        Contact contact = school(child, 3);

        JsonPath found = given().auth().oauth2(DevJwtTestResource.tokens().token("front-door"))
                .queryParam("surname", "Kettlebrough").queryParam("firstName", "Kaden")
                .queryParam("dateOfBirth", child.born().toString())
                .get("/api/v1/children").then().statusCode(200).extract().jsonPath();
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
            JsonPath p = as(MANAGER).queryParam("surname", "Ellerington")
                    .queryParam("dateOfBirth", ruby.born().toString()).queryParam("page", page)
                    .queryParam("size", 2).get("/api/v1/children").then().statusCode(200)
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
        given().auth().oauth2(DevJwtTestResource.tokens().token("partner", "hillside-primary"))
                .queryParam("surname", "Smith").get("/api/v1/children").then().statusCode(403).contentType(PROBLEM);
        as(WORKER).queryParam("surname", "Smith").get("/api/v1/children").then().statusCode(200)
                .body("total", notNullValue());
    }
}
