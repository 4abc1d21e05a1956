package org.frontdoor.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.frontdoor.notification.Scenario.partnerJson;
import static org.frontdoor.notification.Scenario.partnerToken;
import static org.frontdoor.notification.Scenario.subscribe;
import static org.frontdoor.notification.Scenario.token;
import static org.frontdoor.notification.Scenario.uniqueOrg;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.Topics;
import org.frontdoor.testsupport.KafkaProbe;
import org.frontdoor.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, the partner directory: kept by the front door and ops (and team managers, issue 28), read by the MASH,
 * audited, versioned.
 */
@QuarkusTest
class PartnerDirectoryTest {

    @Inject
    AgroalDataSource db;

    @Test
    void theFrontDoorAddsChangesAndDeactivatesAnOrganisation() throws Exception {
        String id = uniqueOrg("oakfield-primary");
        String created = as("front-door").body(partnerJson(id, "Oakfield Primary School", "SCHOOL", "2a", null,
                "dsl@oakfield.example", "office@oakfield.example")).post("/api/v1/partners")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/partners/" + id))
                .header("ETag", "\"0\"")
                .body("id", equalTo(id))
                .body("name", equalTo("Oakfield Primary School"))
                .body("agencyType", equalTo("SCHOOL"))
                .body("cinSourceCode", equalTo("2A"))
                .body("cinSource", equalTo("Schools"))
                .body("contactEmails", equalTo(List.of("dsl@oakfield.example", "office@oakfield.example")))
                .body("webhook", equalTo(false))
                .body("active", equalTo(true))
                .body("version", equalTo(0))
                .body("createdBy", equalTo("dev-front-door"))
                .body("createdAt", notNullValue())
                .extract().asString();
        assertFalse(created.contains("secret"), created);

        // every reading role sees it; the organisation's webhook shows as a flag, never its secret
        try (WebhookReceiver endpoint = WebhookReceiver.start()) {
            subscribe(id, endpoint);
            for (String role : List.of("front-door", "ops", "triage-worker", "team-manager")) {
                String one = given().auth().oauth2(token(role)).get("/api/v1/partners/" + id).then().statusCode(200)
                        .header("ETag", "\"0\"").body("webhook", equalTo(true)).extract().asString();
                assertFalse(one.contains("secret") || one.contains("whsec_") || one.contains(endpoint.url()), one);
                assertEquals(true, directory(role, "").stream().filter(p -> id.equals(p.get("id"))).findFirst()
                        .orElseThrow().get("webhook"));
            }
        }

        // ops change it with the version they read; a stale version is refused (412), nothing changed
        as("ops").header("If-Match", "\"0\"").body(partnerJson(null, "Oakfield Primary School", "SCHOOL", "2A", null,
                "safeguarding@oakfield.example")).put("/api/v1/partners/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("contactEmails", equalTo(List.of("safeguarding@oakfield.example")))
                .body("updatedBy", equalTo("dev-ops"))
                .body("createdBy", equalTo("dev-front-door"));
        as("front-door").header("If-Match", "\"0\"").body(partnerJson(id, "Renamed", "SCHOOL", "2A", null))
                .put("/api/v1/partners/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("detail", containsString("version 0"));
        as("front-door").header("If-Match", "\"0\"").post("/api/v1/partners/" + id + "/deactivate")
                .then().statusCode(412);
        given().auth().oauth2(token("ops")).get("/api/v1/partners/" + id).then().body("name",
                equalTo("Oakfield Primary School"));

        as("front-door").header("If-Match", "\"1\"").post("/api/v1/partners/" + id + "/deactivate")
                .then().statusCode(200).header("ETag", "\"2\"").body("active", equalTo(false));
        List<Map<String, Object>> inactive = directory("triage-worker", "false");
        assertTrue(inactive.stream().anyMatch(p -> id.equals(p.get("id"))), inactive.toString());
        assertTrue(inactive.stream().allMatch(p -> Boolean.FALSE.equals(p.get("active"))), inactive.toString());
        assertFalse(directory("triage-worker", "true").stream().anyMatch(p -> id.equals(p.get("id"))));
        // reactivated by PUT
        as("front-door").body(partnerJson(id, "Oakfield Primary School", "SCHOOL", "2A", true))
                .put("/api/v1/partners/" + id).then().statusCode(200).body("active", equalTo(true))
                .body("version", equalTo(3));

        assertEquals(1, count("partner.created", id));
        assertEquals(2, count("partner.updated", id));
        assertEquals(1, count("partner.deactivated", id));

        // every change is published for triage's and intake's copies: keyed by the id, in order, no contact details
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> published = KafkaProbe.readAll(Topics.PARTNER_EVENTS).stream()
                    .filter(r -> id.equals(r.key())).map(r -> EventJson.read(r.value()))
                    .map(e -> EventJson.mapper().valueToTree(e)).map(JsonNode.class::cast).toList();
            assertEquals(List.of(0L, 1L, 2L, 3L), published.stream()
                    .map(e -> e.get("payload").get("version").asLong()).toList());
            assertEquals(List.of(true, true, false, true), published.stream()
                    .map(e -> e.get("payload").get("active").asBoolean()).toList());
            assertEquals("partner.changed", published.get(0).get("type").asText());
            assertEquals("SCHOOL", published.get(0).get("payload").get("agencyType").asText());
            assertFalse(published.toString().contains("@oakfield.example"), "no contact emails leave the service");
        });
    }

