package org.frontdoor.triage.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.triage.config.TriageConfig;

/**
 * Allocation against the caseload band: a worker should carry 13-16 cases (configurable). An
 * allocation that brings a worker inside the band warns; one that takes them above the maximum
 * is refused unless a team manager gives a reason, which is recorded.
 */
@ApplicationScoped
public class Caseloads {

    /** The worker chosen, their open cases once this one is added, and any warnings to show. */
    public record Allocation(Worker worker, long openCasesAfter, List<String> warnings, String overrideReason) {
    }

    @Inject
    TriageConfig config;

    public String band(long openCases) {
        if (openCases > config.caseload().max()) {
            return "OVER";
        }
        return openCases >= config.caseload().warnFrom() ? "WITHIN" : "UNDER";
    }

    /**
     * Chooses the lead worker: the one asked for, or else the active worker of the pathway with
     * the fewest open cases. Adds to {@code errors} (naming {@code field}) when the worker is unknown
     * or the allocation would go over the maximum without a manager's reason; returns null then.
     */
    public Allocation allocate(Pathway pathway, String requested, String overrideReason, Actor actor, String field,
            String reasonField, List<FieldError> errors) {
        Worker worker;
        if (requested != null && !requested.isBlank()) {
            worker = Worker.findById(requested.strip());
            if (worker == null || !worker.active) {
                errors.add(new FieldError(field, "is not an active worker; see GET /api/v1/workers"));
                return null;
            }
        } else {
            List<Worker> candidates = Worker.<Worker>list("active = true and pathway = ?1", pathway);
            worker = candidates.stream()
                    .min(Comparator.comparingLong((Worker w) -> CareCase.openCasesOf(w.id)).thenComparing(w -> w.id))
                    .orElse(null);
            if (worker == null) {
                errors.add(new FieldError(field, "no active " + pathway + " worker to allocate: name one"));
                return null;
            }
        }
        long after = CareCase.openCasesOf(worker.id) + 1;
        List<String> warnings = new ArrayList<>();
        boolean hasReason = overrideReason != null && !overrideReason.isBlank();
        if (after > config.caseload().max()) {
            if (!actor.teamManager() || !hasReason) {
                errors.add(new FieldError(field, worker.id + " already carries " + (after - 1) + " open cases; the"
                        + " maximum is " + config.caseload().max() + ". Choose another worker, or a team manager"
                        + " may allocate with " + reasonField));
                return null;
            }
            warnings.add(worker.id + " will carry " + after + " open cases, above the maximum of "
                    + config.caseload().max() + " (allocated by a team manager: " + overrideReason.strip() + ")");
        } else if (after >= config.caseload().warnFrom()) {
            warnings.add(worker.id + " will carry " + after + " open cases, inside the " + config.caseload().warnFrom()
                    + "-" + config.caseload().max() + " band");
        }
        return new Allocation(worker, after, warnings, after > config.caseload().max() ? overrideReason.strip() : null);
    }
}
