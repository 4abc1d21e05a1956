package org.frontdoor.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.frontdoor.referral.config.ReferralConfig;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.domain.DomainException;
import org.jboss.logging.Logger;

/**
 * Recognises a child the front door has heard of before: by NHS number, otherwise by
 * normalised surname, first name, date of birth and postcode, or by surname, first name and date
 * of birth after a house move (twins share all but the first name). Then reads what is known of
 * them across the records the MASH merged into one child (the root's tree, {@link KnownChildMerges}):
 * earlier contacts and referrals in the last 12 months, the first contact of the same day, an open case.
 */
@ApplicationScoped
public class ChildMatcher {

    private static final Logger LOG = Logger.getLogger(ChildMatcher.class);

    @Inject
    KnownChildQueries queries;

    @Inject
    ReferralConfig config;

    @Inject
    Clock clock;

    /** What the front door knew of a child when a contact arrived. */
    public record Match(UUID knownChildId, int referralsInLast12Months, boolean reReferral,
            UUID sameDayFirstReferralId, UUID openCaseId, String openCaseWorker, int contactsInLast12Months) {
    }

    /**
     * Matches each child of one contact, in order, with one look-up for all their keys. The children none of whose
     * keys is recorded are recorded with their keys first, all in one statement, and nothing is known of them yet. A child already known is
     * locked (its record's root: the whole tree of merged records) until the transaction ends, so that two contacts
     * for one child arriving together are matched one after the other, then its prior involvement is read across the
     * root's tree. A child the sender attached to a known child found by a search ({@link ReferralChild#childKey}) is
     * that known child's root, whatever its keys say.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, Match> matchAll(List<ReferralChild> children, UUID referralId, Instant receivedAt) {
        List<List<String>> keysByChild = children.stream().map(ChildMatcher::keysOf).toList();
        Map<String, UUID> recorded = queries.recorded(keysByChild.stream().flatMap(List::stream).distinct().toList());
        Map<Integer, UUID> freshByChild = new HashMap<>();
        Map<UUID, List<String>> newKeys = new LinkedHashMap<>();
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i).childKey == null && keysByChild.get(i).stream().noneMatch(recorded::containsKey)) {
                freshByChild.put(i, UUID.randomUUID());
                newKeys.put(freshByChild.get(i), keysByChild.get(i));
            }
        }
        // every child none of whose keys is recorded, with its keys, in one statement
        Map<UUID, List<String>> claimedByFresh = queries.recordNew(newKeys, Instant.now(clock));
        Map<UUID, Match> matches = new LinkedHashMap<>();
        for (int i = 0; i < children.size(); i++) {
            ReferralChild child = children.get(i);
            List<String> keys = keysByChild.get(i);
            UUID knownChildId;
            if (child.childKey != null) {
                knownChildId = attach(child, keys, recorded);
            } else if (freshByChild.containsKey(i)) {
                UUID fresh = freshByChild.get(i);
                List<String> claimed = claimedByFresh.get(fresh);
                if (claimed.size() == keys.size()) {
                    // first heard of now: no earlier contact, no open case to read
                    matches.put(child.id, new Match(fresh, 0, false, null, null, null, 0));
                    continue;
                }
                knownChildId = recordedMeanwhile(keys, claimed, fresh);
            } else {
                knownChildId = resolve(keys, recorded);
            }
            matches.put(child.id, priorInvolvement(knownChildId, referralId, receivedAt,
                    queries.openCaseLocked(knownChildId)));
        }
        return matches;
    }

    /**
     * Another contact (or a child of this one) recorded one of the keys of a child first heard of a moment ago: its
     * known child wins over the one this call made up ({@code fresh}), which is forgotten.
     */
    private UUID recordedMeanwhile(List<String> keys, List<String> claimed, UUID fresh) {
        UUID knownChildId = followStrongerOwners(keys, Set.of(), claimed, fresh, Integer.MAX_VALUE);
        // nothing points at the child this call made up any more: do not leave it behind
        queries.forget(fresh);
        LOG.debugf("Concurrent contact: known child %s used instead of a new one", knownChildId);
        return knownChildId;
    }

    /**
     * The known child the sender attached the child to (its root, when it is merged into another record), which
     * claims the child's keys no known child holds yet.
     *
     * @throws DomainException.Invalid when no such known child is recorded (any more)
     */
    private UUID attach(ReferralChild child, List<String> keys, Map<String, UUID> recorded) {
        UUID root = queries.rootOf(child.childKey).orElseThrow(() -> DomainException.invalid(
                "children[" + child.position + "].childKey", ReferralValidator.UNKNOWN_CHILD_KEY));
        queries.claim(keys.stream().filter(k -> !recorded.containsKey(k)).toList(), root);
        return root;
    }

