package org.frontdoor.triage.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.support.directory.PartnerDirectoryCopy;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.validation.Text;

/**
 * The "Log a contact" form as posted: one set of fields per child ({@code children[<n>].lastName}, as many as the
 * officer added), the caller, the concern and consent. Its fields are named as the referral API names the
 * request's ({@code children[1].dateOfBirth}, {@code consent.reasonWithoutConsent}), so that service's refusals
 * land beside the fields they name. Which button was pressed is {@code action}: find a child, choose one found,
 * add or remove a child, or log the contact. Read from the posted form here, once.
 */
record ContactForm(Map<String, String> values, List<String> indicators, String action, int childCount) {

    /** The referral API's limit, and the form's. */
    static final int MAX_CHILDREN = 20;
    static final String STAGE = "stage";
    /** The contact form itself, once the first child has been searched for (the first stage: "find"). */
    static final String FORM = "form";
    static final String KEY = "idempotencyKey";
    static final String COUNT = "childCount";
    static final String INDICATORS = "concerns.indicators";

    /** Who is calling: the choice decides the referral source and what the service asks of the caller. */
    enum Caller {
        PROFESSIONAL, PUBLIC, ANONYMOUS
    }

    /** A fresh form: one child to find, its own Idempotency-Key for as long as the form lives. */
    static ContactForm fresh() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(KEY, UUID.randomUUID().toString());
        values.put(COUNT, "1");
        return new ContactForm(values, List.of(), null, 1);
    }

    static ContactForm read(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (!k.equals("csrf") && !k.equals("action") && !k.equals(INDICATORS)) {
                values.put(k, v.isEmpty() ? "" : v.get(0));
            }
        });
        int count = 1;
        try {
            count = Math.max(1, Math.min(MAX_CHILDREN, Integer.parseInt(values.getOrDefault(COUNT, "1"))));
        } catch (NumberFormatException e) {
            // a form not drawn by the console: one child
        }
        if (Text.blankToNull(values.get(KEY)) == null) {
            values.put(KEY, UUID.randomUUID().toString());
        }
        values.put(COUNT, String.valueOf(count));
        return new ContactForm(values, List.copyOf(form.getOrDefault(INDICATORS, List.of())), form.getFirst("action"),
                count);
    }

    static String field(int child, String name) {
        return "children[" + child + "]." + name;
    }

    String value(String field) {
        return Text.blankToNull(values.get(field));
    }

    String child(int child, String name) {
        return value(field(child, name));
    }

    boolean onForm() {
        return FORM.equals(values.get(STAGE));
    }

    String idempotencyKey() {
        return values.get(KEY);
    }

    Caller caller() {
        return ConsoleForms.enumOrNull(Caller.class, value("referrer.kind"));
    }

    /**
     * What a search for this child needs: a last name or a date of birth (else the error beside the name), and a
     * date of birth, when one is typed, that is a date.
     */
    List<Problem.FieldError> searchable(int child) {
        try {
            if (child(child, "lastName") == null && born(child, false) == null) {
                return List.of(new Problem.FieldError(field(child, "lastName"),
                        ChildLabels.of(child) + "enter a last name or a date of birth to search"));
            }
        } catch (ProblemException e) {
            return childErrors(child, e);
        }
        return List.of();
    }

    /**
     * Child {@code child}'s date of birth, typed in the GOV.UK Date input ({@code children[1].dateOfBirth-day} ...):
     * null when nothing was typed and it is not {@code required}; refused (DateInput) when it cannot be read.
     */
    LocalDate born(int child, boolean required) {
        String f = field(child, "dateOfBirth");
        String day = values.get(f + "-day");
        String month = values.get(f + "-month");
        String year = values.get(f + "-year");
        return required ? DateInput.required(f, "a date of birth", day, month, year)
                : DateInput.read(f, "a date of birth", day, month, year);
    }

    /** DateInput's refusal, in the words of the form's other errors about a child: "Child 2: enter a date ...". */
    private static List<Problem.FieldError> childErrors(int child, ProblemException e) {
        return e.errors().stream().map(f -> new Problem.FieldError(f.field(), ChildLabels.of(child)
                + Character.toLowerCase(f.message().charAt(0)) + f.message().substring(1))).toList();
    }

    /** What the form lacks before the referral service is asked, in the words of the GOV.UK patterns. */
    List<Problem.FieldError> missing() {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < childCount; i++) {
            missingForChild(i, errors);
        }
        Caller caller = caller();
        require(errors, caller != null, "referrer.kind", "Choose who is calling");
        require(errors, caller != Caller.PROFESSIONAL || value("referrer.organisationId") != null,
                "referrer.organisationId", "Choose the caller's organisation");
        require(errors, caller != Caller.PUBLIC || value("referrer.sourceCode") != null, "referrer.sourceCode",
                "Choose how the caller knows the child");
        require(errors, value("concerns.summary") != null, "concerns.summary", "Enter the concern");
        require(errors, value("concerns.immediateRisk") != null, "concerns.immediateRisk",
                "Choose whether a child is at immediate risk");
        require(errors, value("consent.familyAware") != null, "consent.familyAware",
                "Choose whether the family knows of the contact");
        require(errors, value("consent.consentGiven") != null, "consent.consentGiven",
                "Choose whether the family consented");
        return errors;
    }

    private void missingForChild(int i, List<Problem.FieldError> errors) {
        String child = ChildLabels.of(i);
        require(errors, child(i, "firstName") != null, field(i, "firstName"), child + "enter a first name");
        require(errors, child(i, "lastName") != null, field(i, "lastName"), child + "enter a last name");
        try {
            born(i, true);
        } catch (ProblemException e) {
            errors.addAll(childErrors(i, e));
        }
        require(errors, child(i, "gender") != null, field(i, "gender"), child + "choose the child's sex");
    }

    private static void require(List<Problem.FieldError> errors, boolean present, String field, String message) {
        if (!present) {
            errors.add(new Problem.FieldError(field, message));
        }
    }

    /**
     * The referral API's request: a professional refers with their organisation's CIN source code from the partner
     * directory (8, "other", when the directory gives none), a member of the public with the relationship chosen,
     * an anonymous caller as source 9 with no identity.
     */
    ObjectNode request(PartnerDirectoryCopy.Partner organisation) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode body = f.objectNode();
        ObjectNode referrer = body.putObject("referrer");
        switch (caller()) {
            case PROFESSIONAL -> {
                referrer.put("sourceCode", organisation.cinSourceCode() == null ? "8" : organisation.cinSourceCode());
                referrer.put("organisationId", organisation.id());
            }
            case PUBLIC -> referrer.put("sourceCode", value("referrer.sourceCode"));
            case ANONYMOUS -> referrer.put("sourceCode", "9");
        }
        for (String name : List.of("name", "role", "phone", "email", "externalReference")) {
            putIf(referrer, name, value("referrer." + name));
        }
        ArrayNode children = body.putArray("children");
        for (int i = 0; i < childCount; i++) {
            children.add(child(i));
        }
        ObjectNode concerns = body.putObject("concerns");
        concerns.put("summary", value("concerns.summary"));
        ArrayNode codes = concerns.putArray("indicators");
        indicators.forEach(codes::add);
        concerns.put("immediateRisk", "true".equals(value("concerns.immediateRisk")));
        ObjectNode consent = body.putObject("consent");
        consent.put("familyAware", "true".equals(value("consent.familyAware")));
        consent.put("consentGiven", "true".equals(value("consent.consentGiven")));
        putIf(consent, "reasonWithoutConsent", value("consent.reasonWithoutConsent"));
        return body;
    }

    private ObjectNode child(int i) {
        ObjectNode child = JsonNodeFactory.instance.objectNode();
        putIf(child, "firstName", child(i, "firstName"));
        putIf(child, "lastName", child(i, "lastName"));
        LocalDate born = born(i, false);
        putIf(child, "dateOfBirth", born == null ? null : born.toString());
        putIf(child, "gender", child(i, "gender"));
        putIf(child, "nhsNumber", child(i, "nhsNumber"));
        putIf(child, "school", child(i, "school"));
        String postcode = child(i, "address.postcode");
        if (postcode != null) {
            child.putObject("address").put("postcode", postcode);
        }
        putIf(child, "childKey", child(i, "childKey"));
        return child;
    }

    private static void putIf(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    /** Another child to describe (and search for), on the contact form. */
    ContactForm added() {
        Map<String, String> changed = new LinkedHashMap<>(values);
        int count = Math.min(MAX_CHILDREN, childCount + 1);
        changed.put(COUNT, String.valueOf(count));
        changed.put(STAGE, FORM);
        return new ContactForm(changed, indicators, action, count);
    }

    /** Without child {@code child}: the children after it move up a place. */
    ContactForm removed(int child) {
        if (child <= 0 || child >= childCount) {
            return this;
        }
        Map<String, String> changed = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("children\\[(\\d+)]\\.(.+)").matcher(k);
            if (!m.matches()) {
                changed.put(k, v);
            } else if (Integer.parseInt(m.group(1)) != child) {
                int i = Integer.parseInt(m.group(1));
                changed.put(field(i > child ? i - 1 : i, m.group(2)), v);
            }
        });
        changed.put(COUNT, String.valueOf(childCount - 1));
        return new ContactForm(changed, indicators, action, childCount - 1);
    }

    /** Child {@code child} is the known child found: linked to their record, with its latest details to check. */
    ContactForm picked(int child, org.frontdoor.triage.children.ChildSearch.Result found) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        changed.put(field(child, "childKey"), found.childKey().toString());
        changed.put(field(child, "firstName"), found.firstName() == null ? "" : found.firstName());
        changed.put(field(child, "lastName"), found.lastName() == null ? "" : found.lastName());
        LocalDate born = found.dateOfBirth();
        changed.put(field(child, "dateOfBirth") + "-day", born == null ? "" : String.valueOf(born.getDayOfMonth()));
        changed.put(field(child, "dateOfBirth") + "-month", born == null ? "" : String.valueOf(born.getMonthValue()));
        changed.put(field(child, "dateOfBirth") + "-year", born == null ? "" : String.valueOf(born.getYear()));
        changed.put(field(child, "address.postcode"), found.postcode() == null ? "" : found.postcode());
        changed.put(STAGE, FORM);
        return new ContactForm(changed, indicators, action, childCount);
    }

    /** Child {@code child} is a child the front door does not know (or not the one chosen after all). */
    ContactForm unknown(int child) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        changed.remove(field(child, "childKey"));
        changed.put(STAGE, FORM);
        return new ContactForm(changed, indicators, action, childCount);
    }

    /** What child {@code child}'s search is by: what the officer typed of them. */
    org.frontdoor.triage.children.ChildSearch.Criteria criteria(int child) {
        return new org.frontdoor.triage.children.ChildSearch.Criteria(child(child, "lastName"),
                child(child, "firstName"), born(child, false), child(child, "address.postcode"),
                child(child, "nhsNumber"), null);
    }

    /** The form drawn again with these errors, keeping what was typed and the indicators ticked. */
    Posted refused(List<Problem.FieldError> errors) {
        return new Posted(errors, values);
    }
}