    /** The whole directory as a role reads it, page by page (size 7, to cross pages), optionally by active. */
    private static List<Map<String, Object>> directory(String role, String active) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0;; page++) {
            var spec = given().auth().oauth2(token(role)).queryParam("size", 7).queryParam("page", page);
            if (!active.isEmpty()) {
                spec = spec.queryParam("active", active);
            }
            io.restassured.path.json.JsonPath reply = spec.get("/api/v1/partners").then().statusCode(200)
                    .body("page", equalTo(page)).body("size", equalTo(7)).extract().jsonPath();
            List<Map<String, Object>> items = reply.getList("items");
            all.addAll(items);
            if (items.size() < 7) {
                assertEquals(reply.getLong("total"), all.size(), "total counts every organisation");
                return all;
            }
        }
    }

    @Test
    void theDirectoryIsPagedWithABoundedSize() {
        var first = given().auth().oauth2(token("front-door")).queryParam("size", 2).get("/api/v1/partners").then()
                .statusCode(200).body("page", equalTo(0)).body("size", equalTo(2)).body("items", hasSize(2))
                .extract().jsonPath();
        List<String> second = given().auth().oauth2(token("front-door")).queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/partners").then().statusCode(200).body("items", hasSize(2))
                .body("total", equalTo(first.getInt("total"))).extract().path("items.id");
        assertTrue(second.stream().noneMatch(first.getList("items.id")::contains), first.get("items.id") + " " + second);
        // page by page, every organisation once
        List<String> ids = directory("front-door", "").stream().map(p -> (String) p.get("id")).toList();
        assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "no organisation on two pages: " + ids);
        // past the end: an empty page, with the total
        given().auth().oauth2(token("front-door")).queryParam("page", 100000).get("/api/v1/partners").then()
                .statusCode(200).body("items", hasSize(0)).body("total", equalTo(ids.size()));
        // the size is bounded; a bad page or size is named
        given().auth().oauth2(token("front-door")).queryParam("size", 101).queryParam("page", -1)
                .get("/api/v1/partners").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("page", "size"))
                .body("errors.message", contains("must be between 0 and 100000", "must be between 1 and 100"));
        given().auth().oauth2(token("front-door")).queryParam("size", "lots").get("/api/v1/partners").then()
                .statusCode(422).body("errors.field", contains("size"));
    }

    @Test
    void theDemoDirectoryIsLoadedAndFilters() {
        given().auth().oauth2(token("team-manager")).queryParam("agencyType", "SCHOOL").queryParam("size", 100)
                .get("/api/v1/partners").then().statusCode(200)
                .body("items.id", hasItems("hillside-primary", "oakwood-academy"))
                .body("items.agencyType", everyItem(equalTo("SCHOOL")));
        given().auth().oauth2(token("front-door")).get("/api/v1/partners/south-yorkshire-police").then()
                .statusCode(200).body("agencyType", equalTo("POLICE")).body("cinSourceCode", equalTo("6"))
                .body("contactEmails[0]", containsString(".example"));
        given().auth().oauth2(token("front-door")).queryParam("agencyType", "FIRE_SERVICE")
                .queryParam("active", "maybe").get("/api/v1/partners").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItems("agencyType", "active"));
    }

    @Test
    void everyBadFieldIsNamedAndTakenOrUnknownIdsAreSaid() {
        String id = uniqueOrg("police");
        Scenario.partner(id, "A Police Force", "POLICE", "6");

        // 1A is an individual, not an agency; 9 anonymous; XX no code at all
        for (String code : List.of("1A", "9", "XX")) {
            as("front-door").body(partnerJson(uniqueOrg("x"), "X", "OTHER", code, null)).post("/api/v1/partners")
                    .then().statusCode(422).body("errors.field", hasItem("cinSourceCode"));
        }
        as("front-door").body("{\"id\": \"South Yorkshire Police\", \"name\": \" \", \"agencyType\": \"POLICE\","
                + " \"cinSourceCode\": \"1A\", \"contactEmails\": [\"not-an-email\", \"a@b.example\","
                + " \"A@b.example\"]}").post("/api/v1/partners")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("id", "name", "cinSourceCode", "contactEmails[0]", "contactEmails[2]"));
        as("front-door").body("{\"id\": \"x-1\", \"name\": \"X\", \"agencyType\": \"FIRE_SERVICE\","
                + " \"cinSourceCode\": \"8\"}").post("/api/v1/partners")
                .then().statusCode(422).body("errors.field", hasItem("agencyType"));
        as("front-door").body("{}").post("/api/v1/partners").then().statusCode(422)
                .body("errors.field", hasItems("id", "name", "agencyType", "cinSourceCode"));
        as("front-door").post("/api/v1/partners").then().statusCode(422);

        as("front-door").body(partnerJson(id, "Another", "POLICE", "6", null)).post("/api/v1/partners")
                .then().statusCode(409).contentType("application/problem+json");
        as("front-door").body(partnerJson("someone-else", "A Police Force", "POLICE", "6", null))
                .put("/api/v1/partners/" + id).then().statusCode(422).body("errors.field", hasItem("id"));
        as("front-door").body(partnerJson(null, "Nobody", "POLICE", "6", null)).put("/api/v1/partners/no-such-org")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token("front-door")).get("/api/v1/partners/no-such-org").then().statusCode(404)
                .contentType("application/problem+json");
        as("ops").post("/api/v1/partners/no-such-org/deactivate").then().statusCode(404);
    }

    @Test
    void theFrontDoorManagersAndOpsChangeItWorkersDoNot() {
        String body = partnerJson(uniqueOrg("housing"), "Housing", "HOUSING", "4", null);
        given().auth().oauth2(token("triage-worker")).contentType("application/json").body(body)
                .post("/api/v1/partners").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token("triage-worker")).post("/api/v1/partners/hillside-primary/deactivate").then()
                .statusCode(403);
        given().auth().oauth2(partnerToken("hillside-primary")).contentType("application/json").body(body)
                .post("/api/v1/partners").then().statusCode(403);
        given().auth().oauth2(partnerToken("hillside-primary")).get("/api/v1/partners").then().statusCode(403);
        given().auth().oauth2(partnerToken("hillside-primary")).get("/api/v1/partners/hillside-primary").then()
                .statusCode(403);
        given().get("/api/v1/partners").then().statusCode(401);
        as("ops").body(body).post("/api/v1/partners").then().statusCode(201);

        // issue 28: a team manager keeps it too (deactivates an organisation the partnership no longer works with)
        String id = uniqueOrg("youth-club");
        as("team-manager").body(partnerJson(id, "Youth Club", "OTHER", "8", null)).post("/api/v1/partners")
                .then().statusCode(201).body("createdBy", equalTo("dev-team-manager"));
        as("team-manager").body(partnerJson(null, "Riverside Youth Club", "OTHER", "8", null))
                .put("/api/v1/partners/" + id).then().statusCode(200).body("name", equalTo("Riverside Youth Club"));
        as("team-manager").post("/api/v1/partners/" + id + "/deactivate").then().statusCode(200)
                .body("active", equalTo(false)).body("updatedBy", equalTo("dev-team-manager"));
        given().auth().oauth2(token("front-door")).get("/api/v1/partners/" + id).then().statusCode(200)
                .body("active", equalTo(false));
    }

    private static RequestSpecification as(String role) {
        return given().auth().oauth2(token(role)).contentType("application/json");
    }

    private long count(String action, String org) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from audit_entry where action = ? and detail like ?")) {
            ps.setString(1, action);
            ps.setString(2, "organisation " + org + ",%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
