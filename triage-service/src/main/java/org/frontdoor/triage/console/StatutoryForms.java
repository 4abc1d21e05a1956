package org.frontdoor.triage.console;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.frontdoor.events.codes.AssessmentFactor;
import org.frontdoor.events.codes.CategoryOfAbuse;
import org.frontdoor.events.codes.CensusSex;
import org.frontdoor.events.codes.Coded;
import org.frontdoor.events.codes.Disability;
import org.frontdoor.events.codes.Ethnicity;
import org.frontdoor.events.codes.UpnUnknownReason;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.validation.Text;
import org.frontdoor.triage.statutory.AssessmentCommand;
import org.frontdoor.triage.statutory.CharacteristicsCommand;
import org.frontdoor.triage.statutory.Section47Command;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The statutory work pages' forms (the s17 assessment, the s47 enquiry, the child's characteristics), each bound
 * from its posted fields and turned into the domain's command once. The services check the DfE's rules, as for the
 * API; a refusal's fields are named here as the page names them, in words ({@link #worded}).
 */
@RegisterForReflection(targets = { StatutoryForms.AssessmentForm.class, StatutoryForms.Section47Form.class,
        StatutoryForms.StartEnquiryForm.class, StatutoryForms.CharacteristicsForm.class })
public final class StatutoryForms {

