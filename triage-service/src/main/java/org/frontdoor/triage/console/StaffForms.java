package org.frontdoor.triage.console;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.validation.Text;
import org.frontdoor.triage.staff.StaffCommand;
import org.frontdoor.triage.staff.StaffMember;
import org.frontdoor.triage.staff.StaffRole;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The staff directory's forms, bound by field name as the pages name their inputs, turned into the staff service's
 * command here, once (the service checks it as it checks the API's).
 */
// the redraw reads each form's fields by reflection (Form.values)
@RegisterForReflection(targets = { StaffForms.StaffForm.class })
final class StaffForms {

    private StaffForms() {
    }

    /**
     * A member of staff, added or changed. {@code version}: the record's as the page showed it (a change only).
     * The sign-in's subject is kept as it is on a change: the page does not offer it (moving a sign-in is rare and
     * audited; the API does it).
     */
    public record StaffForm(@RestForm String version, @RestForm String id, @RestForm String name,
            @RestForm String email, @RestForm String team, @RestForm String role, @RestForm String pathway,
            @RestForm String caseloadLimit, @RestForm String subject) implements ConsoleForms.Versioned {

        /** Refused (beside {@code caseloadLimit}) when the limit typed is not a whole number. */
        StaffCommand command(String subjectNow) {
            Integer limit = null;
            if (Text.blankToNull(caseloadLimit) != null) {
                limit = ConsoleForms.intOrNull(caseloadLimit);
                if (limit == null) {
                    throw ProblemException.invalid("caseloadLimit", "Enter the caseload limit as a whole number,"
                            + " for example 14, or leave it empty for the usual maximum");
                }
            }
            return new StaffCommand(Text.blankToNull(id), subjectNow == null ? Text.blankToNull(subject) : subjectNow,
                    name, Text.blankToNull(email), team, ConsoleForms.enumOrNull(Pathway.class, pathway),
                    ConsoleForms.enumOrNull(StaffRole.class, role), limit, null);
        }
    }

    /** A record's values as the change form shows them first. */
    static Map<String, String> values(StaffMember s) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", s.name);
        values.put("email", s.email == null ? "" : s.email);
        values.put("team", s.team);
        values.put("role", s.role.name());
        values.put("pathway", s.pathway == null ? "" : s.pathway.name());
        values.put("caseloadLimit", s.caseloadLimit == null ? "" : s.caseloadLimit.toString());
        return values;
    }
}
