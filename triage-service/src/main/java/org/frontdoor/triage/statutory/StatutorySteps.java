package org.frontdoor.triage.statutory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.concurrency.IfMatch;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.triage.queue.HistoryEntry;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.Actors;

/**
 * The steps the statutory services share, written once: finding the referral a record belongs to, checking a
 * command against the rules and the version the caller read, and saving a new record into the referral's history
 * and the audit log.
 */
@ApplicationScoped
public class StatutorySteps {

    @Inject
    RequestValidation validation;

    @Inject
    Actors actors;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Who does a step and when: the staff member signed in, now. */
    record Doing(Actor actor, Instant now) {
    }

    Doing doing() {
        return new Doing(actors.staff(), Instants.now(clock));
    }

    /** {@code command}'s own constraints and {@code errors}, the rules it breaks: 422 naming every field. */
    void check(Object command, List<FieldError> errors) {
        validation.check(command, errors);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), WorkingCalendar.ENGLAND);
    }

    void audit(String action, UUID referralId, String detail) {
        audit.record(action, referralId, detail);
    }

    /**
     * {@code record}, new, saved (and flushed, so a broken constraint is refused here); the referral's history
     * says so ({@code kind}, {@code note}) and the audit log has {@code action}.
     */
    void saveNew(PanacheEntityBase record, TriageItem item, Doing doing, String kind, String note, String action,
            String detail) {
        record.persistAndFlush();
        HistoryEntry.add(item.id, doing.now(), doing.actor(), kind, note);
        audit.record(action, item.referralId, detail);
    }

    /**
     * The referral of a record being changed, once {@code command} keeps the record's rules (given the referral's
     * date) and the request's own, and the record is as the caller last read it; {@code whose} as in
     * {@link #referral}.
     */
    TriageItem changing(StatutoryRecord record, String what, Long ifMatch, Object command, String whose,
            Function<LocalDate, List<FieldError>> rules) {
        TriageItem item = referral(record.triageItemId, whose);
        validation.check(command, rules.apply(item.referralDate));
        IfMatch.check(ifMatch, record.version, what);
        return item;
    }

    static <T> T found(T record, String what) {
        if (record == null) {
            throw DomainException.notFound(what);
        }
        return record;
    }

    static TriageItem item(UUID itemId) {
        return found(TriageItem.<TriageItem>findById(itemId), "Triage item " + itemId);
    }

    /** The triage item of a contact that became a referral: {@code whose} ("CIN plans") belong to referrals. */
    static TriageItem referral(UUID itemId, String whose) {
        TriageItem item = item(itemId);
        if (!item.becameReferral || item.referralDate == null) {
            throw DomainException.conflict("Triage item " + itemId + " is a contact that did not become a referral:"
                    + " " + whose + " belong to referrals");
        }
        return item;
    }
}
