package org.frontdoor.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.sql.SqlRow;
import org.frontdoor.support.sql.TextArrays;

/**
 * The referrer-facing status, set in place and set-based: each change is one statement for all the children of a run
 * of events (an update from {@code unnest}, returning each child's contact), the timeline entries one insert, and
 * each contact's status one statement for all the run's contacts, never loading a contact and its children. A child
 * that is not there is an {@link IllegalArgumentException}: the event breaks the contract (its run falls back to one
 * event at a time, and that event is dead-lettered).
 * <p>
 * Every list is passed as a text array ({@link TextArrays}). A child appears at most once in one call:
 * {@link StatusUpdater} splits a run where a child comes again.
 */
@ApplicationScoped
public class ReferralStatusQueries {

    @Inject
    EntityManager em;

    /** A child queued in triage, with its open case and the case's pathway when it has one. */
    public record Queued(UUID childId, UUID openCaseId, Pathway openCasePathway) {
    }

    /** A decision on a child, as triage sent it. */
    public record Decision(UUID childId, Outcome outcome, int level, String referrerFeedback, Instant decidedAt,
            boolean becameReferral, LocalDate referralDate) {
    }

    /** A decision as set on the child: its contact, whether it was a referral before, and its referral date now. */
    public record Decided(UUID referralId, boolean wasReferral, LocalDate referralDate) {
    }

    /** A child's case, and its lead worker (null while it waits for a manager's allocation). */
    public record ChildCase(UUID childId, UUID caseId, String worker) {
    }

    /** One entry of a contact's timeline. */
    public record Entry(UUID referralId, UUID childId, String kind, Instant occurredAt, String summary,
            Map<String, Object> detail, UUID sourceEventId) {
    }

    /** The children are in triage, each open case (and its pathway) noted; returns each child's contact. */
    public Map<UUID, UUID> queued(List<Queued> children) {
        return contacts(children.stream().map(Queued::childId).toList(), SqlRow.list(em, """
                with input as (
                    select * from unnest(cast(?1 as uuid[]), cast(?2 as uuid[]), cast(?3 as text[]))
                        as i(child_id, open_case_id, pathway)),
                changed as (
                    update referral_child c set status = ?4, open_case_id = coalesce(i.open_case_id, c.open_case_id),
                        open_case_pathway = case when i.open_case_id is null then c.open_case_pathway else i.pathway end
                    from input i where c.id = i.child_id returning c.id, c.referral_id)
                select id, referral_id from changed""",
                TextArrays.of(children, Queued::childId), TextArrays.of(children, Queued::openCaseId),
                TextArrays.of(children, q -> q.openCaseId() == null ? null : q.openCasePathway()),
                ChildStatus.IN_TRIAGE.name()));
    }

    /**
     * The decisions on the children. A referral date defaults to the contact's date in England; what each child's
     * row said before tells a new referral. Returns what was set, by child.
     */
    public Map<UUID, Decided> decided(List<Decision> decisions) {
        List<SqlRow> rows = SqlRow.list(em, """
                with input as (
                    select * from unnest(cast(?1 as uuid[]), cast(?2 as text[]), cast(?3 as int[]), cast(?4 as text[]),
                        cast(?5 as text[]), cast(?6 as timestamptz[]), cast(?7 as boolean[]), cast(?8 as date[]))
                        as i(child_id, status, level, outcome, feedback, decided_at, became, referral_date)),
                before as (
                    select c.id, c.referral_id, c.became_referral, r.received_at
                    from referral_child c join referral r on r.id = c.referral_id
                    where c.id in (select child_id from input) for update of c),
                changed as (
                    update referral_child t set status = i.status, level = i.level, outcome = i.outcome,
                        referrer_feedback = i.feedback, decided_at = i.decided_at, became_referral = i.became,
                        referral_date = case when i.became then coalesce(i.referral_date,
                            cast(b.received_at at time zone ?9 as date)) end
                    from before b join input i on i.child_id = b.id where t.id = b.id
                    returning b.id, b.referral_id, b.became_referral, t.referral_date)
                select id, referral_id, became_referral, referral_date from changed""",
                TextArrays.of(decisions, Decision::childId),
                TextArrays.of(decisions, d -> ChildStatus.decided(d.outcome())),
                TextArrays.of(decisions, Decision::level), TextArrays.of(decisions, Decision::outcome),
                TextArrays.of(decisions, Decision::referrerFeedback),
                TextArrays.of(decisions, Decision::decidedAt),
                TextArrays.of(decisions, Decision::becameReferral),
                TextArrays.of(decisions, Decision::referralDate),
                WorkingCalendar.ENGLAND.getId());
        Map<UUID, Decided> byChild = new LinkedHashMap<>();
        rows.forEach(r -> byChild.put(r.uuid("id"), new Decided(r.uuid("referral_id"),
                Boolean.TRUE.equals(r.bool("became_referral")), r.date("referral_date"))));
        requireAll(decisions.stream().map(Decision::childId).toList(), byChild);
        return byChild;
    }

