package org.frontdoor.triage.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.concurrency.IfMatch;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.support.validation.Text;
import org.frontdoor.triage.cases.CareCase;
import org.frontdoor.triage.queue.HistoryEntry;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.queue.TriageStatus;

/**
 * The staff directory, kept by team managers: who works at the front door, linked to their sign-in
 * by the identity provider's subject, with team, pathway, role and caseload limit. Deactivating a
 * worker lists their open cases for reallocation and returns their undecided items to the queue. The
 * directory's rules are the record's ({@link StaffMember}).
 */
@ApplicationScoped
public class StaffService {

    @Inject
    Caseloads caseloads;

    @Inject
    Actors actors;

    @Inject
    AuditLog audit;

    @Inject
    RequestValidation validation;

    @Inject
    Clock clock;

    /** A member of staff with the cases they lead now and their caseload band. */
    public record Member(StaffMember staff, List<CareCase> openCases, int caseloadLimit, Caseloads.Band caseloadBand) {
    }

    /** A deactivated member of staff: their open cases, for reallocation, and the items put back in the queue. */
    public record Deactivated(Member member, List<TriageItem> returnedToQueue) {
    }

    @Transactional
    public List<Member> list(boolean casesOnly) {
        Map<String, List<CareCase>> byWorker = CareCase.<CareCase>list("status = ?1 and leadWorker is not null"
                + " order by openedAt", CareCase.Status.OPEN).stream().collect(Collectors.groupingBy(c -> c.leadWorker));
        List<Member> members = StaffMember.<StaffMember>listAll().stream()
                .filter(s -> !casesOnly || s.holdsCases())
                .sorted(Comparator.comparing((StaffMember s) -> s.id))
                .map(s -> member(s, byWorker.getOrDefault(s.id, List.of())))
                .toList();
        audit.record(casesOnly ? "worker.list" : "staff.list", null, members.size() + " member(s) of staff");
        return members;
    }

    @Transactional
    public Member get(String id) {
        StaffMember s = find(id, false);
        audit.record("staff.read", null, "staff " + id);
        return member(s);
    }

    /** The signed-in person's own staff record. */
    @Transactional
    public Member me() {
        return member(actors.staff().staff());
    }

    @Transactional
    public Member create(StaffCommand command) {
        if (command != null && command.id() != null && StaffMember.findById(command.id()) != null) {
            throw DomainException.conflict("Staff id " + command.id() + " is taken: change that record instead");
        }
        validation.check(command, command == null ? List.of() : StaffMember.check(command, null));
        Actor actor = actors.current();
        StaffMember s = new StaffMember();
        s.id = command.id();
        boolean active = command.active() == null || command.active();
        requireChangeable(s, actor, true, command, active);
        s.record(command);
        s.active = active;
        s.persist();
        audit.record("staff.created", null, "staff " + s.id + ", " + s.role + (s.pathway == null ? "" : ", " + s.pathway));
        signInMoved(s.id, null, s.subject, actor);
        StaffMember.flush();
        return member(s);
    }

    /**
     * Replaces a member's record. Their id stays; a pathway change or deactivation while they lead
     * open cases is refused until the cases are reallocated (deactivate lists them).
     */
    @Transactional
    public Member update(String id, StaffCommand command, Long ifMatch) {
        StaffMember s = find(id, true);
        List<FieldError> errors = new ArrayList<>();
        if (command != null) {
            if (command.id() != null && !command.id().equals(id)) {
                errors.add(new FieldError("id", "cannot change: it is " + id));
            }
            errors.addAll(StaffMember.check(command, id));
            errors.addAll(s.checkWithOpenCases(command, CareCase.openCasesOf(id)));
        }
        validation.check(command, errors);
        IfMatch.check(ifMatch, s.version, "Staff member " + id);
        Actor actor = actors.current();
        requireChangeable(s, actor, false, command, command.active() == null ? s.active : command.active());
        String previousSubject = s.subject;
        s.record(command);
        if (command.active() != null) {
            s.active = command.active();
        }
        audit.record("staff.updated", null, "staff " + id);
        signInMoved(id, previousSubject, s.subject, actor);
        StaffMember.flush();
        return member(s);
    }

    /** Deactivates a member of staff: their open cases are listed for reallocation; their undecided items return to the queue. */
    @Transactional
    public Deactivated deactivate(String id, Long ifMatch) {
        StaffMember s = find(id, true);
        IfMatch.check(ifMatch, s.version, "Staff member " + id);
        Actor actor = actors.current();
        requireChangeable(s, actor, false, null, false);
        Instant now = Instants.now(clock);
        s.active = false;
        List<TriageItem> items = TriageItem.list("assignedTo = ?1 and status in (?2, ?3)", id, TriageStatus.NEW,
                TriageStatus.IN_PROGRESS);
        for (TriageItem item : items) {
            item.release();
            HistoryEntry.add(item.id, now, actor, "RETURNED_TO_QUEUE", id + " was deactivated");
        }
        audit.record("staff.deactivated", null, "staff " + id + ", " + CareCase.openCasesOf(id) + " open case(s), "
                + items.size() + " item(s) back in the queue");
        StaffMember.flush();
        return new Deactivated(member(s), items);
    }

    /** The record's own rule (StaffMember), with a refusal audited; {@code command} null: only {@code active} changes. */
    private void requireChangeable(StaffMember s, Actor actor, boolean creating, StaffCommand command,
            boolean active) {
        String subject = command == null ? s.subject : Text.blankToNull(command.subject());
        try {
            s.requireChangeableBy(actor, creating, subject, command == null ? s.role : command.role(), active,
                    !Objects.equals(subject, s.subject) && StaffSubjectLink.everLinked(subject));
        } catch (FourEyesViolation e) {
            audit.recordRefused("staff.change.refused", null, "staff " + s.id + " by " + actor.id() + " ("
                    + actor.subject() + "): " + e.errors().stream().map(f -> f.field()).toList());
            throw e;
        }
    }

    /** A sign-in linked, unlinked or moved: kept in the link log and audited (who moved whose sign-in). */
    private void signInMoved(String staffId, String from, String to, Actor actor) {
        if (Objects.equals(from, to)) {
            return;
        }
        StaffSubjectLink.moved(staffId, from, to, actor, Instants.now(clock));
        audit.record("staff.sign-in-moved", null, "staff " + staffId + ": sign-in " + (from == null ? "none" : from)
                + " -> " + (to == null ? "none" : to) + ", by " + actor.id() + " (" + actor.subject() + ")");
    }

    private Member member(StaffMember s) {
        return member(s, CareCase.list("leadWorker = ?1 and status = ?2 order by openedAt", s.id, CareCase.Status.OPEN));
    }

    private Member member(StaffMember s, List<CareCase> open) {
        return new Member(s, open, caseloads.limit(s.caseloadLimit), caseloads.band(open.size(), s.caseloadLimit));
    }

    private static StaffMember find(String id, boolean forUpdate) {
        StaffMember s = forUpdate ? StaffMember.findById(id, LockModeType.PESSIMISTIC_WRITE) : StaffMember.findById(id);
        if (s == null) {
            throw DomainException.notFound("Staff member " + id);
        }
        return s;
    }
}
