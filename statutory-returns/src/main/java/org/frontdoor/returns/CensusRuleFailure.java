package org.frontdoor.returns;

/**
 * A DfE CIN census validation rule that the data breaks.
 *
 * @param laChildId the child's LAchildID; null for a rule about the whole return (e.g. 2886Q, 2883)
 * @param rule the DfE rule code, with its Q when it is a query, e.g. {@code 8608} or {@code 8863Q}
 * @param query a query (DfE asks for a reason, the return is accepted) rather than an error
 * @param message what is wrong, in plain words
 * @param field where, as a path in the return, e.g. {@code CINdetails[2]/Assessments[1]/AssessmentAuthorisationDate}
 *        (1-based); null for the whole return
 */
public record CensusRuleFailure(String laChildId, String rule, boolean query, String message, String field) {
}
