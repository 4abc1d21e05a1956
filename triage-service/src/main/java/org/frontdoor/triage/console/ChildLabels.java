package org.frontdoor.triage.console;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontdoor.support.problem.Problem;

/**
 * The referral service's refusals of a contact, put beside the "Log a contact" form's fields: its field names are
 * the form's ({@code children[1].dateOfBirth}); a rule about a field the form does not show is put beside the one
 * the officer can change ({@code careLeaver} beside the date of birth). Its messages name no field ("must not be
 * in the future"), so the field's words come first, and the child's number: "Child 2: date of birth must not be in
 * the future", in the summary as beside the field.
 */
final class ChildLabels {

    private static final Pattern CHILD = Pattern.compile("children\\[(\\d+)]\\.(.+)");

    private static final Map<String, String> CHILD_FIELDS = Map.of("firstName", "first name", "lastName",
            "last name", "dateOfBirth", "date of birth", "gender", "sex", "nhsNumber", "NHS number",
            "address.postcode", "postcode", "school", "school");

    /** Fields of the request the form does not show, and the words for them. */
    private static final Map<String, String> HIDDEN_CHILD_FIELDS = Map.of("childKey", "the record chosen",
            "careLeaver", "care leaver", "expectedDateOfBirth", "expected date of birth");

    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("referrer.name", "Caller's name"),
            Map.entry("referrer.role", "Caller's role"), Map.entry("referrer.phone", "Phone number"),
            Map.entry("referrer.email", "Email address"), Map.entry("referrer.externalReference", "Their reference"),
            Map.entry("referrer.organisationId", "Organisation"),
            Map.entry("referrer.sourceCode", "How they know the child"),
            Map.entry("concerns.summary", "The concern"), Map.entry("concerns.indicators", "Indicator"),
            Map.entry("concerns.immediateRisk", "Immediate risk"),
            Map.entry("consent.familyAware", "Whether the family knows"),
            Map.entry("consent.consentGiven", "Whether the family consented"),
            Map.entry("consent.reasonWithoutConsent", "Reason to go ahead without consent"));

    /** Where a refusal the form has no field for is shown: above the form. */
    static final String FORM = "form";

    private ChildLabels() {
    }

    /** "Child 2: ", the start of every message about the second child. */
    static String of(int child) {
        return "Child " + (child + 1) + ": ";
    }

    static List<Problem.FieldError> fromService(List<Problem.FieldError> errors, String detail) {
        if (errors.isEmpty()) {
            return List.of(new Problem.FieldError(FORM, detail));
        }
        return errors.stream().map(ChildLabels::fromService).distinct().toList();
    }

    private static Problem.FieldError fromService(Problem.FieldError e) {
        Matcher child = CHILD.matcher(e.field());
        if (child.matches()) {
            int i = Integer.parseInt(child.group(1));
            String name = child.group(2);
            String shown = CHILD_FIELDS.containsKey(name) ? name
                    : name.equals("childKey") ? "lastName" : "dateOfBirth";
            String words = CHILD_FIELDS.getOrDefault(name, HIDDEN_CHILD_FIELDS.getOrDefault(name, name)) + " ";
            return new Problem.FieldError(ContactForm.field(i, shown), of(i) + words + e.message());
        }
        String field = e.field().startsWith("concerns.indicators") ? "concerns.indicators"
                : e.field().equals("referrer.organisationName") ? "referrer.organisationId" : e.field();
        if (!FIELDS.containsKey(field)) {
            return new Problem.FieldError(FORM, e.field() + " " + e.message());
        }
        return new Problem.FieldError(field, FIELDS.get(field) + " " + e.message());
    }
}
