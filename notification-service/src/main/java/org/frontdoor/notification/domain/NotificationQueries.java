package org.frontdoor.notification.domain;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.frontdoor.notification.config.NotificationConfig;
import org.frontdoor.support.calendar.WorkingCalendar;

/** The notification lists ops and team managers work from, as of a given moment. */
@ApplicationScoped
public class NotificationQueries {

    @Inject
    WorkingCalendar calendar;

    @Inject
    NotificationConfig config;

    public record Criteria(UUID referralId, NotificationStatus status, Boolean overdue) {
    }

    public record Found(List<Notification> items, long total) {
    }

    /** The end of the at-risk window for {@code now}: a message undelivered and due by then is at risk. */
    public Instant horizon(Instant now) {
        return calendar.plusWorkingDays(now, config.atRiskWorkingDays());
    }

    public Found search(Criteria c, Instant now, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (c.referralId() != null) {
            where.add("referralId = :referralId");
            params.and("referralId", c.referralId());
        }
        if (c.status() != null) {
            where.add("status = :status");
            params.and("status", c.status());
        }
        if (Boolean.TRUE.equals(c.overdue())) {
            where.add("deliveredAt is null and dueBy < :now and status <> :withheld");
            params.and("withheld", NotificationStatus.WITHHELD_NO_CONSENT);
            params.and("now", now);
        } else if (Boolean.FALSE.equals(c.overdue())) {
            where.add("(deliveredAt is not null or dueBy >= :now or status = :withheld)");
            params.and("withheld", NotificationStatus.WITHHELD_NO_CONSENT);
            params.and("now", now);
        }
        PanacheQuery<Notification> found = where.isEmpty() ? Notification.findAll(Sort.by("dueBy").and("id"))
                : Notification.find(String.join(" and ", where), Sort.by("dueBy").and("id"), params);
        return new Found(found.page(Page.of(page, size)).list(), found.count());
    }

    /** Undelivered messages past their due time or due within the at-risk window, soonest due first; not withheld ones. */
    public List<Notification> overdueOrAtRisk(Instant now, UUID referralId) {
        // a message held back for a young adult's consent is not late: it may never be sent
        Parameters params = Parameters.with("horizon", horizon(now)).and("withheld",
                NotificationStatus.WITHHELD_NO_CONSENT);
        String query = "deliveredAt is null and dueBy <= :horizon and status <> :withheld";
        if (referralId != null) {
            query += " and referralId = :referralId";
            params.and("referralId", referralId);
        }
        return Notification.<Notification>find(query, Sort.by("dueBy").and("id"), params).list();
    }
}
