package org.frontdoor.triage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.events.Topics;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.SharingConsent;
import org.frontdoor.testsupport.DevJwtTestResource;
import org.frontdoor.testsupport.KafkaProbe;

/** Referrals as intake publishes them, and calls shared by this service's tests. */
public final class Triage {

    public static final String WORKER = "triage-worker";
    public static final String MANAGER = "team-manager";
    /** The demo staff (demo/staff.sql) the development tokens' subjects are linked to. */
    public static final String WORKER_ID = "tw-tara-jones";
    public static final String MANAGER_ID = "tm-maya-reid";
    /** A second triage worker and a second team manager, by their sign-in subjects. */
    public static final String OTHER_WORKER = "sam-patel";
    public static final String OTHER_MANAGER = "owen-hart";

    private Triage() {
    }

    public static RequestSpecification as(String role) {
        return given().auth().oauth2(DevJwtTestResource.tokens().token(role)).contentType("application/json");
    }

    /** As a named user of a role, e.g. a second triage worker. */
    public static RequestSpecification as(String role, String subject) {
        return given().auth().oauth2(DevJwtTestResource.tokens().builder().role(role).subject(subject).build())
                .contentType("application/json");
    }

    /** A school's referral of the given children (first names), with these indicators. */
    public static ReferralReceived referral(Instant receivedAt, List<String> indicators, boolean immediateRisk,
            String... firstNames) {
        UUID referralId = UUID.randomUUID();
        List<ReferralReceived.Child> children = new ArrayList<>();
        for (int i = 0; i < firstNames.length; i++) {
            children.add(child(i, firstNames[i], new ReferralReceived.PriorInvolvement(0, false, null, null, null, 0)));
        }
        return new ReferralReceived(referralId, receivedAt, receivedAt.plus(Duration.ofDays(1)),
                new ReferralReceived.Referrer("2A", "PROFESSIONAL", "hillside-primary", "Hillside Primary School",
                        "J. Patel", "Designated Safeguarding Lead", "dsl@hillside.example", null, "HPS-1"),
                new ReferralReceived.Submitter("hillside-system", "partner", "hillside-primary"),
                children, List.of(new ReferralReceived.HouseholdMember("Carol Smith", "mother")),
                new ReferralReceived.Concerns("Arrives hungry most days.", indicators, immediateRisk),
                new ReferralReceived.Consent(true, true, null), referenceOf(referralId));
    }

    /** The human reference intake gives a test's contact: one per referral id. */
    public static String referenceOf(UUID referralId) {
        return String.format("FD-2026-%06d", Math.floorMod(referralId.getMostSignificantBits(), 1_000_000L));
    }

    /** A later contact about the same known child, as intake would publish it with this prior involvement. */
    public static ReferralReceived contactAbout(ReferralReceived.Child child, List<String> indicators,
            boolean immediateRisk, ReferralReceived.PriorInvolvement prior) {
        ReferralReceived base = referral(Instant.now(), indicators, immediateRisk);
        return new ReferralReceived(base.referralId(), base.receivedAt(), base.acknowledgementDueBy(),
                base.referrer(), base.submittedBy(), List.of(new ReferralReceived.Child(UUID.randomUUID(), 0,
                        child.knownChildId(), child.firstName(), child.lastName(), child.dateOfBirth(), null,
                        child.gender(), null, null, null, prior, false, false, SharingConsent.NOT_RECORDED)),
                base.householdMembers(), base.concerns(), base.consent(), base.reference());
    }

    public static ReferralReceived.Child child(int position, String firstName, ReferralReceived.PriorInvolvement prior) {
        return new ReferralReceived.Child(UUID.randomUUID(), position, UUID.randomUUID(), firstName, "Smith",
                LocalDate.parse("2016-04-02"), null, "F", null,
                new ReferralReceived.Address("1 High St", null, "Doncaster", "DN1 1AA"), "Hillside Primary School",
                prior, false, false, SharingConsent.NOT_RECORDED);
    }

    /** Publishes referral.received as intake would; returns the event. */
    public static EventEnvelope publish(ReferralReceived referral) throws Exception {
        EventEnvelope event = EventEnvelope.of(EventType.REFERRAL_RECEIVED, referral.referralId(), referral);
        send(event);
        return event;
    }

    public static void send(EventEnvelope event) throws Exception {
        KafkaProbe.send(Topics.REFERRAL_EVENTS, event.key(), EventJson.write(event));
    }

