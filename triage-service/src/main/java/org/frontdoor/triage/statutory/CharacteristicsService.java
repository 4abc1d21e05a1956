package org.frontdoor.triage.statutory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.concurrency.IfMatch;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.triage.staff.Actors;

/**
 * A child's census characteristics: seeded from each contact at intake (dates of birth, sex from the referrer's
 * gender: {@link org.frontdoor.triage.queue.IntakeQueries#seed}), completed and corrected by the MASH with the DfE's rules checked at input, so that the census
 * refuses nothing it could have refused when the worker was there to fix it.
 */
@ApplicationScoped
public class CharacteristicsService {

    @Inject
    EntityManager em;

    @Inject
    RequestValidation validation;

    @Inject
    Actors actors;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public ChildCharacteristics get(UUID childKey) {
        ChildCharacteristics c = find(childKey, false);
        audit.record("child.characteristics-read", null, "child " + childKey);
        return c;
    }

    @Transactional
    public ChildCharacteristics update(UUID childKey, CharacteristicsCommand command, Long ifMatch) {
        validation.check(command, ChildCharacteristics.check(command, LocalDate.ofInstant(clock.instant(),
                WorkingCalendar.ENGLAND)));
        ChildCharacteristics c = find(childKey, true);
        IfMatch.check(ifMatch, c.version, "The characteristics of child " + childKey);
        c.record(command, actors.staff(), Instants.now(clock));
        ChildCharacteristics.flush();
        audit.record("child.characteristics-changed", null, "child " + childKey + ", version " + c.version);
        return c;
    }

    private static ChildCharacteristics find(UUID childKey, boolean forUpdate) {
        ChildCharacteristics c = forUpdate ? ChildCharacteristics.findById(childKey, LockModeType.PESSIMISTIC_WRITE)
                : ChildCharacteristics.findById(childKey);
        if (c == null) {
            throw DomainException.notFound("Child " + childKey);
        }
        return c;
    }
}