    /**
     * The keys a child is recognised by, strongest first: the NHS number; surname, first name, date of birth and
     * postcode; surname, first name and date of birth (a house move keeps it). The demographic key carries the
     * first name when there is one (twins are two children); V3__first_name_in_match_keys.sql builds the same key in
     * SQL for the keys recorded before, V6__name_key_and_merged_records.sql the name key.
     */
    static List<String> keysOf(ReferralChild child) {
        List<String> keys = new ArrayList<>();
        if (child.nhsNumber != null) {
            keys.add("nhs:" + child.nhsNumber);
        }
        String firstName = child.firstName == null ? "" : Surname.key(child.firstName);
        if (child.dateOfBirth != null && child.postcodeKey != null && !child.surnameKey.isEmpty()) {
            keys.add("demo:" + child.surnameKey + "|" + (firstName.isEmpty() ? "" : firstName + "|")
                    + child.dateOfBirth + "|" + child.postcodeKey);
        }
        if (child.dateOfBirth != null && !child.surnameKey.isEmpty() && !firstName.isEmpty()) {
            keys.add("name:" + child.surnameKey + "|" + firstName + "|" + child.dateOfBirth);
        }
        return keys;
    }

    /**
     * The known child these keys name, when at least one is recorded: the strongest recorded key wins (the NHS number
     * over demographics), and the keys not recorded yet are claimed for it.
     */
    private UUID resolve(List<String> keys, Map<String, UUID> found) {
        int rank = 0; // index of the key that decides; lower is stronger
        while (!found.containsKey(keys.get(rank))) {
            rank++;
        }
        UUID chosen = found.get(keys.get(rank));
        List<String> claimed = queries.claim(keys.stream().filter(k -> !found.containsKey(k)).toList(), chosen);
        return followStrongerOwners(keys, found.keySet(), claimed, chosen, rank);
    }

    /**
     * Settles the keys that neither were recorded nor could be claimed: another contact recorded them a moment ago (a
     * claim waits for that contact's transaction, then gives way). When such a key is stronger than the one that
     * chose {@code chosen}, its owner is the child and the keys this call claimed follow it, so two contacts for one
     * new child give one known child.
     */
    private UUID followStrongerOwners(List<String> keys, Set<String> recorded, List<String> claimed, UUID chosen,
            int chosenRank) {
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (recorded.contains(key) || claimed.contains(key)) {
                continue;
            }
            UUID owner = queries.ownerOf(key);
            if (i < chosenRank && !owner.equals(chosen)) {
                queries.repoint(claimed, owner);
                chosen = owner;
                chosenRank = i;
            }
        }
        return chosen;
    }

    /**
     * Earlier contacts and referrals of the child (every record of its root's tree) on earlier days within the
     * window, and the first contact of the same day. A day's later contacts are linked to its first and not counted
     * again: a day counts once as a contact, and once as a referral when any of its contacts
     * became one.
     */
    private Match priorInvolvement(UUID knownChildId, UUID referralId, Instant receivedAt,
            KnownChildQueries.OpenCase open) {
        Instant windowStart = receivedAt.atZone(ZoneOffset.UTC).minusMonths(config.reReferralMonths()).toInstant();
        List<KnownChildQueries.EarlierContact> rows = queries.contacts(open.rootId(), referralId, windowStart,
                receivedAt);
        LocalDate today = receivedAt.atZone(WorkingCalendar.ENGLAND).toLocalDate();
        List<KnownChildQueries.EarlierContact> firsts = rows.stream().filter(r -> r.sameDayFirstReferralId() == null)
                .toList();
        UUID sameDayFirst = firsts.stream()
                .filter(r -> dateOf(r.receivedAt()).equals(today))
                .min(Comparator.comparing(KnownChildQueries.EarlierContact::receivedAt))
                .map(KnownChildQueries.EarlierContact::referralId)
                .orElse(null);
        int contacts = (int) firsts.stream()
                .filter(r -> dateOf(r.receivedAt()).isBefore(today))
                .map(KnownChildQueries.EarlierContact::referralId)
                .distinct()
                .count();
        int referrals = (int) rows.stream()
                .filter(r -> dateOf(r.receivedAt()).isBefore(today) && r.becameReferral())
                .map(r -> r.sameDayFirstReferralId() != null ? r.sameDayFirstReferralId() : r.referralId())
                .distinct()
                .count();
        return new Match(knownChildId, referrals, referrals > 0, sameDayFirst, open.caseId(), open.worker(), contacts);
    }

    private static LocalDate dateOf(Instant at) {
        return at.atZone(WorkingCalendar.ENGLAND).toLocalDate();
    }
}
