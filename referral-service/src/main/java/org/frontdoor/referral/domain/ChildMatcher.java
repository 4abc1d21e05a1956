package org.frontdoor.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.frontdoor.referral.config.ReferralConfig;
import org.frontdoor.support.calendar.WorkingCalendar;

/**
 * Recognises a child the front door has heard of before: by NHS number, otherwise by
 * normalised surname, date of birth and postcode. Then reads what is known of them: earlier
 * referrals in the last 12 months, the first referral of the same day, an open case.
 */
@ApplicationScoped
public class ChildMatcher {

    @Inject
    EntityManager em;

    @Inject
    ReferralConfig config;

    @Inject
    Clock clock;

    /** What the front door knew of a child when a referral arrived. */
    public record Match(UUID knownChildId, int referralsInLast12Months, boolean reReferral,
            UUID sameDayFirstReferralId, UUID openCaseId, String openCaseWorker) {
    }

    /**
     * Finds or records the known child and locks it until the transaction ends, so that two
     * referrals for one child arriving together are matched one after the other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Match match(ReferralChild child, UUID referralId, Instant receivedAt) {
        List<String> keys = keysOf(child);
        UUID knownChildId = resolve(keys);
        Object[] known = (Object[]) em.createNativeQuery(
                "select open_case_id, open_case_worker from known_child where id = ?1 for update")
                .setParameter(1, knownChildId)
                .getSingleResult();
        return priorInvolvement(knownChildId, referralId, receivedAt, (UUID) known[0], (String) known[1]);
    }

    static List<String> keysOf(ReferralChild child) {
        List<String> keys = new ArrayList<>();
        if (child.nhsNumber != null) {
            keys.add("nhs:" + child.nhsNumber);
        }
        if (child.dateOfBirth != null && child.postcodeKey != null && !child.surnameKey.isEmpty()) {
            keys.add("demo:" + child.surnameKey + "|" + child.dateOfBirth + "|" + child.postcodeKey);
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    private UUID resolve(List<String> keys) {
        Map<String, UUID> found = keys.isEmpty() ? Map.of()
                : ((List<Object[]>) em.createNativeQuery(
                        "select match_key, known_child_id from child_identity where match_key in (?1)")
                        .setParameter(1, keys)
                        .getResultList()).stream()
                        .collect(Collectors.toMap(r -> (String) r[0], r -> (UUID) r[1]));
        // The NHS number is the stronger identity: it wins when the two keys disagree.
        UUID chosen = keys.stream().filter(found::containsKey).findFirst().map(found::get).orElse(null);
        if (chosen == null) {
            chosen = UUID.randomUUID();
            em.createNativeQuery("insert into known_child (id, created_at) values (?1, ?2)")
                    .setParameter(1, chosen)
                    .setParameter(2, Timestamp.from(Instant.now(clock)))
                    .executeUpdate();
        }
        for (String key : keys) {
            if (!found.containsKey(key)) {
                int added = em.createNativeQuery("insert into child_identity (match_key, known_child_id)"
                        + " values (?1, ?2) on conflict do nothing")
                        .setParameter(1, key)
                        .setParameter(2, chosen)
                        .executeUpdate();
                if (added == 0 && key.startsWith("nhs:")) {
                    // another referral recorded this child a moment ago: use theirs
                    chosen = (UUID) em.createNativeQuery("select known_child_id from child_identity where match_key = ?1")
                            .setParameter(1, key)
                            .getSingleResult();
                }
            }
        }
        return chosen;
    }

    @SuppressWarnings("unchecked")
    private Match priorInvolvement(UUID knownChildId, UUID referralId, Instant receivedAt, UUID openCaseId,
            String openCaseWorker) {
        Instant windowStart = receivedAt.atZone(ZoneOffset.UTC).minusMonths(config.reReferralMonths()).toInstant();
        List<Object[]> rows = em.createNativeQuery("select r.id, r.received_at, rc.same_day_first_referral_id"
                + " from referral_child rc join referral r on r.id = rc.referral_id"
                + " where rc.known_child_id = ?1 and r.received_at >= ?2 and r.received_at <= ?3 and r.id <> ?4")
                .setParameter(1, knownChildId)
                .setParameter(4, referralId)
                .setParameter(2, Timestamp.from(windowStart))
                .setParameter(3, Timestamp.from(receivedAt))
                .getResultList();
        LocalDate today = receivedAt.atZone(WorkingCalendar.ENGLAND).toLocalDate();
        // Same-day duplicates are linked to the first referral of their day, and not counted again.
        List<Object[]> firsts = rows.stream().filter(r -> r[2] == null).toList();
        UUID sameDayFirst = firsts.stream()
                .filter(r -> dateOf(r[1]).equals(today))
                .min(Comparator.comparing(r -> toInstant(r[1])))
                .map(r -> (UUID) r[0])
                .orElse(null);
        int earlier = (int) firsts.stream()
                .filter(r -> dateOf(r[1]).isBefore(today))
                .map(r -> r[0])
                .distinct()
                .count();
        return new Match(knownChildId, earlier, earlier > 0, sameDayFirst, openCaseId, openCaseWorker);
    }

    private static LocalDate dateOf(Object timestamp) {
        return toInstant(timestamp).atZone(WorkingCalendar.ENGLAND).toLocalDate();
    }

    private static Instant toInstant(Object timestamp) {
        if (timestamp instanceof Instant i) {
            return i;
        }
        if (timestamp instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) timestamp).toInstant();
    }
}
