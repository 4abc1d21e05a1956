package org.frontdoor.triage.children;

import static org.frontdoor.triage.Triage.WORKER;
import static org.frontdoor.triage.Triage.as;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.SharingConsent;
import org.frontdoor.triage.Triage;

/** Contacts about children described one detail at a time, as intake publishes them, and their possible matches. */
final class ChildContacts {

    private ChildContacts() {
    }

    /** A contact about one child, queued: its referral, item, the child's record and the item's child key. */
    record Contact(UUID referralId, String itemId, UUID record, UUID childKey) {
    }

    /** How a child is described in a contact; null for a detail the referrer did not give. */
    record Described(String firstName, String lastName, LocalDate born, String postcode, String nhsNumber) {

        Described firstName(String f) {
            return new Described(f, lastName, born, postcode, nhsNumber);
        }

        Described lastName(String l) {
            return new Described(firstName, l, born, postcode, nhsNumber);
        }

        Described born(LocalDate b) {
            return new Described(firstName, lastName, b, postcode, nhsNumber);
        }

        Described postcode(String p) {
            return new Described(firstName, lastName, born, p, nhsNumber);
        }

        Described nhsNumber(String n) {
            return new Described(firstName, lastName, born, postcode, n);
        }
    }

    /**
     * A date of birth no other test (nor an earlier run on the same database) is likely to use, with day and month
     * both 1-9 and different, so that they can be swapped and a digit changed.
     */
    static LocalDate unusualBirthDate() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int month = 1 + r.nextInt(9);
        int day = 1 + r.nextInt(9);
        if (day == month) {
            day = day % 9 + 1;
        }
        return LocalDate.of(2006 + r.nextInt(18), month, day);
    }

    static String nhsNumber() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    /** A school's contact received {@code daysAgo} days ago about a child the referral service did not know. */
    static Contact school(Described child, int daysAgo) throws Exception {
        ReferralReceived base = Triage.referral(Instant.now().minus(Duration.ofDays(daysAgo)), List.of("POOR_ATTENDANCE"),
                false, "Child");
        return queue(base, base.referrer(), UUID.randomUUID(), child);
    }

    /** A school's contact about a child the referral service knows as {@code record}. */
    static Contact schoolAbout(UUID record, Described child, int daysAgo) throws Exception {
        ReferralReceived base = Triage.referral(Instant.now().minus(Duration.ofDays(daysAgo)), List.of("POOR_ATTENDANCE"),
                false, "Child");
        return queue(base, base.referrer(), record, child);
    }

    /** The police's contact received {@code daysAgo} days ago. */
    static Contact police(Described child, int daysAgo) throws Exception {
        ReferralReceived base = Triage.referral(Instant.now().minus(Duration.ofDays(daysAgo)),
                List.of("POOR_ATTENDANCE"), false, "Child");
        ReferralReceived.Referrer police = new ReferralReceived.Referrer("6", "PROFESSIONAL", "south-yorkshire-police",
                "South Yorkshire Police", "PC A. Shaw", "Officer", "mash@sypolice.example", null, "SYP-1");
        return queue(base, police, UUID.randomUUID(), child);
    }

    private static Contact queue(ReferralReceived base, ReferralReceived.Referrer referrer, UUID record, Described d)
            throws Exception {
        ReferralReceived.Child child = new ReferralReceived.Child(UUID.randomUUID(), 0, record, d.firstName(),
                d.lastName(), d.born(), null, "M", d.nhsNumber(),
                d.postcode() == null ? null : new ReferralReceived.Address("1 High St", null, "Doncaster", d.postcode()),
                null, new ReferralReceived.PriorInvolvement(0, false, null, null, null, 0), false, false,
                SharingConsent.NOT_RECORDED);
        ReferralReceived referral = new ReferralReceived(base.referralId(), base.receivedAt(),
                base.acknowledgementDueBy(), referrer, base.submittedBy(), List.of(child), base.householdMembers(),
                base.concerns(), base.consent());
        Triage.publish(referral);
        String itemId = Triage.itemIds(referral.referralId(), "NEW", 1).get(0);
        UUID childKey = UUID.fromString(as(WORKER).get("/api/v1/triage-items/" + itemId).path("childKey"));
        return new Contact(referral.referralId(), itemId, record, childKey);
    }

    /** The item's possible matches as the API lists them. */
    static List<Map<String, Object>> possibleMatches(Contact contact) {
        JsonPath item = as(WORKER).get("/api/v1/triage-items/" + contact.itemId()).then().statusCode(200).extract()
                .jsonPath();
        return item.getList("possibleMatches");
    }

    /** The possible match of {@code earlier}'s record among {@code contact}'s, or null. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> matchOf(Contact contact, Contact earlier) {
        return possibleMatches(contact).stream().filter(m -> earlier.childKey().toString().equals(m.get("childKey")))
                .findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    static List<String> reasons(Map<String, Object> match) {
        return (List<String>) match.get("reasons");
    }
}
