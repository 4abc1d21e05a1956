package org.frontdoor.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.frontdoor.events.codes.RetentionKind;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.retention.RetentionRule;

/**
 * Children's social care and early help records (a contact that became a referral, opened or joined a case):
 * kept until the youngest child it names is 25 (the period is counted from the child's date of birth, or expected
 * date of birth, or for a child with neither, from the contact), and never while a child's case is open (on any of
 * the records the MASH merged into one child) or the contact is still being screened. Then erased everywhere (docs/retention.md). The period is configured as a
 * whole number of days ({@code frontdoor.retention.keep."childrens-records"}), 25 years by default.
 */
@ApplicationScoped
public class ChildRecordRetention implements RetentionRule {

    @Inject
    RecordErasure erasure;

    @Override
    public String kind() {
        return RetentionKind.CHILDRENS_RECORDS.code();
    }

    @Override
    public Duration defaultPeriod() {
        LocalDate today = LocalDate.now(WorkingCalendar.ENGLAND);
        return Duration.ofDays(today.toEpochDay() - today.minus(Period.ofYears(25)).toEpochDay());
    }

    @Override
    public int prune(Instant cutoff) {
        LocalDate bornBefore = LocalDate.ofInstant(cutoff, WorkingCalendar.ENGLAND);
        return erasure.erase(erasure.ids("""
                select r.id from referral r
                where not exists (select 1 from referral_child c where c.referral_id = r.id
                    and (c.status in ('RECEIVED', 'IN_TRIAGE', 'WITH_ALLOCATED_WORKER', 'CASE_OPEN')
                         or coalesce(c.date_of_birth, c.expected_date_of_birth,
                                     (r.received_at at time zone 'Europe/London')::date) >= ?1
                         or exists (select 1 from known_child k join known_child t
                                      on t.id = coalesce(k.root_id, k.id) or t.root_id = coalesce(k.root_id, k.id)
                                    where k.id = c.known_child_id and t.open_case_id is not null)))
                order by r.received_at
                limit %d
                for update of r skip locked""".formatted(RecordErasure.BATCH), bornBefore),
                RetentionKind.CHILDRENS_RECORDS);
    }
}
