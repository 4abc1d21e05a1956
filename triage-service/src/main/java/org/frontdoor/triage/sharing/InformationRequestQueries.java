package org.frontdoor.triage.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.support.sql.SqlRow;

/** The set-based work on information requests: the overdue sweep. */
@ApplicationScoped
public class InformationRequestQueries {

    @Inject
    EntityManager em;

    /** A request just marked overdue: what its chasing message needs. */
    public record Chased(UUID id, UUID triageItemId, UUID referralId, String organisationId, Priority urgency,
            Instant deadline) {
    }

    /**
     * Marks every request still REQUESTED whose deadline is before {@code now} OVERDUE, chased now, in one statement:
     * a request another replica's sweep took already is skipped (its row is no longer REQUESTED when this one reads
     * it again), so each is chased once.
     */
    public List<Chased> markOverdue(Instant now) {
        return SqlRow.list(em, """
                with chased as (
                    update information_request set status = 'OVERDUE', chased_at = ?1
                    where status = 'REQUESTED' and deadline < ?1
                    returning id, triage_item_id, referral_id, organisation_id, urgency, deadline)
                select id, triage_item_id, referral_id, organisation_id, urgency, deadline from chased order by deadline, id""", now)
                .stream().map(r -> new Chased(r.uuid("id"), r.uuid("triage_item_id"), r.uuid("referral_id"),
                        r.string("organisation_id"), Priority.valueOf(r.string("urgency")), r.instant("deadline")))
                .toList();
    }
}
