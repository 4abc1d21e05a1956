package org.frontdoor.triage.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.outbox.Outbox;
import org.frontdoor.triage.children.ChildIndexQueries;
import org.frontdoor.triage.screening.ThresholdRules;

/**
 * Received contacts become one triage item per child, with its suggested level, priority and deadline, and a
 * {@code triage.queued} event per child. Every child is screened in the queue; when the child has an open case, its
 * lead worker is told at once and the item shows the case. A run of contacts (what one poll brought, in order) is
 * written set-based in a few statements whatever its size ({@link IntakeQueries}); no entity is loaded. Runs in the
 * inbox transaction of the events, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class TriageIntake {

    static final String SYSTEM = "triage-service";

    @Inject
    ThresholdRules rules;

    @Inject
    Deadlines deadlines;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    ChildIndexQueries childIndex;

    @Inject
    IntakeQueries queries;

    @Inject
    MeterRegistry meters;

    /** Items queued, and contacts received again under another event id (a replay): no log line per event. */
    private Counter itemsQueued;
    private Counter contactsAgain;

    @PostConstruct
    void meters() {
        itemsQueued = meters.counter("frontdoor.triage.items.queued");
        contactsAgain = meters.counter("frontdoor.triage.contacts.already-received");
    }

    /**
     * Queues the run's contacts, in order. A contact triage has already (the same referral under another event id,
     * e.g. a replay) is left as it is: its children are queued already. A contact lacking what triage needs fails
     * the run (the inbox then applies its events one by one, so that only that one is dead-lettered).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void received(List<ReferralReceived> run) {
        run.forEach(TriageIntake::requireComplete);
        List<ReferralReceived> fresh = firstTime(run);
        if (fresh.isEmpty()) {
            return;
        }
        Instant now = Instants.now(clock);
        Map<UUID, UUID> roots = recordChildren(fresh);
        List<IntakeRun.Child> children = new ArrayList<>();
        for (ReferralReceived referral : fresh) {
            List<String> indicators = referral.concerns().indicators() == null ? List.of()
                    : referral.concerns().indicators();
            ThresholdRules.Suggestion suggestion = rules.suggest(indicators, referral.concerns().immediateRisk());
            for (ReferralReceived.Child child : referral.children()) {
                children.add(new IntakeRun.Child(referral, child, indicators, suggestion, roots.get(recordOf(child))));
            }
        }
        IntakeRun rows = IntakeRun.of(children, queries.openCases(children.stream()
                .map(IntakeRun.Child::caseProbe).toList()), deadlines, now);
        inRounds(rows.seeds(), IntakeQueries.Seed::childKey, queries::seed);
        queries.insertQueued(rows.items(), rows.history(), rows.alerts(), rows.audits(), audit.who());
        outbox.appendAll(rows.events());
        itemsQueued.increment(rows.items().size());
    }

    /**
     * The contacts triage has not had before, in the run's order, recorded now (one statement); a contact twice in
     * the run counts once, as its second event would find the first's contact.
     */
    private List<ReferralReceived> firstTime(List<ReferralReceived> run) {
        Map<UUID, ReferralReceived> distinct = new LinkedHashMap<>();
        run.forEach(r -> distinct.putIfAbsent(r.referralId(), r));
        Set<UUID> inserted = queries.insertContacts(distinct.values().stream().map(TriageIntake::contact).toList());
        contactsAgain.increment(run.size() - inserted.size());
        return distinct.values().stream().filter(r -> inserted.contains(r.referralId())).toList();
    }

    private static IntakeQueries.Contact contact(ReferralReceived received) {
        String payload;
        try {
            payload = EventJson.mapper().writeValueAsString(received);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ReferralReceived.Referrer referrer = received.referrer();
        return new IntakeQueries.Contact(received.referralId(), received.receivedAt(), referrer.sourceCode(),
                referrer.kind(), referrer.organisationId(), referrer.organisationName(), received.reference(),
                received.concerns().immediateRisk(), payload);
    }

    /** The run's children in the index of children; each record's root (what the child's data counts under now). */
    private Map<UUID, UUID> recordChildren(List<ReferralReceived> fresh) {
        List<ChildIndexQueries.Recorded> recorded = new ArrayList<>();
        fresh.forEach(r -> r.children().forEach(c -> recorded.add(recorded(r, c))));
        Map<UUID, UUID> roots = new HashMap<>();
        inRounds(recorded, ChildIndexQueries.Recorded::childKey, round -> roots.putAll(childIndex.record(round)));
        return roots;
    }

    /**
     * Writes rows in as few statements as the run allows, each as it would be written one contact at a time: a
     * child twice in the run (two contacts about it in one poll) goes into a second statement after the first, as
     * one statement cannot change a row twice. Nearly always one statement.
     */
    static <T> void inRounds(List<T> rows, Function<T, UUID> key, Consumer<List<T>> write) {
        List<List<T>> rounds = new ArrayList<>();
        Map<UUID, Integer> seen = new HashMap<>();
        for (T row : rows) {
            int round = seen.merge(key.apply(row), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(row);
        }
        rounds.forEach(write);
    }

    private static void requireComplete(ReferralReceived referral) {
        if (referral == null || referral.referralId() == null || referral.receivedAt() == null
                || referral.referrer() == null || referral.referrer().sourceCode() == null
                || referral.children() == null || referral.children().isEmpty() || referral.concerns() == null) {
            throw new IllegalArgumentException("referral.received payload lacks the referral id, receipt time,"
                    + " referrer, children or concerns");
        }
        for (ReferralReceived.Child child : referral.children()) {
            if (child.childId() == null) {
                throw new IllegalArgumentException("a child of referral " + referral.referralId() + " has no id");
            }
        }
    }

    /** The child as the index of children records it, under its record (the known child, else this contact's). */
    private static ChildIndexQueries.Recorded recorded(ReferralReceived referral, ReferralReceived.Child child) {
        return new ChildIndexQueries.Recorded(recordOf(child), child.firstName(), child.lastName(),
                child.dateOfBirth(), child.address() == null ? null : child.address().postcode(), child.nhsNumber(),
                referral.receivedAt());
    }

    static UUID recordOf(ReferralReceived.Child child) {
        return child.knownChildId() != null ? child.knownChildId() : child.childId();
    }
}
