package org.frontdoor.triage.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontdoor.support.validation.Text;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The partner directory's form, bound by field name as the pages name their inputs and sent to the notification
 * service as its request body (that service checks it, as it checks any caller's).
 */
// the redraw reads each form's fields by reflection (Form.values)
@RegisterForReflection(targets = { PartnerForms.PartnerForm.class })
final class PartnerForms {

    private PartnerForms() {
    }

    /**
     * An organisation, added or changed. {@code contactEmails}: one address a line. {@code version}: the record's as
     * the page showed it (a change only).
     */
    public record PartnerForm(@RestForm String version, @RestForm String id, @RestForm String name,
            @RestForm String agencyType, @RestForm String cinSourceCode, @RestForm String contactEmails)
            implements ConsoleForms.Versioned {

        /** The request body; {@code active} null: a change leaves it as it is. */
        Map<String, Object> body(Boolean active) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", Text.blankToNull(id));
            body.put("name", name);
            body.put("agencyType", Text.blankToNull(agencyType));
            body.put("cinSourceCode", Text.blankToNull(cinSourceCode));
            body.put("contactEmails", emails(contactEmails));
            if (active != null) {
                body.put("active", active);
            }
            return body;
        }
    }

    /** One address a line (or separated by commas); blank lines left out. */
    static List<String> emails(String typed) {
        List<String> emails = new ArrayList<>();
        if (typed != null) {
            for (String e : typed.split("[\\r\\n,]+")) {
                if (!e.isBlank()) {
                    emails.add(e.strip());
                }
            }
        }
        return emails;
    }

    /** A record's values as the change form shows them first. */
    static Map<String, String> values(JsonNode p) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", p.path("name").asText(""));
        values.put("agencyType", p.path("agencyType").asText(""));
        values.put("cinSourceCode", p.path("cinSourceCode").asText(""));
        List<String> emails = new ArrayList<>();
        p.path("contactEmails").forEach(e -> emails.add(e.asText()));
        values.put("contactEmails", String.join("\n", emails));
        return values;
    }
}