    /** The referral's triage items (any status), once all {@code count} are there. */
    public static List<String> itemIds(UUID referralId, String status, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath page = as(WORKER).queryParam("referralId", referralId.toString())
                    .queryParam("status", status).get("/api/v1/triage-items").then().statusCode(200)
                    .extract().jsonPath();
            return page.<String>getList("items.id");
        }, ids -> ids.size() == count);
    }

    /** Publishes a one-child referral and returns its item id once it is queued. */
    public static String queued(List<String> indicators, boolean immediateRisk) throws Exception {
        ReferralReceived referral = referral(Instant.now(), indicators, immediateRisk, "Amy");
        publish(referral);
        return itemIds(referral.referralId(), "NEW", 1).get(0);
    }

    /** The events on triage-events for this referral, of this type, in order. */
    public static List<EventEnvelope> events(UUID referralId, EventType type) {
        List<EventEnvelope> found = new ArrayList<>();
        for (ConsumerRecord<String, String> r : KafkaProbe.readAll(Topics.TRIAGE_EVENTS)) {
            if (referralId.toString().equals(r.key())) {
                EventEnvelope e = EventJson.read(r.value());
                if (e.type().equals(type.wireName())) {
                    found.add(e);
                }
            }
        }
        return found;
    }

    /** Waits until {@code count} events of the type are on the topic for the referral. */
    public static List<EventEnvelope> awaitEvents(UUID referralId, EventType type, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> events(referralId, type), l -> l.size() >= count);
    }

    public static String decision(int level, String outcome, String need) {
        return """
                {"level": %d, "outcome": "%s", %s
                 "rationale": "Checks confirm the concern; the family engages.",
                 "referrerFeedback": "Thank you. We have decided how to help the family."}"""
                .formatted(level, outcome, need == null ? "" : "\"primaryNeedCode\": \"" + need + "\",");
    }

    /** The service's clock standing at a chosen moment and moving on from there (install with QuarkusMock). */
    public static final class StandingClock extends java.time.Clock {
        private final Duration offset;
        private final java.time.ZoneId zone;

        private StandingClock(Duration offset, java.time.ZoneId zone) {
            this.offset = offset;
            this.zone = zone;
        }

        public static StandingClock at(Instant now) {
            return new StandingClock(Duration.between(Instant.now(), now), java.time.ZoneOffset.UTC);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public java.time.ZoneId getZone() {
            return zone;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId newZone) {
            return new StandingClock(offset, newZone);
        }
    }

    /** A queued contact about one child, with the child's key across contacts. */
    public record Item(String id, UUID referralId, UUID childKey, ReferralReceived.Child child) {
    }

    /** A school's contact about one new child received at {@code receivedAt}, queued. */
    public static Item contact(String receivedAt, List<String> indicators, String born, String expected,
            String gender) throws Exception {
        ReferralReceived base = referral(Instant.parse(receivedAt), indicators, false, "Child");
        ReferralReceived.Child c = base.children().get(0);
        ReferralReceived.Child child = new ReferralReceived.Child(c.childId(), 0, UUID.randomUUID(), "Child", "Smith",
                born == null ? null : LocalDate.parse(born), expected == null ? null : LocalDate.parse(expected),
                gender, null, c.address(), null, c.priorInvolvement(), false, false, SharingConsent.NOT_RECORDED);
        return queue(new ReferralReceived(base.referralId(), base.receivedAt(), base.acknowledgementDueBy(),
                base.referrer(), base.submittedBy(), List.of(child), base.householdMembers(), base.concerns(),
                base.consent(), base.reference()));
    }

    /** A later contact about the same child (a re-referral, should it become a referral), queued. */
    public static Item contactAbout(Item earlier, String receivedAt) throws Exception {
        ReferralReceived base = referral(Instant.parse(receivedAt), List.of("NON_ACCIDENTAL_INJURY"), false, "Child");
        ReferralReceived.Child c = earlier.child();
        ReferralReceived.Child child = new ReferralReceived.Child(UUID.randomUUID(), 0, c.knownChildId(),
                c.firstName(), c.lastName(), c.dateOfBirth(), null, c.gender(), null, c.address(), null,
                new ReferralReceived.PriorInvolvement(1, true, null, null, null, 1), false, false,
                SharingConsent.NOT_RECORDED);
        return queue(new ReferralReceived(base.referralId(), base.receivedAt(), base.acknowledgementDueBy(),
                base.referrer(), base.submittedBy(), List.of(child), base.householdMembers(), base.concerns(),
                base.consent(), base.reference()));
    }

    private static Item queue(ReferralReceived referral) throws Exception {
        publish(referral);
        String id = itemIds(referral.referralId(), "NEW", 1).get(0);
        UUID childKey = UUID.fromString(as(WORKER).get("/api/v1/triage-items/" + id).path("childKey"));
        return new Item(id, referral.referralId(), childKey, referral.children().get(0));
    }

    /** Decides as the triage worker; the case it opened, if any. */
    public static String decide(Item item, String decision) {
        return as(WORKER).body(decision).post("/api/v1/triage-items/" + item.id() + "/decision").then()
                .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("DECIDED")).extract().path("caseId");
    }
}
