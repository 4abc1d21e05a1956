package org.frontdoor.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.codes.Kind;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.events.payload.NotificationOutcome;
import org.frontdoor.events.payload.TriageDecided;
import org.frontdoor.events.payload.TriageQueued;
import org.frontdoor.referral.domain.ReferralStatusQueries.ChildCase;
import org.frontdoor.referral.domain.ReferralStatusQueries.Decided;
import org.frontdoor.referral.domain.ReferralStatusQueries.Decision;
import org.frontdoor.referral.domain.ReferralStatusQueries.Entry;
import org.frontdoor.referral.domain.ReferralStatusQueries.Queued;

/**
 * Keeps the referrer-facing status up to date from what triage and notification report:
 * each child's status, the decision and the feedback text meant for the referrer, whether the
 * child's contact became a referral, open cases (so a later contact about the child carries
 * the case), and the timeline. Runs inside the inbox transaction, with payloads read by their one reader (an unknown
 * code never gets here: it is dead-lettered).
 * <p>
 * Set-based ({@link ReferralStatusQueries}): a run of events of one type (what the inbox hands a batch effect) is
 * applied in a fixed number of statements, whatever its length: each table changed once, the timeline entries in one
 * insert, and each contact's status computed once, after all its children moved, not once per event. Where a child
 * comes again in a run, the run is applied in waves, each child once a wave, so that the rows end as they would
 * event by event.
 */
@ApplicationScoped
public class StatusUpdater {

    /** Messages to the organisations the front door asks or meets (issue 27): none goes to the referrer. */
    private static final Set<String> TO_OTHER_ORGANISATIONS = Set.of(Kind.INFORMATION_REQUESTED.name(),
            Kind.INFORMATION_CHASED.name(), Kind.STRATEGY_DISCUSSION_OUTCOME.name());

    @Inject
    ReferralStatusQueries queries;

    /** An event with its payload, read once. */
    private record Read<T>(EventEnvelope event, T payload) {
    }

    /** A child of a case event. */
    private record CaseChild(EventEnvelope event, CaseEvent change, UUID childId) {
    }

    /**
     * Every contact is screened, including one about a child with an open case (triage tells the
     * case's lead worker): the child is in triage, with the open case noted for staff.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queued(List<EventEnvelope> events) {
        List<Read<TriageQueued>> read = events.stream().map(e -> new Read<>(e, TriageQueued.from(e))).toList();
        List<Entry> entries = new ArrayList<>();
        Set<UUID> moved = new LinkedHashSet<>();
        for (List<Read<TriageQueued>> wave : waves(read, r -> r.payload().childId())) {
            Map<UUID, UUID> contacts = queries.queued(wave.stream().map(r -> new Queued(r.payload().childId(),
                    r.payload().openCaseId(), r.payload().codes().openCasePathway())).toList());
            for (Read<TriageQueued> r : wave) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("priority", r.payload().priority());
                entries.add(entry(r.event(), contacts.get(r.payload().childId()), r.payload().childId(), "IN_TRIAGE",
                        "In the MASH triage queue", detail));
            }
            moved.addAll(contacts.values());
        }
        queries.timeline(entries);
        queries.refreshStatus(moved);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void decided(List<EventEnvelope> events) {
        List<Read<TriageDecided>> read = events.stream().map(e -> new Read<>(e, TriageDecided.from(e))).toList();
        List<Entry> entries = new ArrayList<>();
        Set<UUID> moved = new LinkedHashSet<>();
        for (List<Read<TriageDecided>> wave : waves(read, r -> r.payload().childId())) {
            Map<UUID, Decided> rows = queries.decided(wave.stream().map(r -> r.payload())
                    .map(d -> new Decision(d.childId(), d.codes().outcome(), d.level(), d.referrerFeedback(),
                            d.decidedAt(), d.becameReferral(), d.referralDate()))
                    .toList());
            for (Read<TriageDecided> r : wave) {
                Decided row = rows.get(r.payload().childId());
                decisionEntries(r.event(), r.payload(), row, entries);
                moved.add(row.referralId());
            }
        }
        queries.timeline(entries);
        queries.refreshStatus(moved);
    }

    /** The decision on the timeline, and the child's contact becoming a referral when it did just now. */
    private static void decisionEntries(EventEnvelope event, TriageDecided decided, Decided row, List<Entry> entries) {
        Outcome outcome = decided.codes().outcome();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("level", decided.level());
        detail.put("outcome", outcome.name());
        if (decided.pathway() != null) {
            detail.put("pathway", decided.pathway());
        }
        detail.put("recordType", RecordType.of(decided.becameReferral()).name());
        detail.put("referrerFeedback", decided.referrerFeedback());
        entries.add(entry(event, row.referralId(), decided.childId(), "DECIDED", "Decided: " + outcome.label(),
                detail));
        if (decided.becameReferral() && !row.wasReferral()) {
            Map<String, Object> referral = new LinkedHashMap<>();
            referral.put("referralDate", row.referralDate().toString());
            referral.put("outcome", outcome.name());
            entries.add(entry(event, row.referralId(), decided.childId(), "BECAME_REFERRAL",
                    "Became a referral: " + lowerFirst(outcome.label()), referral));
        }
    }

