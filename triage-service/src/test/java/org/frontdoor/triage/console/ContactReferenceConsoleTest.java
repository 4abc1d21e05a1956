package org.frontdoor.triage.console;

import static org.awaitility.Awaitility.await;
import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.WORKER;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.contact;
import static org.frontdoor.triage.Triage.contactAbout;
import static org.frontdoor.triage.Triage.decide;
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
import org.frontdoor.triage.Triage.Item;
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

    @Test
    void aCasesHistoryNamesContactsByTheirReferencesAndItsClosureByTheCensusReasonsWords() throws Exception {
        Item first = contact("2019-02-04T09:00:00Z", List.of("SIGNS_OF_NEGLECT"), "2015-03-01", null, "F");
        String caseId = decide(first, decision(3, "EARLY_HELP_TARGETED", null));
        String reference = referenceOf(first.referralId());
        // a second contact about the child while the case is open: both histories say so
        Item second = contactAbout(first, "2019-02-11T09:00:00Z");
        String secondReference = referenceOf(second.referralId());
        as(MANAGER).body("{\"reasonCode\": \"RC7\", \"summary\": \"Early help plan completed.\"}")
                .post("/api/v1/cases/" + caseId + "/close").then().statusCode(200);
        ConsoleSession maya = ConsoleSession.signIn(console.toString().replaceAll("/$", ""), "dev-team-manager",
                MANAGER);

        String caseHistory = history(maya.get("/cases/" + caseId).body());
        assertTrue(caseHistory.contains("opened - early help case from screening of child 1 of " + reference),
                caseHistory);
        assertTrue(caseHistory.contains("contact received - New contact " + secondReference + " about a child of"
                + " this case: screening of child 1 of " + secondReference), caseHistory);
        for (Object id : List.of(first.id(), first.referralId(), second.id(), second.referralId())) {
            assertFalse(caseHistory.contains(id.toString()), "no id in the history: " + caseHistory);
        }
        String casePage = maya.get("/cases/" + caseId).body();
        assertTrue(casePage.contains(": Services ceased for any other reason, including child no longer in need</dd>"),
                "the closure's reason in the census's words: " + casePage);
        assertFalse(casePage.contains("(RC7)"), "not its code");

        String screeningHistory = history(maya.get("/items/" + second.id()).body());
        assertTrue(screeningHistory.contains("the child has open early help case from " + reference),
                screeningHistory);
        assertFalse(screeningHistory.contains(caseId), "not the case's id: " + screeningHistory);
    }

    /** The page's history list. */
    private static String history(String page) {
        int at = page.indexOf("History</h2>");
        assertTrue(at >= 0, page);
        return page.substring(at, page.indexOf("</ul>", at));
    }
}
