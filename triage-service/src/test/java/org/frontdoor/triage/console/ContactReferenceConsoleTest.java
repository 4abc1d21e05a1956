package org.frontdoor.triage.console;

import static org.awaitility.Awaitility.await;
import static org.frontdoor.triage.Triage.WORKER;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.decision;
import static org.frontdoor.triage.Triage.itemIds;
import static org.frontdoor.triage.Triage.publish;
import static org.frontdoor.triage.Triage.referenceOf;
import static org.frontdoor.triage.Triage.referral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.frontdoor.events.payload.ReferralReceived;
import org.junit.jupiter.api.Test;

/**
 * Issue 28: the contact's short human reference is what the console shows where a person needs to quote a contact:
 * on the queue, on the screening page (with the referrer's own reference) and on the case; never the referral's id.
 */
@QuarkusTest
class ContactReferenceConsoleTest {

    @TestHTTPResource("/console")
    URL console;

    @Test
    void theQueueTheContactAndTheCaseShowTheReferenceToQuote() throws Exception {
        // received long ago: the first of its priority in the queue, whatever other tests left there
        ReferralReceived contact = referral(Instant.parse("2019-01-07T09:00:00Z"),
                List.of("POOR_ATTENDANCE", "SIGNS_OF_NEGLECT"), false, "Amy");
        publish(contact);
        // the first test of a run may wait for the consumer to join its group on a loaded machine
        String item = await().atMost(Duration.ofMinutes(2)).ignoreExceptions()
                .until(() -> itemIds(contact.referralId(), "NEW", 1), ids -> ids.size() == 1).get(0);
        String reference = referenceOf(contact.referralId());
        ConsoleSession tara = ConsoleSession.signIn(console.toString().replaceAll("/$", ""), "dev-triage-worker",
                "triage-worker");

        String priority = as(WORKER).get("/api/v1/triage-items/" + item).then().statusCode(200)
                .body("reference", org.hamcrest.Matchers.equalTo(reference)).extract().path("priority");
        HttpResponse<String> queue = tara.get("/queue?priority=" + priority);
        assertEquals(200, queue.statusCode());
        assertTrue(queue.body().contains("Contact " + reference), "the queue row names the contact");

        String page = tara.get("/items/" + item).body();
        assertTrue(page.contains("Screening a contact (" + reference + ")"), page);
        assertTrue(page.contains(reference + "<br>The referrer's own: HPS-1"), page);
        assertFalse(page.contains(contact.referralId().toString()), "the referral's id is not shown");

        String caseId = as(WORKER).body(decision(3, "EARLY_HELP_TARGETED", null))
                .post("/api/v1/triage-items/" + item + "/decision").then().statusCode(200).extract().path("caseId");
        as(WORKER).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("children[0].reference", org.hamcrest.Matchers.equalTo(reference));
        String casePage = tara.get("/cases/" + caseId).body();
        assertTrue(casePage.contains("Contacts</dt><dd class=\"govuk-summary-list__value\">" + reference + "</dd>"),
                casePage);
    }
}
