package org.frontdoor.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            where.add("deliveredAt is null and informedAt is null and dueBy < :now and status <> :withheld");
            params.and("withheld", NotificationStatus.WITHHELD_NO_CONSENT);
            params.and("now", now);
        } else if (Boolean.FALSE.equals(c.overdue())) {
            where.add("(deliveredAt is not null or informedAt is not null or dueBy >= :now or status = :withheld)");
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
        // told by the front door by other means is not late either
        String query = "deliveredAt is null and informedAt is null and dueBy <= :horizon and status <> :withheld";
        if (referralId != null) {
            query += " and referralId = :referralId";
            params.and("referralId", referralId);
        }
        return Notification.<Notification>find(query, Sort.by("dueBy").and("id"), params).list();
    }

    /**
     * The "could not inform" list: messages the service gave up on (no channel, or every attempt failed) that the
     * front door has not yet told by other means. Soonest due first: the most overdue is the most urgent to phone.
     */
    public List<Task> couldNotInform(UUID referralId) {
        Parameters params = Parameters.with("failed", NotificationStatus.FAILED);
        String query = "status = :failed";
        if (referralId != null) {
            query += " and referralId = :referralId";
            params.and("referralId", referralId);
        }
        List<Notification> failed = Notification.<Notification>find(query, Sort.by("dueBy").and("id"), params).list();
        Map<UUID, ReferralRecord> records = new HashMap<>();
        List<UUID> ids = failed.stream().map(n -> n.referralId).distinct().toList();
        if (!ids.isEmpty()) {
            ReferralRecord.<ReferralRecord>list("referralId in ?1", ids).forEach(r -> records.put(r.referralId, r));
        }
        Map<String, PartnerOrganisation> partners = new HashMap<>();
        List<String> orgs = failed.stream().map(n -> n.recipientOrg).filter(o -> o != null).distinct().toList();
        if (!orgs.isEmpty()) {
            PartnerOrganisation.<PartnerOrganisation>list("id in ?1", orgs).forEach(p -> partners.put(p.id, p));
        }
        return failed.stream().map(n -> new Task(n, records.get(n.referralId),
                n.recipientOrg == null ? null : partners.get(n.recipientOrg))).toList();
    }

    /**
     * A message on the "could not inform" list, with its referral's record (how to reach the referrer) and the
     * recipient organisation's directory entry (its name and contact emails), when it has one.
     */
    public record Task(Notification notification, ReferralRecord referral, PartnerOrganisation partner) {
    }

    /** How many messages are on the "could not inform" list: every FAILED one is an open task. */
    public long couldNotInformCount(UUID referralId) {
        return referralId == null ? Notification.count("status", NotificationStatus.FAILED)
                : Notification.count("status = ?1 and referralId = ?2", NotificationStatus.FAILED, referralId);
    }
}
