package org.frontdoor.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.frontdoor.events.codes.RetentionKind;
import org.frontdoor.support.retention.RetentionRule;

/**
 * Contacts that led to nothing more: every child decided with no further action, information and advice or
 * signposting (status DECIDED; never an early help or social care case, never passed to a case's worker), kept
 * this long after they were received, then erased everywhere (docs/retention.md). Two years by default: past the
 * 12 months that prior involvement and re-referrals look back over.
 */
@ApplicationScoped
public class ContactRetention implements RetentionRule {

    @Inject
    RecordErasure erasure;

    @Override
    public String kind() {
        return RetentionKind.CONTACTS.code();
    }

    @Override
    public Duration defaultPeriod() {
        return Duration.ofDays(730);
    }

    @Override
    public int prune(Instant cutoff) {
        return erasure.erase(erasure.ids("""
                select r.id from referral r
                where r.received_at < ?1
                  and not exists (select 1 from referral_child c where c.referral_id = r.id and c.status <> 'DECIDED')
                order by r.received_at
                limit %d
                for update of r skip locked""".formatted(RecordErasure.BATCH), Timestamp.from(cutoff)),
                RetentionKind.CONTACTS);
    }
}
