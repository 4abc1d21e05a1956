package org.frontdoor.triage.console;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.validation.Text;
import org.frontdoor.triage.cases.AllocateCommand;
import org.frontdoor.triage.cases.CloseCommand;
import org.frontdoor.triage.cases.DeclineCommand;
import org.frontdoor.triage.cases.StepCommand;
import org.frontdoor.triage.screening.CheckCommand;
import org.frontdoor.triage.sharing.InformationRequestCommand;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The console's forms, each bound from its posted fields by name (a record component is named as the template names
 * its input) and turned into the domain's command here, once. Every form also carries {@code csrf}, which
 * ConsoleCsrfFilter checks before any of these is bound. (The decision form names its fields per child: DecisionForm.)
 */
// the redraw reads each form's fields by reflection (Form.values)
@RegisterForReflection(targets = { ConsoleForms.VersionForm.class, ConsoleForms.CheckForm.class,
        ConsoleForms.AllocateForm.class, ConsoleForms.CloseForm.class, ConsoleForms.DeclineForm.class,
        ConsoleForms.StepForm.class, ConsoleForms.InformedForm.class, ConsoleForms.ReasonForm.class,
        ConsoleForms.AskForm.class })
public final class ConsoleForms {

    private ConsoleForms() {
    }

    /**
     * A form as posted: its values by field name, so a page drawn again with errors keeps what was typed. A field is
     * named as it was posted: the component's name, or the name its {@code @RestForm} gives (a Date input's
     * {@code @RestForm("panelDate-day") String panelDateDay}).
     */
    interface Form {

        default Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            for (RecordComponent c : getClass().getRecordComponents()) {
                try {
                    Object value = c.getAccessor().invoke(this);
                    if (value != null) {
                        values.put(postedName(c), value.toString());
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("a form's accessor is public", e);
                }
            }
            return values;
        }

        private String postedName(RecordComponent c) throws NoSuchFieldException {
            RestForm named = getClass().getDeclaredField(c.getName()).getAnnotation(RestForm.class);
            return named == null || named.value().isEmpty() ? c.getName() : named.value();
        }

        /** The form drawn again with these errors beside its fields. */
        default Posted refused(List<Problem.FieldError> errors) {
            return new Posted(errors, values());
        }
    }

    /** A form about a record: it carries the version the page showed, so a stale page overwrites nothing newer. */
    interface Versioned extends Form {

        String version();

        /** The version to check, or null (none posted, or not a number) for the service to refuse. */
        default Long ifMatch() {
            return ConsoleForms.version(version());
        }
    }

    /** Approve: the record's version only, so a stale page cannot approve what changed after it was drawn. */
    public record VersionForm(@RestForm String version) implements Versioned {
    }

    /** A check with a partner agency, on the screening page: when, as a Date input and a time (UK time). */
    public record CheckForm(@RestForm String version, @RestForm String organisation, @RestForm String contactName,
            @RestForm("checkedAt-day") String checkedAtDay, @RestForm("checkedAt-month") String checkedAtMonth,
            @RestForm("checkedAt-year") String checkedAtYear, @RestForm String checkedAtTime,
            @RestForm String findings) implements Versioned {

        /** Refused beside {@code checkedAt} (the date) or {@code checkedAtTime} when either is missing or not one. */
        CheckCommand command() {
            List<Problem.FieldError> errors = new ArrayList<>();
            LocalDate day = DateInput.collect(errors, () -> DateInput.required("checkedAt", "the date of the check",
                    checkedAtDay, checkedAtMonth, checkedAtYear));
            LocalTime time = DateInput.collect(errors, () -> DateInput.requiredTime("checkedAtTime",
                    "the time of the check", checkedAtTime));
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            return new CheckCommand(Text.blankToNull(organisation), null, contactName, DateInput.ukInstant(day, time),
                    findings);
        }
    }

