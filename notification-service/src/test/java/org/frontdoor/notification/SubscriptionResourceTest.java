package org.frontdoor.notification;

import static io.restassured.RestAssured.given;
import static org.frontdoor.notification.Scenario.partnerToken;
import static org.frontdoor.notification.Scenario.token;
import static org.frontdoor.notification.Scenario.uniqueOrg;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.frontdoor.events.codes.Outcome;
import org.junit.jupiter.api.Test;

/** A partner sets, reads and removes its own organisation's webhook. */
@QuarkusTest
class SubscriptionResourceTest {

    @Test
    void aPartnerSetsItsWebhookAndNeverSeesTheSecretAgain() {
        String org = uniqueOrg("school");
        String body = "{\"callbackUrl\": \"http://127.0.0.1:9/hooks\", \"secret\": \"" + Scenario.SECRET + "\"}";
        given().auth().oauth2(partnerToken(org)).contentType("application/json").body(body)
                .put("/api/v1/subscriptions")
                .then().statusCode(200)
                .body("organisationId", equalTo(org))
                .body("callbackUrl", equalTo("http://127.0.0.1:9/hooks"))
                .body("secretSet", equalTo(true))
                .body("$", not(hasKey("secret")))
                .body(not(containsString(Scenario.SECRET.substring(6))));
        given().auth().oauth2(partnerToken(org)).get("/api/v1/subscriptions")
                .then().statusCode(200)
                .body("organisationId", equalTo(org))
                .body(not(containsString(Scenario.SECRET.substring(6))));
        // another organisation has its own, or none
        given().auth().oauth2(partnerToken(uniqueOrg("other"))).get("/api/v1/subscriptions")
                .then().statusCode(404).contentType("application/problem+json");

        given().auth().oauth2(partnerToken(org)).delete("/api/v1/subscriptions").then().statusCode(204);
        given().auth().oauth2(partnerToken(org)).get("/api/v1/subscriptions").then().statusCode(404);
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsSaved() {
        String org = uniqueOrg("school");
        given().auth().oauth2(partnerToken(org)).contentType("application/json")
                .body("{\"callbackUrl\": \"http://partner.example/hooks\", \"secret\": \"short\"}")
                .put("/api/v1/subscriptions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("callbackUrl", "secret"))
                .body("errors.find { it.field == 'callbackUrl' }.message", equalTo("must use https"))
                .body(not(containsString("short\"")));
        given().auth().oauth2(partnerToken(org)).contentType("application/json")
                .body("{\"callbackUrl\": \"not a url\", \"secret\": \"whsec_%%%\"}")
                .put("/api/v1/subscriptions")
                .then().statusCode(422)
                .body("errors.field", containsInAnyOrder("callbackUrl", "secret"));
        given().auth().oauth2(partnerToken(org)).contentType("application/json").body("{}")
                .put("/api/v1/subscriptions")
                .then().statusCode(422)
                .body("errors.message", containsInAnyOrder("is required", "is required"));
        given().auth().oauth2(partnerToken(org)).contentType("application/json").body("{\"callbackUrl\": ")
                .put("/api/v1/subscriptions").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(partnerToken(org)).get("/api/v1/subscriptions").then().statusCode(404);

        // https anywhere is fine
        given().auth().oauth2(partnerToken(org)).contentType("application/json")
                .body("{\"callbackUrl\": \"https://partner.example/hooks\", \"secret\": \"" + Scenario.SECRET + "\"}")
                .put("/api/v1/subscriptions").then().statusCode(200);
    }

    @Test
    void onlyAPartnerActingForAnOrganisationMaySubscribe() {
        String body = "{\"callbackUrl\": \"https://partner.example/hooks\", \"secret\": \"" + Scenario.SECRET + "\"}";
        given().auth().oauth2(token("partner")).contentType("application/json").body(body)
                .put("/api/v1/subscriptions").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token("ops")).contentType("application/json").body(body)
                .put("/api/v1/subscriptions").then().statusCode(403);
        given().contentType("application/json").body(body)
                .put("/api/v1/subscriptions").then().statusCode(401);
    }

    @Test
    void theWebhookDocumentationNamesEveryOutcomeAPartnerMayReceive() {
        String openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        for (Outcome outcome : Outcome.values()) {
            assertTrue(openApi.contains(outcome.name()), outcome + " is documented for partners");
        }
    }
}
