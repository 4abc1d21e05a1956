package org.frontdoor.triage.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.concurrency.IfMatch;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.triage.cases.CareCase;
import org.frontdoor.triage.queue.TriageResults.Details;
import org.frontdoor.triage.queue.TriageResults.Filter;
import org.frontdoor.triage.queue.TriageResults.Page;
import org.frontdoor.triage.queue.TriageResults.Row;
import org.frontdoor.triage.queue.TriageResults.Sibling;
import org.frontdoor.triage.screening.PartnerCheck;
import org.frontdoor.triage.sharing.InformationRequest;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.Actors;
import org.frontdoor.triage.staff.StaffMember;

/** The queue: list and read it, claim an item, assign it; and the item as a worker sees it. */
@ApplicationScoped
public class QueueService {

    @Inject
    QueueQueries queries;

    @Inject
    AuditLog audit;

    @Inject
    RequestValidation validation;

    @Inject
    Actors actors;

    @Inject
    Clock clock;

    @Transactional
    public Page list(Filter filter, int page, int size) {
        QueueQueries.Found found = queries.page(filter, page, size, Instants.now(clock));
        Page result = new Page(page, size, found.total(), rows(found.items()));
        audit.record("triage-item.list", filter.referralId(), found.items().size() + " of " + found.total()
                + " item(s)");
        return result;
    }

    /** The signed-in worker's own undecided items, RED first. */
    @Transactional
    public Page mine(int page, int size) {
        Actor actor = actors.staff();
        return list(new Filter(null, null, actor.id(), null, null, null), page, size);
    }

    /** Decisions waiting for a team manager's approval, the longest waiting first. */
    @Transactional
    public List<Row> awaitingApproval() {
        List<TriageItem> items = queries.awaitingApproval();
        audit.record("triage-item.awaiting-approval", null, items.size() + " item(s)");
        return rows(items);
    }

    @Transactional
    public Details view(UUID id) {
        TriageItem item = find(id, false);
        audit.record("triage-item.read", item.referralId, "item " + id);
        return details(item);
    }

    @Transactional
    public Details claim(UUID id, Long ifMatch) {
        TriageItem item = find(id, true);
        IfMatch.check(ifMatch, item.version, "Triage item " + id);
        Actor actor = actors.staff();
        if (item.claim(actor, Instants.now(clock))) {
            HistoryEntry.add(item.id, item.assignedAt, actor, "CLAIMED", null);
        }
        audit.record("triage-item.claimed", item.referralId, "item " + id);
        return details(item);
    }

    @Transactional
    public Details assign(UUID id, AssignCommand command, Long ifMatch) {
        List<FieldError> errors = new ArrayList<>();
        StaffMember assignee = null;
        if (command != null && command.assignee() != null && !command.assignee().isBlank()) {
            assignee = StaffMember.findById(command.assignee().strip());
            if (assignee == null || !assignee.active) {
                errors.add(new FieldError("assignee", "is not an active member of staff; see GET /api/v1/staff"));
            }
        }
        validation.check(command, errors);
        TriageItem item = find(id, true);
        IfMatch.check(ifMatch, item.version, "Triage item " + id);
        Actor actor = actors.current();
        String previous = item.assign(assignee.id, Instants.now(clock));
        HistoryEntry.add(item.id, item.assignedAt, actor, "ASSIGNED",
                "to " + item.assignedTo + (previous == null ? "" : " (was " + previous + ")"));
        audit.record("triage-item.assigned", item.referralId, "item " + id + " to " + item.assignedTo);
        return details(item);
    }

    public TriageItem find(UUID id, boolean forUpdate) {
        TriageItem item = forUpdate ? TriageItem.findById(id, LockModeType.PESSIMISTIC_WRITE) : TriageItem.findById(id);
        if (item == null) {
            throw DomainException.notFound("Triage item " + id);
        }
        return item;
    }

    /**
     * The item with its contact, the other children of the contact, checks, history, any open case and the
     * questions asked of partners.
     */
    public Details details(TriageItem item) {
        TriageReferral referral = TriageReferral.findById(item.referralId);
        ReferralReceived content = referral.content();
        Map<UUID, TriageItem> itemByChild = TriageItem.<TriageItem>list("referralId", item.referralId).stream()
                .collect(Collectors.toMap(i -> i.childId, i -> i));
        List<Sibling> siblings = content.children().stream()
                .filter(c -> !item.childId.equals(c.childId()))
                .sorted(Comparator.comparingInt(ReferralReceived.Child::position))
                .map(c -> sibling(c, itemByChild.get(c.childId())))
                .toList();
        CareCase open = item.status == TriageStatus.DECIDED ? null : CareCase.openFor(item.childKey).orElse(null);
        return new Details(item, content, siblings, PartnerCheck.forItem(item.id), HistoryEntry.of(item.id), open,
                InformationRequest.ofItem(item.id));
    }

    private static Sibling sibling(ReferralReceived.Child c, TriageItem item) {
        return new Sibling(c.position(), c.childId(), item == null ? null : item.id, c.firstName(), c.lastName(),
                c.dateOfBirth(), item == null ? null : item.status);
    }

    private List<Row> rows(List<TriageItem> items) {
        Map<UUID, TriageReferral> referrals = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (TriageItem item : items) {
            TriageReferral referral = referrals.computeIfAbsent(item.referralId,
                    r -> TriageReferral.<TriageReferral>findById(r));
            ReferralReceived.Child child = childOf(referral.content(), item.childId);
            String name = child == null ? null
                    : ((child.firstName() == null ? "" : child.firstName() + " ") + child.lastName()).strip();
            rows.add(new Row(item, name, referral.sourceCode, referral.reference));
        }
        return rows;
    }

    private static ReferralReceived.Child childOf(ReferralReceived content, UUID childId) {
        return content.children().stream().filter(c -> childId.equals(c.childId())).findFirst().orElse(null);
    }
}
