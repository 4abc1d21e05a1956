package org.frontdoor.triage.children;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.queue.TriageReferral;

/** The possible earlier records of a contact's child: searched by phonetic keys, scored and explained. */
@ApplicationScoped
public class PossibleMatches {

    @Inject
    ChildCandidates candidates;

    @Inject
    ChildIndexQueries index;

    @Inject
    MatchingConfig config;

    @Inject
    AuditLog audit;

    /**
     * The item's child's possible earlier records, best first, without those rejected as not the same child: other
     * records (by root) with a contact received before the item's, scoring at least the configured minimum (children
     * who may be twins always), at most the configured number. Audited as a read.
     */
    @Transactional
    public List<PossibleMatch> of(TriageItem item) {
        ChildFacts probe = probeOf(item);
        UUID record = item.knownChildId != null ? item.knownChildId : item.childId;
        Set<UUID> own = new HashSet<>(List.of(item.childKey, record));
        Set<UUID> rejected = new HashSet<>();
        index.notTheSame(own).values().forEach(rejected::addAll);
        List<ChildCandidates.Candidate> offered = probe == null ? List.of() : candidates.find(probe, false).stream()
                .filter(c -> !own.contains(c.rootKey()) && c.records().stream().noneMatch(own::contains))
                .filter(c -> !rejected.contains(c.rootKey()) && c.records().stream().noneMatch(rejected::contains))
                .filter(c -> c.similarity().score() >= config.minScore() || c.similarity().mayBeTwin())
                .toList();
        Map<UUID, List<PossibleMatch.EarlierContact>> contacts = earlierContacts(offered, item);
        List<PossibleMatch> matches = offered.stream().filter(c -> contacts.containsKey(c.rootKey()))
                .limit(config.maxMatches())
                .map(c -> new PossibleMatch(c.rootKey(), c.similarity().score(), c.similarity().reasons(),
                        contacts.get(c.rootKey())))
                .toList();
        audit.record("child.possible-matches-read", item.referralId, "item " + item.id + ", "
                + matches.size() + " possible match(es)");
        return matches;
    }

    private Map<UUID, List<PossibleMatch.EarlierContact>> earlierContacts(List<ChildCandidates.Candidate> offered,
            TriageItem item) {
        List<UUID> roots = offered.stream().map(ChildCandidates.Candidate::rootKey).toList();
        return index.contactsBefore(roots, item.receivedAt, config.maxEarlierContacts()).stream()
                .collect(Collectors.groupingBy(ChildIndexQueries.Contact::rootKey, Collectors.mapping(
                        c -> new PossibleMatch.EarlierContact(c.referralId(), c.triageItemId(), c.receivedAt(),
                                c.outcome(), c.pathway(), c.decidedLevel()), Collectors.toList())));
    }

    /** The child as the item's contact described them, with the UPN the front door holds for the child. */
    private ChildFacts probeOf(TriageItem item) {
        TriageReferral referral = TriageReferral.findById(item.referralId);
        ReferralReceived.Child child = referral == null ? null : referral.content().children().stream()
                .filter(c -> item.childId.equals(c.childId())).findFirst().orElse(null);
        if (child == null) {
            return null;
        }
        return new ChildFacts(child.firstName(), child.lastName(), child.dateOfBirth(),
                child.address() == null ? null : child.address().postcode(), child.nhsNumber(),
                index.upnOf(item.childKey), ChildFacts.Keys.NONE);
    }
}
