package org.frontdoor.triage.statutory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.triage.staff.Actor;

/**
 * What an s17 assessment and an s47 enquiry share: they belong to a referral (the triage item of the contact that
 * became one), are recorded and changed by someone, and are changed with If-Match; and their dates keep the same
 * two rules, not before the referral and not in the future.
 */
@MappedSuperclass
public abstract class StatutoryRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The referral, as the triage item of the child's contact that became one. */
    @Column(name = "triage_item_id", nullable = false)
    public UUID triageItemId;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** A new record of the referral {@code triageItemId}, recorded now by {@code by}. */
    protected void recorded(UUID referralItemId, Actor by, Instant now) {
        id = UUID.randomUUID();
        triageItemId = referralItemId;
        recordedBy = by.id();
        recordedAt = now;
    }

    protected void updated(Actor by, Instant now) {
        updatedBy = by.id();
        updatedAt = now;
    }

    /** A date of the referral's work: not before the referral (the DfE's rule {@code rule}). */
    static void notBeforeReferral(String field, LocalDate date, LocalDate referralDate, String rule,
            List<FieldError> errors) {
        if (date.isBefore(referralDate)) {
            errors.add(new FieldError(field, "must not be before the referral, " + referralDate + " (DfE rule " + rule
                    + ")"));
        }
    }

    /** A date of something done: not in the future. */
    static void notInTheFuture(String field, LocalDate date, LocalDate today, List<FieldError> errors) {
        if (date.isAfter(today)) {
            errors.add(new FieldError(field, "must not be in the future"));
        }
    }
}
