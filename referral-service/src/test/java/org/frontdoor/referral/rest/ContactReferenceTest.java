package org.frontdoor.referral.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.frontdoor.referral.Referrals.asPartner;
import static org.frontdoor.referral.Referrals.schoolReferral;
import static org.frontdoor.referral.Referrals.submitAsPartner;
import static org.frontdoor.referral.Referrals.token;
import static org.frontdoor.referral.Referrals.uniqueSurname;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.payload.ReferralLogged;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.referral.ReferralEvents;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

/** A contact's short human reference (FD-2026-004213): assigned at intake, never twice, answered and published. */
@QuarkusTest
class ContactReferenceTest {

    private static final Pattern REFERENCE = Pattern.compile("FD-(\\d{4})-(\\d{6})");

    @Test
    void aContactGetsAReferenceOfThisYearInTheAnswerTheReadAndBothEvents() throws Exception {
        Response created = submitAsPartner(schoolReferral(uniqueSurname(), null)).then().statusCode(201)
                .extract().response();
        String reference = created.path("reference");
        Matcher m = REFERENCE.matcher(reference);
        assertTrue(m.matches(), reference);
        assertEquals(LocalDate.now(WorkingCalendar.ENGLAND).getYear(), Integer.parseInt(m.group(1)));
        UUID referralId = UUID.fromString(created.path("referralId"));

        given().auth().oauth2(token("partner")).get("/api/v1/referrals/" + referralId)
                .then().statusCode(200).body("reference", equalTo(reference))
                .body("referrer.externalReference", equalTo("HPS-2026-0042"));

        EventEnvelope received = await().atMost(Duration.ofSeconds(20))
                .until(() -> ReferralEvents.eventsOf(referralId, "referral.received"), l -> !l.isEmpty()).get(0);
        ReferralEvents.valid(received);
        assertEquals(reference, ReferralReceived.from(received).reference());
        EventEnvelope logged = await().atMost(Duration.ofSeconds(20))
                .until(() -> ReferralEvents.eventsOf(referralId, "referral.logged"), l -> !l.isEmpty()).get(0);
        ReferralEvents.valid(logged);
        assertEquals(reference, ReferralLogged.from(logged).reference());
    }

    @Test
    void contactsTakenAtOnceNeverShareAReferenceAndARetryKeepsItsOwn() throws Exception {
        int count = 16;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                String body = schoolReferral(uniqueSurname(), null);
                answers.add(pool.submit(() -> submitAsPartner(body)));
            }
            Set<String> references = new HashSet<>();
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                assertEquals(201, r.statusCode(), r.asString());
                references.add(r.path("reference"));
            }
            assertEquals(count, references.size(), "every contact its own reference: " + references);
            references.forEach(r -> assertTrue(REFERENCE.matcher(r).matches(), r));
        } finally {
            pool.shutdownNow();
        }

        String key = UUID.randomUUID().toString();
        String body = schoolReferral(uniqueSurname(), null);
        String first = asPartner(key).body(body).post("/api/v1/referrals").then().statusCode(201)
                .extract().path("reference");
        asPartner(key).body(body).post("/api/v1/referrals").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("reference", equalTo(first));
    }
}
