package org.frontdoor.triage.console;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.frontdoor.events.codes.AgencyType;
import org.frontdoor.events.codes.ReferralSource;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.triage.console.ConsoleWords.Choice;

/**
 * What the partner directory's pages show of the notification service's answers (read as JSON, not as its types):
 * each organisation in words, with how messages reach it (its webhook, else its contact emails, else a task for
 * the front door).
 */
@ApplicationScoped
public class PartnerViews {

    /** Organisations a page. */
    static final int PAGE = 25;

    /** One organisation as a row of the directory. */
    public record Row(String id, String name, String agencyType, String source, String reach, boolean active) {
    }

    /** A page of the directory ({@code page} from 0); {@code available} false when the service did not answer. */
    public record Directory(boolean available, List<Row> rows, int page, int pages, long total, boolean mayChange) {

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages;
        }

        public int shown() {
            return page + 1;
        }

        public int next() {
            return page + 2;
        }
    }

    /** One organisation, and the choices its form offers. */
    public record Partner(String id, String name, String agencyType, String source, List<String> emails,
            boolean webhook, String reach, boolean active, long version, String updated, boolean mayChange,
            List<Choice> agencyTypes, List<Choice> sources) {
    }

    public Directory directory(JsonNode page, boolean mayChange) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode p : page.path("items")) {
            rows.add(new Row(p.path("id").asText(), p.path("name").asText(), agencyType(p.path("agencyType").asText()),
                    source(p.path("cinSourceCode").asText()), reach(p), p.path("active").asBoolean()));
        }
        long total = page.path("total").asLong(rows.size());
        int size = Math.max(1, page.path("size").asInt(PAGE));
        return new Directory(true, rows, page.path("page").asInt(), (int) Math.max(1, (total + size - 1) / size),
                total, mayChange);
    }

    public Directory unavailable(boolean mayChange) {
        return new Directory(false, List.of(), 0, 1, 0, mayChange);
    }

    public Partner partner(JsonNode p, boolean mayChange) {
        List<String> emails = new ArrayList<>();
        p.path("contactEmails").forEach(e -> emails.add(e.asText()));
        String at = p.path("updatedAt").asText(null);
        String updated = at == null ? "" : ConsoleWords.WHEN.format(Instant.parse(at))
                + (p.path("updatedBy").isTextual() ? " by " + p.path("updatedBy").asText() : "");
        return new Partner(p.path("id").asText(), p.path("name").asText(), agencyType(p.path("agencyType").asText()),
                source(p.path("cinSourceCode").asText()), emails, p.path("webhook").asBoolean(), reach(p),
                p.path("active").asBoolean(), p.path("version").asLong(), updated, mayChange, agencyTypes(),
                sources());
    }

    /** A blank form's choices, for the page that adds an organisation. */
    public Partner blank() {
        return new Partner(null, null, null, null, List.of(), false, null, true, 0, null, true, agencyTypes(),
                sources());
    }

    /** How messages reach it now, in words: what the notification service tries first. */
    private static String reach(JsonNode p) {
        if (!p.path("active").asBoolean()) {
            return "Nothing is sent: messages to it become tasks for the front door";
        }
        if (p.path("webhook").asBoolean()) {
            return "Webhook (its system receives messages directly)";
        }
        return p.path("contactEmails").isEmpty() ? "No webhook and no email: messages become tasks for the front door"
                : "No webhook: by secure email";
    }

    /**
     * The notification service's refusals as a person reads them: each contact email's error beside the emails'
     * field, naming which line; the field's name first when the message is only the rest of a sentence.
     */
    static List<Problem.FieldError> inWords(List<Problem.FieldError> errors) {
        List<Problem.FieldError> found = new ArrayList<>();
        for (Problem.FieldError e : errors) {
            String field = e.field();
            String label = label(field);
            if (field.startsWith("contactEmails[")) {
                int line = Integer.parseInt(field.replaceAll("\\D", "")) + 1;
                label = "Email address " + line;
                field = "contactEmails";
            }
            String message = e.message();
            boolean fragment = !message.isEmpty() && Character.isLowerCase(message.charAt(0));
            found.add(new Problem.FieldError(field, fragment && label != null ? label + " " + message : message));
        }
        return found;
    }

    private static String label(String field) {
        return switch (field) {
            case "id" -> "The organisation's id";
            case "name" -> "The name";
            case "agencyType" -> "The kind of organisation";
            case "cinSourceCode" -> "The census source";
            case "contactEmails" -> "The email addresses";
            default -> null;
        };
    }

    static String agencyType(String code) {
        return switch (code) {
            case "SCHOOL" -> "School";
            case "EDUCATION" -> "Education service";
            case "POLICE" -> "Police";
            case "HEALTH" -> "Health";
            case "HOUSING" -> "Housing";
            case "LOCAL_AUTHORITY" -> "Local authority";
            case "PROBATION_OR_COURTS" -> "Probation or courts";
            case "VOLUNTARY" -> "Voluntary organisation";
            case "OTHER" -> "Other";
            default -> code.replace('_', ' ').toLowerCase(Locale.UK);
        };
    }

    private static String source(String code) {
        return ReferralSource.fromCode(code).map(s -> s.description() + " (" + s.code() + ")").orElse(code);
    }

    private static List<Choice> agencyTypes() {
        return Arrays.stream(AgencyType.values()).map(t -> new Choice(t.name(), agencyType(t.name()), null)).toList();
    }

    private static List<Choice> sources() {
        return Arrays.stream(ReferralSource.values()).filter(ReferralSource::isProfessional)
                .map(s -> new Choice(s.code(), s.code() + ": " + s.description(), null)).toList();
    }
}
