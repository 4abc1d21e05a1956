package org.frontdoor.events.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.events.MalformedEventException;
import org.frontdoor.events.codes.Channel;
import org.frontdoor.events.codes.ClosureReason;
import org.frontdoor.events.codes.Coded;
import org.frontdoor.events.codes.Kind;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.PrimaryNeed;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.events.codes.RetentionKind;
import org.frontdoor.events.codes.StepDirection;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One reader per payload: codes read into the shared code lists, and what cannot be read is malformed. */
class PayloadReadersTest {

    private static final UUID REFERRAL = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:00Z");

    @Nested
    class Decided {

        @Test
        void readsItsCodes() {
            TriageDecided read = TriageDecided.from(envelope(EventType.TRIAGE_DECIDED, decided("STRATEGY_DISCUSSION",
                    "SOCIAL_CARE", "N1")));
            assertEquals(new TriageDecided.Codes(Outcome.STRATEGY_DISCUSSION, Pathway.SOCIAL_CARE,
                    PrimaryNeed.ABUSE_OR_NEGLECT), read.codes());
            assertEquals(new TriageDecided.Codes(Outcome.NO_FURTHER_ACTION, null, null),
                    decided("NO_FURTHER_ACTION", null, null).codes());
        }

        @Test
        void anUnknownOrMissingCodeIsMalformed() {
            MalformedEventException unknown = assertThrows(MalformedEventException.class, () -> TriageDecided.from(
                    envelope(EventType.TRIAGE_DECIDED, decided("FAMILY_GROUP_CONFERENCE", "EARLY_HELP", null))));
            assertTrue(unknown.getMessage().contains("unknown outcome 'FAMILY_GROUP_CONFERENCE'"), unknown.getMessage());
            assertThrows(MalformedEventException.class, () -> decided(null, "NONE", null).codes());
            assertThrows(MalformedEventException.class, () -> decided("early_help_targeted", null, null).codes());
            assertThrows(MalformedEventException.class, () -> decided("NO_FURTHER_ACTION", "YOUTH_JUSTICE", null)
                    .codes());
            MalformedEventException need = assertThrows(MalformedEventException.class,
                    () -> decided("SOCIAL_CARE_ASSESSMENT", "SOCIAL_CARE", "N10").codes());
            assertTrue(need.getMessage().contains("unknown primaryNeedCode 'N10'"), need.getMessage());
        }
    }

    @Test
    void queuedCaseAndNotificationCodesAreRead() {
        TriageQueued queued = new TriageQueued(REFERRAL, UUID.randomUUID(), UUID.randomUUID(), "AMBER", NOW, false,
                NOW, UUID.randomUUID(), "EARLY_HELP");
        assertEquals(new TriageQueued.Codes(Priority.AMBER, Pathway.EARLY_HELP),
                TriageQueued.from(envelope(EventType.TRIAGE_QUEUED, queued)).codes());
        CaseEvent closed = new CaseEvent(UUID.randomUUID(), REFERRAL, List.of(UUID.randomUUID()), "EARLY_HELP", "w",
                "DOWN", null, "RC8", null, List.of(), NOW, null);
        assertEquals(new CaseEvent.Codes(Pathway.EARLY_HELP, StepDirection.DOWN, ClosureReason.NFA_AFTER_ASSESSMENT),
                CaseEvent.from(envelope(EventType.CASE_CLOSED, closed)).codes());
        NotificationOutcome sent = new NotificationOutcome(UUID.randomUUID(), REFERRAL, null, "OUTCOME", "WEBHOOK",
                "hillside-primary", NOW, NOW, 1, null);
        assertEquals(new NotificationOutcome.Codes(Kind.OUTCOME, Channel.WEBHOOK),
                NotificationOutcome.from(envelope(EventType.NOTIFICATION_SENT, sent)).codes());
        ReferralErased erased = new ReferralErased(REFERRAL, List.of(), "childrens-records", NOW);
        assertEquals(RetentionKind.CHILDRENS_RECORDS, ReferralErased.from(envelope(EventType.REFERRAL_ERASED, erased))
                .retention());
    }

    @Test
    void anUnknownCodeOfAnyPayloadIsMalformed() {
        CaseEvent closed = new CaseEvent(UUID.randomUUID(), REFERRAL, List.of(), "EARLY_HELP", null, null, null,
                "RC10", null, List.of(), NOW, null);
        assertThrows(MalformedEventException.class, () -> CaseEvent.from(envelope(EventType.CASE_CLOSED, closed)));
        TriageQueued queued = new TriageQueued(REFERRAL, UUID.randomUUID(), UUID.randomUUID(), "PURPLE", NOW, false,
                NOW, null, null);
        assertThrows(MalformedEventException.class, () -> TriageQueued.from(envelope(EventType.TRIAGE_QUEUED, queued)));
        NotificationOutcome sent = new NotificationOutcome(UUID.randomUUID(), REFERRAL, null, "OUTCOME", "PIGEON",
                null, NOW, NOW, 1, null);
        assertThrows(MalformedEventException.class,
                () -> NotificationOutcome.from(envelope(EventType.NOTIFICATION_SENT, sent)));
        assertThrows(MalformedEventException.class, () -> ReferralErased.from(envelope(EventType.REFERRAL_ERASED,
                new ReferralErased(REFERRAL, List.of(), "everything", NOW))));
    }

    @Test
    void aPayloadOfTheWrongShapeIsMalformed() {
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(), EventType.TRIAGE_DECIDED.wireName(), 1, NOW,
                REFERRAL, EventJson.mapper().createObjectNode().put("level", "high"));
        assertThrows(MalformedEventException.class, () -> TriageDecided.from(event));
    }

    @Test
    void theReadersAddNothingToTheWire() {
        TriageDecided decided = decided("STRATEGY_DISCUSSION", "SOCIAL_CARE", "N1");
        assertEquals(List.of("referralId", "childId", "triageItemId", "level", "outcome", "pathway", "primaryNeedCode",
                "referrerFeedback", "decidedBy", "decidedAt", "metDeadline", "becameReferral", "reReferral", "caseId"),
                fieldsOf(decided));
        assertEquals(List.of("referralId", "childIds", "retentionKind", "erasedAt"),
                fieldsOf(new ReferralErased(REFERRAL, List.of(), "contacts", NOW)));
    }

    @Test
    void codedListsAreLookedUpByCode() {
        assertEquals(ClosureReason.EARLY_HELP_AFTER_ASSESSMENT, Coded.lookup(ClosureReason.class, "RC9").orElseThrow());
        assertEquals(RetentionKind.CONTACTS, RetentionKind.fromCode("contacts").orElseThrow());
        assertTrue(PrimaryNeed.fromCode("n1").isEmpty(), "codes are matched exactly");
        assertTrue(PrimaryNeed.fromCode(null).isEmpty());
        assertNull(decided("NO_FURTHER_ACTION", null, null).codes().primaryNeed());
    }

    private static List<String> fieldsOf(Object payload) {
        List<String> names = new java.util.ArrayList<>();
        EventJson.mapper().valueToTree(payload).fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static EventEnvelope envelope(EventType type, Object payload) {
        return EventEnvelope.of(type, REFERRAL, payload);
    }

    private static TriageDecided decided(String outcome, String pathway, String need) {
        return new TriageDecided(REFERRAL, UUID.randomUUID(), UUID.randomUUID(), 4, outcome, pathway, need,
                "feedback", "tw-tara-jones", NOW, true, false, null, false, null, UUID.randomUUID());
    }
}
