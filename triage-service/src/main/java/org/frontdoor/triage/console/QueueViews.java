package org.frontdoor.triage.console;

import static org.frontdoor.triage.console.ConsoleWords.WHEN;
import static org.frontdoor.triage.console.ConsoleWords.status;
import static org.frontdoor.triage.console.ConsoleWords.tag;
import static org.frontdoor.triage.console.ConsoleWords.timeLeft;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.triage.console.ConsoleWords.Choice;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.queue.TriageResults;
import org.frontdoor.triage.queue.TriageStatus;

/** What the queue shows (and the approvals page's decisions): contacts as rows, the RAG countdown as time left. */
@ApplicationScoped
public class QueueViews {

    @Inject
    Clock clock;

    public record QueueRow(UUID id, String childName, Priority priority, String tag, String status, String due,
            String timeLeft, boolean overdue, boolean openCase, String source, String assignedTo, String deadline,
            UUID childKey, String reference) {
    }

    public record Queue(List<QueueRow> mine, List<QueueRow> team, long teamTotal, Priority priority,
            TriageStatus status, boolean overdue, boolean openCase) {

        public List<Priority> priorities() {
            return List.of(Priority.values());
        }

        /** The statuses of the open queue, as choices; the decided are not in it. */
        public List<Choice> statuses() {
            return List.of(TriageStatus.NEW, TriageStatus.IN_PROGRESS, TriageStatus.AWAITING_APPROVAL).stream()
                    .map(s -> new Choice(s.name(), ConsoleWords.status(s), "")).toList();
        }
    }

    public Queue queue(TriageResults.Page mine, TriageResults.Page team, Priority priority, TriageStatus status,
            boolean overdue, boolean openCase) {
        return new Queue(rows(mine.rows()), rows(team.rows()), team.total(), priority, status, overdue, openCase);
    }

    public List<QueueRow> rows(List<TriageResults.Row> rows) {
        Instant now = Instant.now(clock);
        return rows.stream().map(r -> {
            TriageItem i = r.item();
            boolean late = i.status != TriageStatus.DECIDED && i.deadline.isBefore(now);
            return new QueueRow(i.id, r.childName(), i.priority, tag(i.priority), status(i.status),
                    WHEN.format(i.deadline), timeLeft(now, i.deadline), late, i.openCaseId != null, r.sourceCode(),
                    i.assignedTo, i.deadline.toString(), i.childKey, r.reference());
        }).toList();
    }
}
