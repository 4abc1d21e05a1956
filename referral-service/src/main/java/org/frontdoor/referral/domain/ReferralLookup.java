package org.frontdoor.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.domain.DomainException;

/** A contact read by someone, or contacts searched for: each read is audited, a partner sees only its own. */
@ApplicationScoped
public class ReferralLookup {

    @Inject
    ReferralQueries queries;

    @Inject
    AuditLog audit;

    /** A contact with its children and timeline, as read. */
    public record Found(Referral referral, List<ReferralChild> children, List<TimelineEntry> timeline) {
    }

    /**
     * The contact, for this caller.
     *
     * @throws DomainException.NotFound when there is none, or it is another organisation's (recorded, and answered as
     *             if it did not exist)
     */
    @Transactional
    public Found read(UUID referralId, Caller caller) {
        Referral referral = queries.referral(referralId)
                .orElseThrow(() -> DomainException.notFound("Referral " + referralId));
        if (!caller.maySee(referral)) {
            audit.recordRefused("referral.read.refused", referralId, null);
            throw DomainException.notFound("Referral " + referralId);
        }
        audit.record("referral.read", referralId, null);
        return new Found(referral, queries.childrenOf(referralId), TimelineEntry.forReferral(referralId));
    }

    /**
     * A page of contacts fitting the criteria; the audit trail keeps the criteria, as {@code described}, with the
     * contacts found.
     */
    @Transactional
    public ReferralQueries.Page search(ReferralQueries.Criteria criteria, String described, int page, int size) {
        ReferralQueries.Page found = queries.search(criteria, page, size);
        audit.record("referral.search", null, described + "; page " + page + ": " + found.items().size()
                + " of " + found.total() + " result(s)"
                + found.items().stream().map(r -> r.id.toString()).collect(Collectors.joining(", ", " ", "")));
        return found;
    }

    /** A page of the contacts this caller keyed in, newest first; audited with the contacts shown. */
    @Transactional
    public ReferralQueries.Page submittedBy(Caller caller, int page, int size) {
        ReferralQueries.Page found = queries.submittedBy(caller.subject(), page, size);
        audit.record("referral.list.mine", null, "page " + page + ": " + found.items().size() + " of "
                + found.total() + found.items().stream().map(r -> r.id.toString())
                        .collect(Collectors.joining(", ", " ", "")));
        return found;
    }
}
