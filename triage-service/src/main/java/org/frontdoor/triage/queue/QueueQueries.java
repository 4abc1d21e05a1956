package org.frontdoor.triage.queue;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.codes.Priority;

/** The queue's set-based reads: a filtered page of the queue, decisions awaiting approval, earlier referrals. */
@ApplicationScoped
public class QueueQueries {

    /** One page of items and how many match in all. */
    public record Found(List<TriageItem> items, long total) {
    }

    private static final List<TriageStatus> OPEN = List.of(TriageStatus.NEW, TriageStatus.IN_PROGRESS,
            TriageStatus.AWAITING_APPROVAL);

    // RED first whatever its deadline, then the soonest due
    private static final String ORDER = " order by case priority"
            + " when org.frontdoor.events.codes.Priority.RED then 0"
            + " when org.frontdoor.events.codes.Priority.AMBER then 1 else 2 end,"
            + " deadline, receivedAt, position, id";

    public Found page(TriageResults.Filter filter, int page, int size, Instant now) {
        Parameters params = new Parameters();
        String where = String.join(" and ", where(filter, params, now));
        List<TriageItem> items = TriageItem.<TriageItem>find("from TriageItem where " + where + ORDER, params)
                .page(Page.of(page, size)).list();
        return new Found(items, TriageItem.count(where, params));
    }

    public List<TriageItem> awaitingApproval() {
        return TriageItem.list("status = ?1 order by approvalRequestedAt, id", TriageStatus.AWAITING_APPROVAL);
    }

    /**
     * Whether another contact about the child (counted under {@code childKey}: across merged records) became a
     * referral within {@code months} before {@code date}.
     */
    public boolean referredWithin(UUID childKey, UUID exceptItemId, LocalDate date, int months) {
        return TriageItem.count("childKey = ?1 and becameReferral = true and id <> ?2"
                + " and referralDate < ?3 and referralDate >= ?4", childKey, exceptItemId, date,
                date.minusMonths(months)) > 0;
    }

    private static List<String> where(TriageResults.Filter filter, Parameters params, Instant now) {
        List<String> where = new ArrayList<>();
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        } else {
            where.add("status in (:open)");
            params.and("open", OPEN);
        }
        equal(where, params, "priority", filter.priority());
        equal(where, params, "assignedTo", filter.assignedTo());
        equal(where, params, "referralId", filter.referralId());
        if (filter.openCase() != null) {
            where.add(filter.openCase() ? "openCaseId is not null" : "openCaseId is null");
        }
        if (filter.overdue() != null) {
            where.add(filter.overdue() ? "(status <> :decided and deadline < :now)"
                    : "(status = :decided or deadline >= :now)");
            params.and("decided", TriageStatus.DECIDED).and("now", now);
        }
        return where;
    }

    private static void equal(List<String> where, Parameters params, String field, Object value) {
        if (value != null) {
            where.add(field + " = :" + field);
            params.and(field, value);
        }
    }
}
