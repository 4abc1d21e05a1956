package org.frontdoor.returns;

import java.util.List;

/**
 * Children split by the census rules, so that a caller can write the return from the children that pass
 * and give the front door a list of the rest to put right.
 *
 * @param accepted children with no errors (queries do not block), in the order given: write these
 * @param failures every child with at least one failure, error or query, in the order given
 * @param returnLevel failures of the return as a whole (e.g. 2886Q, 2883), which reject no child
 */
public record CensusPartition(List<CensusChild> accepted, List<ChildFailures> failures,
        List<CensusRuleFailure> returnLevel) {

    public CensusPartition {
        accepted = List.copyOf(accepted);
        failures = List.copyOf(failures);
        returnLevel = List.copyOf(returnLevel);
    }

    /** The children left out of the return, with why. */
    public List<ChildFailures> rejected() {
        return failures.stream().filter(ChildFailures::blocking).toList();
    }

    /** Every failure as one list: the children's in order, then the return's. */
    public List<CensusRuleFailure> all() {
        return java.util.stream.Stream.concat(failures.stream().flatMap(f -> f.failures().stream()),
                returnLevel.stream()).toList();
    }
}