    /** What a refused field is called on the pages, for its error: "Enter ..." or "The ... must ...". */
    static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("startedOn", "the date the assessment started"),
            Map.entry("authorisedOn", "the date it was authorised"),
            Map.entry("factors", "the factors identified"),
            Map.entry("requiresSupport", "whether the child needs support"),
            Map.entry("strategyDiscussionOn", "the date of the strategy discussion"),
            Map.entry("icpcOn", "the date of the initial child protection conference"),
            Map.entry("icpcNotRequired", "that no conference is needed"),
            Map.entry("planStartedOn", "the date the child protection plan started"),
            Map.entry("planCategory", "the plan's category of abuse"),
            Map.entry("planEndedOn", "the date the plan ended"),
            Map.entry("sex", "the child's sex"),
            Map.entry("ethnicity", "the child's ethnicity"),
            Map.entry("disabilities", "the child's disabilities"),
            Map.entry("upn", "the unique pupil number (UPN)"),
            Map.entry("formerUpn", "the former UPN"),
            Map.entry("upnUnknown", "why there is no UPN"),
            Map.entry("birthDate", "the date of birth"),
            Map.entry("expectedBirthDate", "the expected date of birth"),
            Map.entry("deathDate", "the date of death"));

    private StatutoryForms() {
    }

    /** The s17 assessment: its start, and (a team manager's) its authorisation with factors and conclusion. */
    public record AssessmentForm(@RestForm String version,
            @RestForm("startedOn-day") String startedOnDay, @RestForm("startedOn-month") String startedOnMonth,
            @RestForm("startedOn-year") String startedOnYear, @RestForm String childSeen,
            @RestForm("authorisedOn-day") String authorisedOnDay,
            @RestForm("authorisedOn-month") String authorisedOnMonth,
            @RestForm("authorisedOn-year") String authorisedOnYear, @RestForm List<String> factors,
            @RestForm String requiresSupport) implements ConsoleForms.Versioned {

        AssessmentCommand command() {
            LocalDate started = date("startedOn", startedOnDay, startedOnMonth, startedOnYear);
            LocalDate authorised = date("authorisedOn", authorisedOnDay, authorisedOnMonth, authorisedOnYear);
            List<AssessmentFactor> found = factors == null ? List.of() : factors.stream()
                    .map(f -> Coded.lookup(AssessmentFactor.class, f).orElse(null)).filter(Objects::nonNull).toList();
            return new AssessmentCommand(started, yesNo(childSeen), authorised, found, yesNo(requiresSupport));
        }

        @Override
        public Map<String, String> values() {
            return withList(ConsoleForms.Versioned.super.values(), "factors", factors);
        }
    }

    /** The s47 enquiry under way: the strategy discussion, the conference or that none is needed, and the plan. */
    public record Section47Form(@RestForm String version,
            @RestForm("strategyDiscussionOn-day") String strategyDay,
            @RestForm("strategyDiscussionOn-month") String strategyMonth,
            @RestForm("strategyDiscussionOn-year") String strategyYear,
            @RestForm("startedOn-day") String startedDay, @RestForm("startedOn-month") String startedMonth,
            @RestForm("startedOn-year") String startedYear,
            @RestForm("icpcOn-day") String icpcDay, @RestForm("icpcOn-month") String icpcMonth,
            @RestForm("icpcOn-year") String icpcYear, @RestForm String icpcNotRequired,
            @RestForm("planStartedOn-day") String planStartedDay,
            @RestForm("planStartedOn-month") String planStartedMonth,
            @RestForm("planStartedOn-year") String planStartedYear, @RestForm String planCategory,
            @RestForm("planEndedOn-day") String planEndedDay, @RestForm("planEndedOn-month") String planEndedMonth,
            @RestForm("planEndedOn-year") String planEndedYear) implements ConsoleForms.Versioned {

        Section47Command command() {
            return new Section47Command(date("strategyDiscussionOn", strategyDay, strategyMonth, strategyYear),
                    date("startedOn", startedDay, startedMonth, startedYear),
                    date("icpcOn", icpcDay, icpcMonth, icpcYear), "true".equals(icpcNotRequired),
                    date("planStartedOn", planStartedDay, planStartedMonth, planStartedYear),
                    Coded.lookup(CategoryOfAbuse.class, Text.blankToNull(planCategory)).orElse(null),
                    date("planEndedOn", planEndedDay, planEndedMonth, planEndedYear));
        }
    }

    /**
     * A new s47 enquiry: its strategy discussion (none: the one recorded on the contact) and start. Named apart from
     * the form of the enquiry under way on the same page, so neither fills in the other.
     */
    public record StartEnquiryForm(@RestForm("newStrategyDiscussionOn-day") String strategyDay,
            @RestForm("newStrategyDiscussionOn-month") String strategyMonth,
            @RestForm("newStrategyDiscussionOn-year") String strategyYear,
            @RestForm("newStartedOn-day") String startedDay, @RestForm("newStartedOn-month") String startedMonth,
            @RestForm("newStartedOn-year") String startedYear) implements ConsoleForms.Form {

        Section47Command command() {
            return new Section47Command(date("strategyDiscussionOn", strategyDay, strategyMonth, strategyYear),
                    date("startedOn", startedDay, startedMonth, startedYear), null, null, null, null, null);
        }
    }

    /** The child's characteristics, the whole record as the census reports it. */
    public record CharacteristicsForm(@RestForm String version, @RestForm String sex, @RestForm String ethnicity,
            @RestForm List<String> disabilities, @RestForm String upn, @RestForm String formerUpn,
            @RestForm String upnUnknown, @RestForm("birthDate-day") String bornDay,
            @RestForm("birthDate-month") String bornMonth, @RestForm("birthDate-year") String bornYear,
            @RestForm("expectedBirthDate-day") String expectedDay,
            @RestForm("expectedBirthDate-month") String expectedMonth,
            @RestForm("expectedBirthDate-year") String expectedYear, @RestForm("deathDate-day") String diedDay,
            @RestForm("deathDate-month") String diedMonth, @RestForm("deathDate-year") String diedYear)
            implements ConsoleForms.Versioned {

        CharacteristicsCommand command() {
            List<Disability> chosen = disabilities == null ? List.of() : disabilities.stream()
                    .map(d -> Coded.lookup(Disability.class, d).orElse(null)).filter(Objects::nonNull).toList();
            return new CharacteristicsCommand(Coded.lookup(CensusSex.class, sex).orElse(null),
                    Coded.lookup(Ethnicity.class, ethnicity).orElse(null), chosen, upper(upn), upper(formerUpn),
                    Coded.lookup(UpnUnknownReason.class, upnUnknown).orElse(null),
                    date("birthDate", bornDay, bornMonth, bornYear),
                    date("expectedBirthDate", expectedDay, expectedMonth, expectedYear),
                    date("deathDate", diedDay, diedMonth, diedYear));
        }

        @Override
        public Map<String, String> values() {
            return withList(ConsoleForms.Versioned.super.values(), "disabilities", disabilities);
        }
    }

    /** A UPN as typed, in capitals: its check letter and last character are letters either way. */
    private static String upper(String upn) {
        return upn == null ? null : upn.strip().toUpperCase(Locale.UK);
    }

    /** A list field posted back as its values joined by commas, so the page can tick each again. */
    private static Map<String, String> withList(Map<String, String> values, String field, List<String> list) {
        values.put(field, list == null ? "" : String.join(",", list));
        return values;
    }

    /** A date as typed in a GOV.UK Date input (none: null); refused beside its field when it is not one. */
    static LocalDate date(String field, String day, String month, String year) {
        return DateInput.read(field, NAMES.getOrDefault(field, "the date"), day, month, year);
    }

    static Boolean yesNo(String value) {
        return "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
    }

    /**
     * A service's errors as the page shows them: each named {@code prefix} and the field (a list's item beside the
     * list: {@code factors[1]} beside {@code factors}), its message a sentence naming the field.
     */
    static List<Problem.FieldError> worded(String prefix, List<Problem.FieldError> errors) {
        return errors.stream().map(e -> {
            String field = e.field().replaceAll("\\[\\d+]$", "");
            String bare = field.startsWith(prefix) ? field.substring(prefix.length()) : field;
            return new Problem.FieldError(prefix + bare, sentence(NAMES.get(bare), e.message()));
        }).toList();
    }

    /**
     * "Enter the date of birth", "The date of birth must not be in the future": a message about a field (it starts
     * in lower case) made a sentence naming it; a sentence already (the console's own, a code's rule) as it is.
     */
    static String sentence(String name, String message) {
        if (name == null || message == null || message.isEmpty() || !Character.isLowerCase(message.charAt(0))) {
            return message;
        }
        if (message.equals("must not be null")) {
            return "Enter " + name;
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + " " + message;
    }
}
