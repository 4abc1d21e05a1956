package org.frontdoor.triage.console;

import static org.frontdoor.triage.console.ConsoleWords.WHEN;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.triage.cases.CareCase;
import org.frontdoor.triage.staff.StaffService;

/** What the allocation page shows: the cases without a lead worker, each with the workers who could take it. */
@ApplicationScoped
public class AllocationViews {

    /** The width of a caseload bar, in pixels; the limit's mark sits inside it, with room to show going over. */
    private static final long BAR = 150;

    @Inject
    Clock clock;

    /** A worker who could take a case, with a bar of their caseload against their limit. */
    public record Worker(String id, String name, long openCases, String band, int limit, int bar, int limitMark) {
    }

    public record Allocation(UUID id, String pathway, String opened, String due, boolean overdue, long version,
            List<Worker> workers) {

        public String field(String name) {
            return FieldNames.of(FieldNames.CASES, id, name);
        }
    }

    public List<Allocation> allocation(List<CareCase> waiting, List<StaffService.Member> members) {
        Instant now = Instant.now(clock);
        return waiting.stream().map(c -> new Allocation(c.id, c.pathway == Pathway.SOCIAL_CARE ? "Social care"
                : "Early help", WHEN.format(c.openedAt),
                c.allocationDueBy == null ? "" : WHEN.format(c.allocationDueBy),
                c.allocationDueBy != null && c.allocationDueBy.isBefore(now), c.version, workers(c, members)))
                .toList();
    }

    /** The active workers of the case's pathway. */
    private static List<Worker> workers(CareCase c, List<StaffService.Member> members) {
        return members.stream().filter(m -> m.staff().active && m.staff().pathway == c.pathway)
                .map(m -> new Worker(m.staff().id, m.staff().name, m.openCases().size(), m.caseloadBand().name(),
                        m.caseloadLimit(), (int) Math.min(BAR, m.openCases().size() * BAR
                                / Math.max(1, m.caseloadLimit() + 4)),
                        (int) (m.caseloadLimit() * BAR / Math.max(1, m.caseloadLimit() + 4))))
                .toList();
    }
}
