package org.frontdoor.triage.children;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The records that may be a described child: looked up in the index by its keys, each scored against the
 * description, and grouped by the record their data counts under now (merged records count once, by their best
 * score), best first.
 */
@ApplicationScoped
public class ChildCandidates {

    /**
     * A record (by its root) that may be the child: the best-scoring of its records found, how alike it is, every
     * record of it found, and the details of the one recorded last.
     */
    public record Candidate(UUID rootKey, ChildSimilarity.Similarity similarity, Set<UUID> records, ChildFacts latest,
            Instant latestRecordedAt) {
    }

    private static final Comparator<Candidate> BEST_FIRST = Comparator
            .comparingInt((Candidate c) -> c.similarity().score()).reversed()
            .thenComparing(Candidate::latestRecordedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Candidate::rootKey);

    @Inject
    ChildIndexQueries index;

    /** The description with the database's phonetic keys of its names. */
    public ChildFacts keyed(ChildFacts probe) {
        return new ChildFacts(probe.firstName(), probe.lastName(), probe.dateOfBirth(), probe.postcode(),
                probe.nhsNumber(), probe.upn(), index.keysOf(probe.firstName(), probe.lastName()));
    }

    /** Every record found for the description, scored and grouped by root, best first ({@code wide}: a search). */
    public List<Candidate> find(ChildFacts probe, boolean wide) {
        ChildFacts keyed = keyed(probe);
        Map<UUID, List<ChildIndexQueries.Found>> byRoot = index.lookUp(keyed, wide).stream()
                .collect(Collectors.groupingBy(ChildIndexQueries.Found::rootKey, LinkedHashMap::new,
                        Collectors.toList()));
        List<Candidate> candidates = new ArrayList<>();
        byRoot.forEach((root, found) -> candidates.add(candidate(keyed, root, found)));
        candidates.sort(BEST_FIRST);
        return candidates;
    }

    private static Candidate candidate(ChildFacts probe, UUID root, List<ChildIndexQueries.Found> found) {
        ChildSimilarity.Similarity best = null;
        ChildIndexQueries.Found latest = null;
        for (ChildIndexQueries.Found f : found) {
            ChildSimilarity.Similarity s = ChildSimilarity.score(probe, f.facts());
            if (best == null || s.score() > best.score()) {
                best = s;
            }
            if (latest == null || f.recordedAt().isAfter(latest.recordedAt())) {
                latest = f;
            }
        }
        Set<UUID> records = found.stream().map(ChildIndexQueries.Found::childKey).collect(Collectors.toSet());
        return new Candidate(root, best, records, latest.facts(), latest.recordedAt());
    }
}
