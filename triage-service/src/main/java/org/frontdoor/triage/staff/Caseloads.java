package org.frontdoor.triage.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.triage.cases.CareCase;
import org.frontdoor.triage.config.TriageConfig;

/**
 * Allocation against the caseload band: a worker should carry 13-16 cases (configurable; a worker's
 * own limit replaces the maximum). Inside the band allocation warns; above a worker's limit only a
 * team manager may allocate, with a reason, which is recorded. Caseloads never make a triage decision
 * fail: when no worker of the pathway has room the case waits for a manager's allocation.
 */
@ApplicationScoped
public class Caseloads {

    /**
     * The lead worker chosen (null: the case waits for a manager's allocation), their open cases once
     * this one is added, and what to tell the person who decided.
     */
    public record Allocation(StaffMember worker, long openCasesAfter, List<String> warnings, String overrideReason) {

        public boolean awaiting() {
            return worker == null;
        }
    }

    @Inject
    TriageConfig config;

    /** Where a worker's open cases stand: under the band, within it (allocation warns), or over their limit. */
    @Schema(name = "CaseloadBand")
    public enum Band {
        UNDER, WITHIN, OVER
    }

    public Band band(long openCases, Integer ownLimit) {
        if (openCases > limit(ownLimit)) {
            return Band.OVER;
        }
        return openCases >= config.caseload().warnFrom() ? Band.WITHIN : Band.UNDER;
    }

    public int limit(Integer ownLimit) {
        return ownLimit != null ? ownLimit : config.caseload().max();
    }

    /**
     * For a decision or a step: the worker asked for, or else the least loaded active worker of the
     * pathway with room. When that worker has no room (and no team manager overrides with a reason),
     * or nobody has, the allocation is left to a manager. Only a bad worker id is an error.
     */
    public Allocation allocateOrQueue(Pathway pathway, String requested, String overrideReason, Actor actor,
            String field, List<FieldError> errors) {
        if (requested != null && !requested.isBlank()) {
            StaffMember worker = leadWorker(requested, pathway, field, errors);
            if (worker == null) {
                return null;
            }
            long after = CareCase.openCasesOf(worker.id) + 1;
            if (after > limit(worker.caseloadLimit) && !(actor.teamManager() && hasText(overrideReason))) {
                return new Allocation(null, 0, List.of(worker.id + " already carries " + (after - 1) + " open cases"
                        + " (limit " + limit(worker.caseloadLimit) + "): the case waits for a team manager's"
                        + " allocation"), null);
            }
            return allocation(worker, after, overrideReason);
        }
        List<StaffMember> candidates = StaffMember.list("active = true and pathway = ?1", pathway);
        return candidates.stream()
                .map(w -> new Load(w, CareCase.openCasesOf(w.id)))
                .filter(l -> l.openCases() < limit(l.worker().caseloadLimit))
                .min(Comparator.comparingLong(Load::openCases).thenComparing(l -> l.worker().id))
                .map(l -> allocation(l.worker(), l.openCases() + 1, null))
                .orElseGet(() -> new Allocation(null, 0, List.of("No active " + pathway + " worker has room: the case"
                        + " waits for a team manager's allocation"), null));
    }

    /** A worker with the open cases they lead now. */
    private record Load(StaffMember worker, long openCases) {
    }

    /**
     * For a team manager's allocation: the worker named; above their limit only with a reason
     * ({@code reasonField}), else an error naming {@code field}.
     */
    public Allocation allocate(Pathway pathway, String requested, String overrideReason, Actor actor, String field,
            String reasonField, List<FieldError> errors) {
        StaffMember worker = leadWorker(requested, pathway, field, errors);
        if (worker == null) {
            return null;
        }
        long after = CareCase.openCasesOf(worker.id) + 1;
        if (after > limit(worker.caseloadLimit) && !(actor.teamManager() && hasText(overrideReason))) {
            errors.add(new FieldError(field, worker.id + " already carries " + (after - 1) + " open cases; the"
                    + " limit is " + limit(worker.caseloadLimit) + ". Choose another worker, or a team manager may"
                    + " allocate with " + reasonField));
            return null;
        }
        return allocation(worker, after, overrideReason);
    }

    private Allocation allocation(StaffMember worker, long after, String overrideReason) {
        List<String> warnings = new ArrayList<>();
        int limit = limit(worker.caseloadLimit);
        String override = null;
        if (after > limit) {
            override = overrideReason.strip();
            warnings.add(worker.id + " will carry " + after + " open cases, above the maximum of " + limit
                    + " (allocated by a team manager: " + override + ")");
        } else if (after >= config.caseload().warnFrom()) {
            warnings.add(worker.id + " will carry " + after + " open cases, inside the " + config.caseload().warnFrom()
                    + "-" + limit + " band");
        }
        return new Allocation(worker, after, warnings, override);
    }

    /** The named worker, if they may lead a case of this pathway; else an error naming {@code field}. */
    private static StaffMember leadWorker(String requested, Pathway pathway, String field, List<FieldError> errors) {
        StaffMember worker = requested == null ? null : StaffMember.findById(requested.strip());
        if (worker == null) {
            errors.add(new FieldError(field, "is not a member of staff; see the staff directory"));
        } else if (!worker.active) {
            errors.add(new FieldError(field, worker.id + " is not active"));
        } else if (worker.pathway != pathway) {
            errors.add(new FieldError(field, worker.id + " does not lead " + pathway + " cases"));
        } else {
            return worker;
        }
        return null;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
