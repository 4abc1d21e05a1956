package org.frontdoor.triage.statutory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.UUID;
import org.frontdoor.support.concurrency.IfMatch;

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
    StatutorySteps steps;

    @Transactional
    public ChildCharacteristics get(UUID childKey) {
        ChildCharacteristics c = find(childKey, false);
        steps.audit("child.characteristics-read", null, "child " + childKey);
        return c;
    }

    @Transactional
    public ChildCharacteristics update(UUID childKey, CharacteristicsCommand command, Long ifMatch) {
        steps.check(command, ChildCharacteristics.check(command, steps.today()));
        ChildCharacteristics c = find(childKey, true);
        IfMatch.check(ifMatch, c.version, "The characteristics of child " + childKey);
        StatutorySteps.Doing doing = steps.doing();
        c.record(command, doing.actor(), doing.now());
        ChildCharacteristics.flush();
        steps.audit("child.characteristics-changed", null, "child " + childKey + ", version " + c.version);
        return c;
    }

    private static ChildCharacteristics find(UUID childKey, boolean forUpdate) {
        ChildCharacteristics c = forUpdate ? ChildCharacteristics.findById(childKey, LockModeType.PESSIMISTIC_WRITE)
                : ChildCharacteristics.findById(childKey);
        return StatutorySteps.found(c, "Child " + childKey);
    }
}
