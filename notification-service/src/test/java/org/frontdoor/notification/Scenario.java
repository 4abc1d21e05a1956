package org.frontdoor.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.events.Topics;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.SharingConsentStatus;
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.events.payload.ReferralLogged;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.SharingConsent;
import org.frontdoor.events.payload.SharingConsentRecorded;
import org.frontdoor.events.payload.TriageDecided;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.testsupport.DevJwtTestResource;
import org.frontdoor.testsupport.KafkaProbe;
import org.frontdoor.testsupport.WebhookReceiver;

/** Events, calls and checks shared by this service's tests. */
public final class Scenario {

    /** A Standard Webhooks secret: whsec_ and the base64 of 32 random bytes. */
    public static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    private Scenario() {
    }

    public static String token(String role) {
        return DevJwtTestResource.tokens().token(role);
    }

    /** A partner system's token; its organisation is put in the partner directory first, as the gate asks. */
    public static String partnerToken(String org) {
        inDirectory(org);
        return DevJwtTestResource.tokens().token("partner", org);
    }

    /** A partner token for an organisation as it stands, in the directory or not. */
    public static String partnerTokenAsIs(String org) {
        return DevJwtTestResource.tokens().token("partner", org);
    }

    private static final java.util.Set<String> ADMITTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * The organisation in the partner directory, active, as the front door adds one (a school with no contact
     * emails), unless it is there already: a change a test made to it (deactivated, other emails) stays.
     */
    public static void inDirectory(String org) {
        if (ADMITTED.contains(org)) {
            return;
        }
        int status = given().auth().oauth2(token("front-door")).contentType("application/json")
                .body(partnerJson(org, "Organisation " + org, "SCHOOL", "2A", true))
                .post("/api/v1/partners").then().extract().statusCode();
        assertTrue(status == 201 || status == 409, "add " + org + " to the directory: " + status);
        ADMITTED.add(org);
    }

    /** An organisation id no other test uses. */
    public static String uniqueOrg(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Subscribes the organisation's webhook to this receiver. */
    public static void subscribe(String org, WebhookReceiver receiver) {
        subscribe(org, receiver.url());
    }

    /** Subscribes the organisation's webhook to this callback URL. */
    public static void subscribe(String org, String callbackUrl) {
        given().auth().oauth2(partnerToken(org)).contentType("application/json")
                .body("{\"callbackUrl\": \"" + callbackUrl + "\", \"secret\": \"" + SECRET + "\"}")
                .put("/api/v1/subscriptions")
                .then().statusCode(200);
    }

    /** Adds an organisation to the partner directory as the front door does; its contact emails may be none. */
    public static void partner(String id, String name, String agencyType, String cinSourceCode, String... emails) {
        given().auth().oauth2(token("front-door")).contentType("application/json")
                .body(partnerJson(id, name, agencyType, cinSourceCode, true, emails))
                .post("/api/v1/partners")
                .then().statusCode(201);
    }

    /** A partner directory request body. */
    public static String partnerJson(String id, String name, String agencyType, String cinSourceCode, Boolean active,
            String... emails) {
        return "{" + (id == null ? "" : "\"id\": \"" + id + "\", ") + "\"name\": \"" + name + "\", \"agencyType\": \""
                + agencyType + "\", \"cinSourceCode\": \"" + cinSourceCode + "\", \"contactEmails\": ["
                + String.join(", ", Arrays.stream(emails).map(e -> "\"" + e + "\"").toList()) + "]"
                + (active == null ? "" : ", \"active\": " + active) + "}";
    }

    /**
     * A child as referral-service sends it; {@code youngAdult} and {@code consent} for the sharing rule, and
     * {@code reported} when the consent is a partner system's report the front door has not confirmed.
     */
    public record Child(UUID childId, String firstName, String lastName, boolean youngAdult,
            SharingConsentStatus consent, boolean reported, LocalDate dateOfBirth) {

        public Child(UUID childId, String firstName, String lastName) {
            this(childId, firstName, lastName, false, SharingConsentStatus.NOT_RECORDED, false);
        }

        public Child(UUID childId, String firstName, String lastName, boolean youngAdult,
                SharingConsentStatus consent, boolean reported) {
            this(childId, firstName, lastName, youngAdult, consent, reported, null);
        }

        /** Born on this day (a young adult is born in 2007 and a child in 2016 otherwise). */
        public Child bornOn(LocalDate day) {
            return new Child(childId, firstName, lastName, youngAdult, consent, reported, day);
        }

        /** The consent as the event carries it: the front door's own record counts as confirmed. */
        SharingConsent sharingConsent(Instant at) {
            return consent == SharingConsentStatus.NOT_RECORDED ? SharingConsent.NOT_RECORDED
                    : reported ? new SharingConsent(consent, "hillside-system", at, false)
                            : new SharingConsent(consent, "fd-sam-lee", at, consent == SharingConsentStatus.GIVEN);
        }
    }

    /** A care leaver of 18 or over, with their consent to share as the front door recorded it with the referral. */
    public static Child youngAdult(SharingConsentStatus consent) {
        Child c = child();
        return new Child(c.childId(), c.firstName(), c.lastName(), true, consent, false);
    }

    /** A care leaver of 18 or over whose consent GIVEN only the referring partner system reported. */
    public static Child youngAdultReportedConsenting() {
        Child c = child();
        return new Child(c.childId(), c.firstName(), c.lastName(), true, SharingConsentStatus.GIVEN, true);
    }

    /** The front door recorded a young adult's consent after the referral (GIVEN by it is confirmed). */
    public static EventEnvelope consentRecorded(UUID referralId, UUID childId, SharingConsentStatus status) {
        return EventEnvelope.of(EventType.REFERRAL_CONSENT_RECORDED, referralId, new SharingConsentRecorded(referralId,
                childId, true, new SharingConsent(status, "fd-sam-lee", Instant.now(),
                        status == SharingConsentStatus.GIVEN)));
    }

    /** The front door confirmed the consent GIVEN that the partner system reported with the referral. */
    public static EventEnvelope consentConfirmed(UUID referralId, UUID childId, Instant reportedAt) {
        return EventEnvelope.of(EventType.REFERRAL_CONSENT_RECORDED, referralId, new SharingConsentRecorded(referralId,
                childId, true, new SharingConsent(SharingConsentStatus.GIVEN, "hillside-system", reportedAt, true)));
    }

    public static Child child() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        return new Child(UUID.randomUUID(), "Zephyrine" + tag, "Quillfeather" + tag);
    }

