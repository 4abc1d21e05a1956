package org.frontdoor.e2e;

import static org.awaitility.Awaitility.await;
import static org.frontdoor.e2e.Actors.post;
import static org.frontdoor.e2e.Actors.refer;
import static org.frontdoor.e2e.Actors.referralView;
import static org.frontdoor.e2e.Actors.triageItem;
import static org.frontdoor.e2e.Actors.triageItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.frontdoor.e2e.Actors.Partner;
import org.frontdoor.e2e.Actors.Referral;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The child across the three services (issue 26): a school refers Kayden Kettleborough at DN6 6FF; the next
 * day the police refer "Kaden Kettlebrough", same date of birth, no address. Triage offers the school's record as a
 * possible match while the police contact is screened; a team manager merges the two; the referral service follows
 * the merge (a contact for the police's record counts the school's contact too, and triage files it under the
 * school's record); the manager undoes it, and everything is as it was: each record counts its own contacts, each
 * keeps its own census LAchildID.
 */
class ChildMergeIT {

    private static final String BORN = "2015-05-04";
    private static Pipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = Pipeline.get();
    }

    @Test
    void twoRecordsOfOneChildAreMergedFollowedByTheReferralServiceAndUnmergedAsTheyWere() {
        try (Partner school = Partner.subscribed(pipeline, "hillside-primary-m1", "2A");
                Partner police = Partner.subscribed(pipeline, "south-yorkshire-police-m1", "6")) {
            String nhsNumber = Actors.nhsNumber();
            Referral fromSchool = Referral.from("2A").referrer("organisationName", "Hillside Primary School")
                    .referrer("email", "dsl@hillside.example")
                    .child("Kayden", "Kettleborough", BORN, "M", "DN6 6FF").indicators("SIGNS_OF_NEGLECT")
                    .summary("Kayden often arrives hungry.");
            // the police know the child's NHS number, not his address
            Referral fromPolice = Referral.from("6").referrer("organisationName", "South Yorkshire Police")
                    .referrer("email", "mash.desk@sy-police.example")
                    .childWithoutAddress("Kaden", "Kettlebrough", BORN, "M").nhsNumber(nhsNumber)
                    .indicators("DOMESTIC_ABUSE").summary("Officers attended a domestic incident at Kaden's home.");
            String first = refer(pipeline, school.token(), fromSchool).get("referralId").asText();
            String schoolRecord = triageItems(pipeline, first, 1).get(0).get("childKey").asText();
            String second = refer(pipeline, police.token(), fromPolice).get("referralId").asText();
            JsonNode policeItem = triageItems(pipeline, second, 1).get(0);
            String policeRecord = policeItem.get("childKey").asText();
            assertNotEquals(schoolRecord, policeRecord, "a misspelt name without an address is never linked by itself");
            // the school's contact was two days ago, the police's yesterday
            daysAgo(first, 2);
            daysAgo(second, 1);

            JsonNode match = possibleMatch(policeItem.get("id").asText(), schoolRecord);
            assertTrue(match.get("score").asInt() > 0 && match.get("score").asInt() <= 100, match.toString());
            assertTrue(match.get("reasons").size() > 0, "with the reasons: " + match);
            assertEquals(List.of(first), referralIds(match.get("earlierContacts")), "the school's contact: " + match);
            String schoolLaChildId = laChildId(schoolRecord);
            String policeLaChildId = laChildId(policeRecord);
            assertNotEquals(schoolLaChildId, policeLaChildId, "two records, two census records");

            String manager = pipeline.token("team-manager");
            Http.Reply merged = post(pipeline.triage() + "/api/v1/children/" + schoolRecord + "/merge", manager,
                    Map.of("duplicate", policeRecord, "reason", "Same child: same date of birth, the police misspelt"
                            + " the names; confirmed with the school."));
            assertEquals(201, merged.status(), merged.body());
            assertEquals(policeRecord, merged.json().get("duplicate").asText());
            assertEquals(schoolRecord, triageItem(pipeline, policeItem.get("id").asText()).get("childKey").asText(),
                    "the police's contact now counts under the school's record");
            assertEquals(1, pipeline.count("triage-service", "select count(*) from child_characteristics where"
                    + " child_key = '" + policeRecord + "' and merged_into = '" + schoolRecord + "'"),
                    "the duplicate's census record is kept but no longer returned");
            awaitReferralServiceFollowed("child.merged", policeRecord);

            // a contact for the police's record, exactly as recorded (its NHS number), today
            String third = refer(pipeline, police.token(), fromPolice).get("referralId").asText();
            assertEquals(schoolRecord, triageItems(pipeline, third, 1).get(0).get("childKey").asText(),
                    "triage files it under the surviving record");
            assertEquals(2, contactsInLast12Months(third), "the school's contact and the police's both count");

            Http.Reply unmerged = post(pipeline.triage() + "/api/v1/children/" + schoolRecord + "/unmerge", manager,
                    Map.of("duplicate", policeRecord, "reason", "Not the same child after all: the police"
                            + " confirmed another address and school."));
            assertEquals(200, unmerged.status(), unmerged.body());
            assertNotNull(unmerged.json().get("unmergedAt"), unmerged.body());
            awaitReferralServiceFollowed("child.unmerged", policeRecord);
            assertEquals(policeRecord, triageItem(pipeline, policeItem.get("id").asText()).get("childKey").asText(),
                    "the police's contact is the police's record's again");

            String fourth = refer(pipeline, police.token(), fromPolice).get("referralId").asText();
            assertEquals(policeRecord, triageItems(pipeline, fourth, 1).get(0).get("childKey").asText());
            assertEquals(1, contactsInLast12Months(fourth), "only the police's record's own earlier contact again");
            assertEquals(schoolLaChildId, laChildId(schoolRecord), "each record keeps its census LAchildID");
            assertEquals(policeLaChildId, laChildId(policeRecord));
            assertEquals(2, pipeline.count("triage-service", "select count(*) from child_characteristics where"
                    + " child_key in ('" + schoolRecord + "', '" + policeRecord + "') and merged_into is null"),
                    "both in the census again");
            System.out.printf("child merge: possible match scored %d (%s); merged, a contact counted %d earlier;"
                    + " unmerged, %d%n", match.get("score").asInt(), match.get("reasons"), 2, 1);
        }
    }

    /** Moves a referral back in time in the referral service and in triage, as if it had come days ago. */
    private static void daysAgo(String referralId, int days) {
        String back = " - interval '" + days + " days'";
        assertEquals(1, pipeline.update("referral-service", "update referral set received_at = received_at" + back
                + " where id = '" + referralId + "'"));
        pipeline.update("triage-service", "update triage_referral set received_at = received_at" + back
                + " where referral_id = '" + referralId + "'");
        pipeline.update("triage-service", "update triage_item set received_at = received_at" + back
                + ", queued_at = queued_at" + back + " where referral_id = '" + referralId + "'");
    }

    /** The triage item's possible match naming {@code childKey}, once there. */
    private static JsonNode possibleMatch(String itemId, String childKey) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonNode matches = triageItem(pipeline, itemId).get("possibleMatches");
            assertNotNull(matches, "the item lists its possible matches");
            for (JsonNode m : matches) {
                if (childKey.equals(m.get("childKey").asText())) {
                    found[0] = m;
                }
            }
            assertNotNull(found[0], "the school's record among the possible matches: " + matches);
        });
        return found[0];
    }

    private static List<String> referralIds(JsonNode contacts) {
        List<String> ids = new ArrayList<>();
        contacts.forEach(c -> ids.add(c.get("referralId").asText()));
        return ids;
    }

    private static String laChildId(String childKey) {
        Http.Reply reply = Http.get(pipeline.triage() + "/api/v1/children/" + childKey + "/characteristics",
                pipeline.token("team-manager"));
        assertEquals(200, reply.status(), reply.body());
        return reply.json().get("laChildId").asText();
    }

    /** What the referral service told the front door of the child's earlier contacts, as staff see it. */
    private static int contactsInLast12Months(String referralId) {
        return referralView(pipeline, pipeline.token("front-door"), referralId).get("children").get(0)
                .get("priorInvolvement").get("contactsInLast12Months").asInt();
    }

    /** Waits until the referral service has taken in triage's event about the duplicate. */
    private static void awaitReferralServiceFollowed(String eventType, String duplicate) {
        List<String> events = pipeline.strings("triage-service", "select event_id::text from outbox_event where"
                + " event_type = '" + eventType + "' and payload like '%" + duplicate + "%'");
        assertEquals(1, events.size(), "one " + eventType + " about the duplicate: " + events);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> pipeline.count(
                "referral-service", "select count(*) from inbox_event where event_id = '" + events.get(0) + "'") > 0);
    }
}
