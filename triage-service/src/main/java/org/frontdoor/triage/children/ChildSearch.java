package org.frontdoor.triage.children;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.support.problem.Problem;

/**
 * The front door's search of the children it knows, before keying a contact in: the same tolerance as a contact's
 * possible matches (a misspelt or nicknamed name, a mistyped date of birth, a new postcode), best first.
 */
@ApplicationScoped
public class ChildSearch {

    static final String NEEDS = "give a surname, a date of birth, an NHS number or a UPN";

    /** What the person searching knows of the child; at least a surname, date of birth, NHS number or UPN. */
    public record Criteria(String surname, String firstName, LocalDate dateOfBirth, String postcode, String nhsNumber,
            String upn) {
    }

    /**
     * A child found: the record (its root), its latest details found, how alike, why, and its contacts so far.
     */
    public record Result(UUID childKey, String firstName, String lastName, LocalDate dateOfBirth, String postcode,
            int score, List<String> reasons, long contacts, Instant lastContactAt) {
    }

    public record Page(int page, int size, long total, List<Result> results) {
    }

    @Inject
    ChildCandidates candidates;

    @Inject
    ChildIndexQueries index;

    @Inject
    MatchingConfig config;

    @Inject
    AuditLog audit;

    @Transactional
    public Page search(Criteria criteria, int page, int size) {
        requireEnough(criteria);
        ChildFacts probe = new ChildFacts(criteria.firstName(), criteria.surname(), criteria.dateOfBirth(),
                criteria.postcode(), criteria.nhsNumber(), criteria.upn(), ChildFacts.Keys.NONE);
        List<ChildCandidates.Candidate> found = candidates.find(probe, true).stream()
                .filter(c -> c.similarity().score() >= config.searchMinScore()).toList();
        List<ChildCandidates.Candidate> shown = Paging.slice(found, page, size);
        Map<UUID, ChildIndexQueries.ContactCount> counts = index.contactCounts(
                shown.stream().map(ChildCandidates.Candidate::rootKey).toList());
        List<Result> results = shown.stream().map(c -> result(c, counts.get(c.rootKey()))).toList();
        // which details were searched by, never the details themselves
        audit.record("child.searched", null, "by " + String.join(", ", given(criteria)) + ": " + found.size()
                + " child(ren)");
        return new Page(page, size, found.size(), results);
    }

    private static Result result(ChildCandidates.Candidate c, ChildIndexQueries.ContactCount count) {
        ChildFacts latest = c.latest();
        return new Result(c.rootKey(), latest.firstName(), latest.lastName(), latest.dateOfBirth(),
                latest.postcode(), c.similarity().score(), c.similarity().reasons(),
                count == null ? 0 : count.contacts(), count == null ? null : count.lastContactAt());
    }

    private static void requireEnough(Criteria c) {
        if (blank(c.surname()) && c.dateOfBirth() == null && blank(c.nhsNumber()) && blank(c.upn())) {
            List<Problem.FieldError> errors = new ArrayList<>();
            for (String field : List.of("surname", "dateOfBirth", "nhsNumber", "upn")) {
                errors.add(new Problem.FieldError(field, NEEDS));
            }
            throw DomainException.invalid(errors);
        }
    }

    private static List<String> given(Criteria c) {
        List<String> given = new ArrayList<>();
        addIf(given, !blank(c.surname()), "surname");
        addIf(given, !blank(c.firstName()), "firstName");
        addIf(given, c.dateOfBirth() != null, "dateOfBirth");
        addIf(given, !blank(c.postcode()), "postcode");
        addIf(given, !blank(c.nhsNumber()), "nhsNumber");
        addIf(given, !blank(c.upn()), "upn");
        return given;
    }

    private static void addIf(List<String> list, boolean condition, String value) {
        if (condition) {
            list.add(value);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