    /** A run of one type of case event ({@code case.opened}, {@code .allocated}, {@code .stepped}, {@code .closed}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void caseChanged(List<EventEnvelope> events) {
        List<CaseChild> children = new ArrayList<>();
        for (EventEnvelope event : events) {
            CaseEvent change = CaseEvent.from(event);
            if (change.childIds() != null) {
                change.childIds().forEach(id -> children.add(new CaseChild(event, change, id)));
            }
        }
        List<Entry> entries = new ArrayList<>();
        Set<UUID> moved = new LinkedHashSet<>();
        for (List<CaseChild> wave : waves(children, CaseChild::childId)) {
            List<ChildCase> cases = wave.stream()
                    .map(c -> new ChildCase(c.childId(), c.change().caseId(), c.change().leadWorker())).toList();
            List<UUID> childIds = wave.stream().map(CaseChild::childId).toList();
            switch (events.get(0).type()) {
                case "case.opened" -> {
                    Map<UUID, UUID> contacts = queries.setStatus(childIds, ChildStatus.CASE_OPEN,
                            Collections.nCopies(childIds.size(), (Instant) null));
                    queries.openCase(cases);
                    caseEntries(wave, contacts, entries);
                    moved.addAll(contacts.values());
                }
                case "case.allocated" -> queries.openCase(cases);
                case "case.stepped" -> caseEntries(wave, queries.openCase(cases), entries);
                case "case.closed" -> {
                    Map<UUID, UUID> contacts = queries.setStatus(childIds, ChildStatus.CASE_CLOSED,
                            wave.stream().map(c -> c.change().occurredAt()).toList());
                    queries.closeCase(cases);
                    caseEntries(wave, contacts, entries);
                    moved.addAll(contacts.values());
                }
                default -> throw new IllegalArgumentException("not a case event: " + events.get(0).type());
            }
        }
        queries.timeline(entries);
        // a case's children are one contact's: its status once, after all of them moved
        queries.refreshStatus(moved);
    }

    /** What a case event puts on each of its children's timeline. */
    private static void caseEntries(List<CaseChild> wave, Map<UUID, UUID> contacts, List<Entry> entries) {
        for (CaseChild c : wave) {
            CaseEvent change = c.change();
            Map<String, Object> detail = new LinkedHashMap<>();
            String kind;
            String summary;
            switch (c.event().type()) {
                case "case.opened" -> {
                    detail.put("pathway", change.pathway());
                    kind = "CASE_OPENED";
                    summary = "Case opened: " + change.pathway();
                }
                case "case.stepped" -> {
                    detail.put("direction", change.direction());
                    detail.put("pathway", change.pathway());
                    kind = "CASE_STEPPED";
                    summary = "Case stepped " + String.valueOf(change.direction()).toLowerCase() + " to "
                            + change.pathway();
                }
                default -> {
                    detail.put("reasonCode", change.closureReasonCode());
                    kind = "CASE_CLOSED";
                    summary = "Case closed";
                }
            }
            entries.add(entry(c.event(), contacts.get(c.childId()), c.childId(), kind, summary, detail));
        }
    }

    /** What the referrer was sent, or could not be: a timeline entry each; no status moves. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notified(List<EventEnvelope> events) {
        List<Entry> entries = new ArrayList<>();
        for (EventEnvelope event : events) {
            NotificationOutcome outcome = NotificationOutcome.from(event);
            if (TO_OTHER_ORGANISATIONS.contains(outcome.kind())) {
                // a request for information, its chase or a strategy discussion's outcome went to another agency,
                // never to the referrer: not on the referrer's timeline
                continue;
            }
            boolean sent = "notification.sent".equals(event.type());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("kind", outcome.kind());
            detail.put("channel", outcome.channel());
            if (outcome.dueBy() != null) {
                detail.put("dueBy", outcome.dueBy().toString());
            }
            String what = outcome.kind() == null ? "Message" : humanise(outcome.kind());
            entries.add(entry(event, outcome.referralId(), outcome.childId(),
                    sent ? "REFERRER_NOTIFIED" : "REFERRER_NOTIFICATION_FAILED",
                    sent ? what + " sent to the referrer by " + String.valueOf(outcome.channel()).toLowerCase()
                            : what + " could not be delivered to the referrer",
                    detail));
        }
        // an unknown referral fails on the timeline's key
        queries.timeline(entries);
    }

    /**
     * The rows in consecutive waves in which no child comes twice: a wave's rows are applied at once, the waves in
     * order (one wave for any run in which each child comes once).
     */
    static <T> List<List<T>> waves(List<T> rows, Function<T, UUID> childOf) {
        List<List<T>> waves = new ArrayList<>();
        List<T> wave = new ArrayList<>();
        Set<UUID> inWave = new HashSet<>();
        for (T row : rows) {
            if (!inWave.add(childOf.apply(row))) {
                waves.add(wave);
                wave = new ArrayList<>();
                inWave.clear();
                inWave.add(childOf.apply(row));
            }
            wave.add(row);
        }
        if (!wave.isEmpty()) {
            waves.add(wave);
        }
        return waves;
    }

    private static Entry entry(EventEnvelope event, UUID referralId, UUID childId, String kind, String summary,
            Map<String, Object> detail) {
        return new Entry(referralId, childId, kind, event.occurredAt(), summary, detail, event.eventId());
    }

    private static String lowerFirst(String label) {
        return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    private static String humanise(String kind) {
        String words = kind.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