    /**
     * A new referral as this service is given it: the referral.logged that referral-service publishes with its
     * referral.received, made from the full referral by the same mapping ({@link ReferralLogged#of}).
     */
    public static EventEnvelope received(UUID referralId, Instant receivedAt, String sourceCode, String kind,
            String org, String email, String concern, Child... children) {
        return logged(fullReferral(referralId, receivedAt, sourceCode, kind, org, email, concern, children));
    }

    /** The referral.logged that referral-service publishes alongside this referral.received. */
    public static EventEnvelope logged(ReferralReceived full) {
        return new EventEnvelope(UUID.randomUUID(), EventType.REFERRAL_LOGGED.wireName(), 1, full.receivedAt(),
                full.referralId(), EventJson.mapper().valueToTree(ReferralLogged.of(full)));
    }

    /** A referral.received as referral-service publishes it for triage (names, dates of birth, concern and all). */
    public static ReferralReceived fullReferral(UUID referralId, Instant receivedAt, String sourceCode, String kind,
            String org, String email, String concern, Child... children) {
        List<ReferralReceived.Child> kids = new ArrayList<>();
        for (int i = 0; i < children.length; i++) {
            Child c = children[i];
            kids.add(new ReferralReceived.Child(c.childId(), i, UUID.randomUUID(), c.firstName(),
                    c.lastName(), c.dateOfBirth() != null ? c.dateOfBirth()
                            : c.youngAdult() ? LocalDate.of(2007, 4, 2) : LocalDate.of(2016, 4, 2), null, "F", null,
                    new ReferralReceived.Address("1 High St", null, "Doncaster", "DN1 1AA"), null,
                    new ReferralReceived.PriorInvolvement(0, false, null, null, null, 0), c.youngAdult(), c.youngAdult(),
                    c.sharingConsent(receivedAt)));
        }
        boolean anonymous = "ANONYMOUS".equals(kind);
        ReferralReceived payload = new ReferralReceived(referralId, receivedAt, null,
                new ReferralReceived.Referrer(sourceCode, kind, org, org == null ? null : "Hillside Primary School",
                        anonymous ? null : "J. Patel", anonymous ? null : "Designated Safeguarding Lead", email,
                        anonymous ? null : "01632 960000", org == null ? null : "HPS-" + referralId.toString().substring(0, 4)),
                new ReferralReceived.Submitter("someone", org == null ? "front-door" : "partner", org),
                kids, List.of(new ReferralReceived.HouseholdMember("Carol Quillfeather", "mother")),
                new ReferralReceived.Concerns(concern, List.of("SIGNS_OF_NEGLECT"), false),
                new ReferralReceived.Consent(true, true, null), referenceOf(referralId));
        return payload;
    }

