package org.frontdoor.returns;

import java.util.List;

/**
 * The rules one child breaks.
 *
 * @param child the child
 * @param failures errors and queries, in rule order
 */
public record ChildFailures(CensusChild child, List<CensusRuleFailure> failures) {

    public ChildFailures {
        failures = List.copyOf(failures);
    }

    /** At least one error (not a query): the child cannot go into the return as it stands. */
    public boolean blocking() {
        return failures.stream().anyMatch(f -> !f.query());
    }

    public List<CensusRuleFailure> errors() {
        return failures.stream().filter(f -> !f.query()).toList();
    }

    public List<CensusRuleFailure> queries() {
        return failures.stream().filter(CensusRuleFailure::query).toList();
    }
}
