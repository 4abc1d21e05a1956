package org.frontdoor.triage.console;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.frontdoor.triage.console.ConsoleWords.Choice;

/**
 * What the feedback page shows of the notification service's lists: the could-not-inform tasks and the messages
 * overdue or at risk, in words.
 */
@ApplicationScoped
public class FeedbackViews {

    /** A could-not-inform task: who to tell, how to reach them, why the service could not. */
    public record Task(UUID id, String kind, String recipient, String contactName, String email,
            List<String> contactEmails, String reference, String reason, String due, String deadline,
            String deadlineTag) {

        public String field(String name) {
            return FieldNames.of(FieldNames.TASKS, id, name);
        }
    }

    /** An undelivered message past its due time or at risk of it. */
    public record Late(String kind, String recipient, String status, String due, String deadline, String deadlineTag,
            int attempts, String lastError) {
    }

    /**
     * The page: {@code available} false when the notification service did not answer; {@code tasksTotal} and
     * {@code lateTotal}: how many there are, of which the first page is shown.
     */
    public record Feedback(boolean available, List<Task> tasks, long tasksTotal, List<Late> late, long lateTotal,
            long overdue, long atRisk, List<Choice> hows) {

        public boolean moreTasks() {
            return tasksTotal > tasks.size();
        }

        public boolean moreLate() {
            return lateTotal > late.size();
        }
    }

    public Feedback feedback(JsonNode tasks, JsonNode overdue) {
        List<Task> open = new ArrayList<>();
        tasks.path("items").forEach(t -> open.add(task(t)));
        List<Late> late = new ArrayList<>();
        for (JsonNode n : overdue.path("items")) {
            late.add(new Late(kind(n.path("kind").asText()), text(n, "recipientOrganisation"),
                    text(n, "status"), when(text(n, "dueBy")), deadline(text(n, "deadline")),
                    deadlineTag(text(n, "deadline")), n.path("attempts").asInt(), text(n, "lastError")));
        }
        return new Feedback(true, open, tasks.path("total").asLong(open.size()), late,
                overdue.path("total").asLong(late.size()), overdue.path("overdue").asLong(),
                overdue.path("atRisk").asLong(), informedHows());
    }

    public Feedback feedbackUnavailable() {
        return new Feedback(false, List.of(), 0, List.of(), 0, 0, 0, informedHows());
    }

    private static Task task(JsonNode t) {
        JsonNode r = t.path("recipient");
        List<String> emails = new ArrayList<>();
        r.path("contactEmails").forEach(e -> emails.add(e.asText()));
        return new Task(UUID.fromString(t.path("notificationId").asText()), kind(t.path("kind").asText()),
                text(r, "organisationName") != null ? text(r, "organisationName") : text(r, "organisationId"),
                text(r, "contactName"), text(r, "email"), emails, text(r, "externalReference"),
                text(t, "reasonText"), when(text(t, "dueBy")), deadline(text(t, "deadline")),
                deadlineTag(text(t, "deadline")));
    }

    private static List<Choice> informedHows() {
        return List.of(new Choice("PHONE", "By phone", null), new Choice("SECURE_EMAIL", "By secure email", null),
                new Choice("LETTER", "By letter", null), new Choice("IN_PERSON", "In person", null));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static String when(String instant) {
        return instant == null ? "" : ConsoleWords.WHEN.format(Instant.parse(instant));
    }

    private static String kind(String kind) {
        return switch (kind) {
            case "ACKNOWLEDGEMENT" -> "Acknowledgement of the referral";
            case "OUTCOME" -> "Outcome for a child";
            case "CASE_STEPPED" -> "Case stepped up or down";
            case "CASE_CLOSED" -> "Case closed";
            default -> kind;
        };
    }

    /** The notification service's deadline states, in words and a tag's colour. */
    private enum Deadline {
        OVERDUE("Overdue", "govuk-tag--red"),
        AT_RISK("At risk", "govuk-tag--orange"),
        ON_TRACK("On track", "govuk-tag--green"),
        MISSED("Missed", "govuk-tag--red"),
        MET("Met", "govuk-tag--green"),
        WITHHELD("Withheld", "govuk-tag--grey");

        private final String words;
        private final String tag;

        Deadline(String words, String tag) {
            this.words = words;
            this.tag = tag;
        }

        /** A state this console does not know yet is shown as it comes, in grey. */
        static Deadline of(String state) {
            return state == null ? null
                    : java.util.Arrays.stream(values()).filter(d -> d.name().equals(state)).findFirst().orElse(null);
        }
    }

    private static String deadline(String state) {
        Deadline d = Deadline.of(state);
        return d != null ? d.words : state == null ? "" : state;
    }

    private static String deadlineTag(String state) {
        Deadline d = Deadline.of(state);
        return d != null ? d.tag : "govuk-tag--grey";
    }
}