    /** The human reference referral-service gives this test's contact: one per referral id. */
    public static String referenceOf(UUID referralId) {
        return String.format("FD-2026-%06d", Math.floorMod(referralId.getMostSignificantBits(), 1_000_000L));
    }

    /** A triage.decided as triage-service publishes it for a child with no open case. */
    public static EventEnvelope decided(UUID referralId, UUID childId, int level, String outcome, String pathway,
            String feedback) {
        // a statutory outcome for a child with no open social care case makes the contact a referral; early help
        // and social care outcomes open a case (an unknown outcome, as a newer producer's, neither)
        Optional<Outcome> known = Arrays.stream(Outcome.values()).filter(o -> o.name().equals(outcome)).findFirst();
        return decided(referralId, childId, level, outcome, pathway, feedback,
                known.map(Outcome::statutory).orElse(false),
                known.filter(Outcome::opensCase).map(o -> UUID.randomUUID()).orElse(null));
    }

    public static EventEnvelope decided(UUID referralId, UUID childId, int level, String outcome, String pathway,
            String feedback, boolean becameReferral, UUID caseId) {
        return EventEnvelope.of(EventType.TRIAGE_DECIDED, referralId, new TriageDecided(referralId, childId,
                UUID.randomUUID(), level, outcome, pathway, "N1", feedback, "worker-7", Instant.now(), true,
                becameReferral, becameReferral ? LocalDate.now(WorkingCalendar.ENGLAND) : null, false, null, caseId));
    }

    public static EventEnvelope closed(UUID referralId, List<UUID> childIds, List<String> partnerAgencies) {
        return EventEnvelope.of(EventType.CASE_CLOSED, referralId, new CaseEvent(UUID.randomUUID(), referralId,
                childIds, "EARLY_HELP", "worker-9", null, null, "RC9", "Closed after assessment", partnerAgencies,
                Instant.now(), null));
    }

    public static EventEnvelope stepped(UUID referralId, List<UUID> childIds, List<String> partnerAgencies) {
        return EventEnvelope.of(EventType.CASE_STEPPED, referralId, new CaseEvent(UUID.randomUUID(), referralId,
                childIds, "EARLY_HELP", "worker-9", "DOWN", null, null, "Needs now met by a family support plan.",
                partnerAgencies, Instant.now(), "worker-3"));
    }

    public static void send(EventEnvelope event) throws Exception {
        String topic = EventType.fromWireName(event.type()).orElseThrow().topic();
        KafkaProbe.send(topic, event.key(), EventJson.write(event));
    }

    /** Waits until this service's consumer has processed the event (its inbox holds it). */
    public static void awaitConsumed(AgroalDataSource db, EventEnvelope event) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (Connection c = db.getConnection();
                    PreparedStatement ps = c.prepareStatement("select 1 from inbox_event where event_id = ?")) {
                ps.setObject(1, event.eventId());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The notifications of a referral, as ops see them. */
    public static Response notificationsOf(UUID referralId) {
        return given().auth().oauth2(token("ops")).queryParam("referralId", referralId.toString())
                .get("/api/v1/notifications");
    }

    /** The notification events published for this referral. */
    public static List<EventEnvelope> notificationEvents(UUID referralId) {
        List<EventEnvelope> events = new ArrayList<>();
        for (ConsumerRecord<String, String> r : KafkaProbe.readAll(Topics.NOTIFICATION_EVENTS)) {
            if (referralId.toString().equals(r.key())) {
                events.add(EventJson.read(r.value()));
            }
        }
        return events;
    }

    /**
     * Verifies a delivery the way a partner's Standard Webhooks library does: the key is the base64 after
     * whsec_; the signed content is "id.timestamp.body"; any "v1,&lt;sig&gt;" in the space-separated header
     * must match, compared in constant time; the timestamp must be within 5 minutes of now.
     */
    public static boolean verifies(String secret, WebhookReceiver.Request request) throws Exception {
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        String signatures = request.header("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        long ts = Long.parseLong(timestamp);
        if (Math.abs(Instant.now().getEpochSecond() - ts) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8));
        for (String versioned : signatures.split(" ")) {
            String[] parts = versioned.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")
                    && MessageDigest.isEqual(Base64.getDecoder().decode(parts[1]), expected)) {
                return true;
            }
        }
        return false;
    }

    public static void assertVerifies(WebhookReceiver.Request request) throws Exception {
        assertTrue(verifies(SECRET, request), "signature must verify: " + request.headers());
    }
}