    /**
     * A question to a partner organisation, on the screening page. The organisation's field is named apart from the
     * check form's on the same page, so a refused question does not fill in the check's choice.
     */
    public record AskForm(@RestForm String askOrganisation, @RestForm String question, @RestForm String urgency)
            implements Form {

        /** No urgency chosen (or not one): the contact's own, as the service decides. */
        InformationRequestCommand command() {
            return new InformationRequestCommand(Text.blankToNull(askOrganisation), question,
                    enumOrNull(Priority.class, urgency));
        }
    }

    /** A case's lead worker, on the allocation page. */
    public record AllocateForm(@RestForm String version, @RestForm String worker, @RestForm String overrideReason)
            implements Versioned {

        AllocateCommand command() {
            return new AllocateCommand(worker, Text.blankToNull(overrideReason));
        }
    }

    /** Closing a case. */
    public record CloseForm(@RestForm String version, @RestForm String reasonCode, @RestForm String summary)
            implements Versioned {

        CloseCommand command() {
            return new CloseCommand(Text.blankToNull(reasonCode), summary);
        }
    }

    /** Declining a close or step that waits for a second manager. */
    public record DeclineForm(@RestForm String version, @RestForm String reason) implements Versioned {

        DeclineCommand command() {
            return new DeclineCommand(reason);
        }
    }

    /** Stepping a case up, down or across. */
    public record StepForm(@RestForm String version, @RestForm String direction,
            @RestForm("panelDate-day") String panelDateDay, @RestForm("panelDate-month") String panelDateMonth,
            @RestForm("panelDate-year") String panelDateYear, @RestForm String rationale,
            @RestForm String partnerSummary) implements Versioned {

        /**
         * UP goes to social care; DOWN and ACROSS to early help (the council's, or led by a partner agency). The
         * panel's date is a Date input, refused (beside {@code panelDate}) when it is not a date; none typed is none
         * (the service asks for it when the direction needs one).
         */
        StepCommand command() {
            LocalDate panel = DateInput.read("panelDate", "the panel's date", panelDateDay, panelDateMonth,
                    panelDateYear);
            String way = Text.blankToNull(direction);
            Pathway to = way == null ? null : "UP".equals(way) ? Pathway.SOCIAL_CARE : Pathway.EARLY_HELP;
            return new StepCommand(way, to, rationale, Text.blankToNull(partnerSummary), panel, null, null);
        }
    }

    /** That the recipient of an undelivered message was told by other means, on the feedback page. */
    public record InformedForm(@RestForm String how, @RestForm String note) implements Form {
    }

    /**
     * Why two records of a child are one (merge), are not the same child, or are to be separated again. A page
     * repeats this form for each pair of records, so its field is named per pair: {@code prefix}.
     */
    public record ReasonForm(@RestForm String reason) implements Form {

        /** The reason given; refused beside the field, with {@code message}, when there is none. */
        String required(String message) {
            if (reason == null || reason.isBlank()) {
                throw ProblemException.invalid("reason", message);
            }
            return reason.strip();
        }

        /** Drawn again with these errors: the reason typed kept in its own form's field only. */
        Posted refused(String prefix, List<Problem.FieldError> errors) {
            return new Posted(errors, Map.of(prefix + "reason", reason == null ? "" : reason));
        }
    }

    // --- values as typed ---

    /** The record's version the form carries; none (or not a number) leaves the service to refuse it. */
    static Long version(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Integer intOrNull(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A date or time as typed, read; one that cannot be read is refused as the services refuse a field, before any
     * service is asked, so the page shows it beside its field the same way.
     */
    static <T> T readable(String field, String message, Supplier<T> read) {
        try {
            return read.get();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, message);
        }
    }

    /** A date and time as typed in the UK (local time), for a UTC instant; throws when it is not one. */
    static Instant ukTime(String value) {
        return value == null || value.isBlank() ? null
                : LocalDateTime.parse(value.strip()).atZone(WorkingCalendar.ENGLAND).toInstant();
    }

    /** A date as typed (yyyy-MM-dd); throws when it is not one. */
    static LocalDate date(String value) {
        return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
    }
}