    /** Sets the children's status (and when their case closed, where given); returns each child's contact. */
    public Map<UUID, UUID> setStatus(List<UUID> childIds, ChildStatus status, List<Instant> caseClosedAt) {
        return contacts(childIds, SqlRow.list(em, """
                with input as (
                    select * from unnest(cast(?1 as uuid[]), cast(?2 as timestamptz[])) as i(child_id, closed_at)),
                changed as (
                    update referral_child c set status = ?3, case_closed_at = coalesce(i.closed_at, c.case_closed_at)
                    from input i where c.id = i.child_id returning c.id, c.referral_id)
                select id, referral_id from changed""",
                TextArrays.of(childIds, id -> id), TextArrays.of(caseClosedAt, at -> at), status.name()));
    }

    /**
     * Each child's open case and its lead worker, on its known child. A case awaiting a manager's allocation has no
     * lead worker: the one known for that case stays until another is allocated; another case starts afresh. Two
     * children of one known child (the same child named twice in a contact) have one case: the last given is set.
     * Returns each child's contact.
     */
    public Map<UUID, UUID> openCase(List<ChildCase> cases) {
        return contacts(cases.stream().map(ChildCase::childId).toList(), SqlRow.list(em, """
                with input as (
                    select * from unnest(cast(?1 as uuid[]), cast(?2 as uuid[]), cast(?3 as text[]))
                        with ordinality as i(child_id, case_id, worker, n)),
                target as (
                    select distinct on (c.known_child_id) c.known_child_id, i.case_id, i.worker
                    from input i join referral_child c on c.id = i.child_id order by c.known_child_id, i.n desc),
                changed as (
                    update known_child k set open_case_id = t.case_id, open_case_worker = case
                        when k.open_case_id = t.case_id then coalesce(t.worker, k.open_case_worker) else t.worker end
                    from target t where k.id = t.known_child_id returning k.id)
                select c.id, c.referral_id from input i join referral_child c on c.id = i.child_id
                where c.known_child_id in (select id from changed)""",
                TextArrays.of(cases, ChildCase::childId), TextArrays.of(cases, ChildCase::caseId),
                TextArrays.of(cases, ChildCase::worker)));
    }

    /**
     * The cases closed: no record of each child's known child's tree (the records merged into one child) has its case
     * open any more (a record with another case open by now keeps that one).
     */
    public void closeCase(List<ChildCase> cases) {
        em.createNativeQuery("""
                update known_child t set open_case_id = null, open_case_worker = null
                from unnest(cast(?1 as uuid[]), cast(?2 as uuid[])) as i(child_id, case_id)
                join referral_child c on c.id = i.child_id join known_child k on k.id = c.known_child_id
                where t.open_case_id = i.case_id
                    and (t.id = coalesce(k.root_id, k.id) or t.root_id = coalesce(k.root_id, k.id))""")
                .setParameter(1, TextArrays.of(cases, ChildCase::childId))
                .setParameter(2, TextArrays.of(cases, ChildCase::caseId))
                .executeUpdate();
    }

    /** The entries, in one insert, in their order (the timeline reads by time, then by the order written). */
    public void timeline(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                insert into timeline_entry (referral_id, child_id, kind, occurred_at, summary, detail, source_event_id)
                select referral_id, child_id, kind, occurred_at, summary, detail, source_event_id
                from unnest(cast(?1 as uuid[]), cast(?2 as uuid[]), cast(?3 as text[]), cast(?4 as timestamptz[]),
                    cast(?5 as text[]), cast(?6 as jsonb[]), cast(?7 as uuid[]))
                    with ordinality as e(referral_id, child_id, kind, occurred_at, summary, detail, source_event_id, n)
                order by n""")
                .setParameter(1, TextArrays.of(entries, Entry::referralId))
                .setParameter(2, TextArrays.of(entries, Entry::childId))
                .setParameter(3, TextArrays.of(entries, Entry::kind))
                .setParameter(4, TextArrays.of(entries, Entry::occurredAt))
                .setParameter(5, TextArrays.of(entries, Entry::summary))
                .setParameter(6, TextArrays.of(entries,
                        e -> EntityJson.write(Objects.requireNonNullElse(e.detail(), Map.of()))))
                .setParameter(7, TextArrays.of(entries, Entry::sourceEventId))
                .executeUpdate();
    }

    /** Each contact's status, from its children's, in one statement. */
    public void refreshStatus(Collection<UUID> referralIds) {
        if (!referralIds.isEmpty()) {
            em.createNativeQuery(Referral.REFRESH_STATUS_SQL)
                    .setParameter(1, referralIds.stream().map(UUID::toString).toArray(String[]::new))
                    .executeUpdate();
        }
    }

    /** The contact of each child, in the children's order; every child must be there. */
    private static Map<UUID, UUID> contacts(List<UUID> childIds, List<SqlRow> rows) {
        Map<UUID, UUID> byChild = new LinkedHashMap<>();
        rows.forEach(r -> byChild.put(r.uuid("id"), r.uuid("referral_id")));
        requireAll(childIds, byChild);
        return byChild;
    }

    private static void requireAll(List<UUID> childIds, Map<UUID, ?> found) {
        childIds.stream().filter(id -> !found.containsKey(id)).findFirst().ifPresent(id -> {
            throw new IllegalArgumentException("unknown child " + id);
        });
    }
}
