package org.frontdoor.triage.statutory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.support.concurrency.IfMatch;

/**
 * A child's census characteristics: seeded from each contact at intake (dates of birth, sex from the referrer's
 * gender), completed and corrected by the MASH with the DfE's rules checked at input, so that the census
 * refuses nothing it could have refused when the worker was there to fix it.
 */
@ApplicationScoped
public class CharacteristicsService {

    @Inject
    EntityManager em;

    @Inject
    StatutorySteps steps;

    /**
     * The first contact makes the record; a later one only adds a date of birth to an unborn child's. Never
     * overwrites what the MASH recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void seed(UUID childKey, ReferralReceived.Child child, Instant now) {
        LocalDate born = child.dateOfBirth();
        LocalDate expected = born == null ? child.expectedDateOfBirth() : null;
        String sex = born == null && expected != null ? "U" : sexOf(child.gender());
        em.createNativeQuery("""
                insert into child_characteristics (child_key, la_child_id, sex, birth_date, expected_birth_date,
                    updated_at, updated_by)
                values (?1, 'FD' || lpad(nextval('la_child_number')::text, 10, '0'), ?2, ?3, ?4, ?5, 'intake')
                on conflict (child_key) do update set birth_date = excluded.birth_date, expected_birth_date = null,
                    sex = case when child_characteristics.sex = 'U' then excluded.sex else child_characteristics.sex end,
                    updated_at = excluded.updated_at, updated_by = 'intake', version = child_characteristics.version + 1
                where child_characteristics.birth_date is null and excluded.birth_date is not null""")
                .setParameter(1, childKey).setParameter(2, sex).setParameter(3, born).setParameter(4, expected)
                .setParameter(5, now).executeUpdate();
    }

    /** The referrer's gender (F, M, X, U) as the census records sex: M, F, else U. */
    static String sexOf(String gender) {
        return "F".equals(gender) || "M".equals(gender) ? gender : "U";
    }

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
