package org.frontdoor.triage.children;

import java.util.Locale;
import java.util.Optional;
import org.frontdoor.events.codes.CategoryOfAbuse;
import org.frontdoor.events.codes.ClosureReason;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.ReferralSource;

/**
 * A chronology entry's summary in words, from its codes: never a child's name or the concern (the page is the
 * child's, and the concern is read on the contact). Pathways as the console says them.
 */
final class ChronologyWords {

    private ChronologyWords() {
    }

    static String summary(ChronologyQueries.Row r) {
        return switch (r.type()) {
            case CONTACT -> "Contact from " + source(r.a()) + " (" + lower(r.b()) + " referrer), priority "
                    + lower(r.c());
            case CHECK -> "Check with " + lower(r.a()).replace('_', ' ') + (r.b() == null ? "" : " (" + r.b() + ")");
            case DECISION -> decision(r);
            case CASE_STEP -> caseStep(r);
            case ASSESSMENT -> "STARTED".equals(r.a()) ? "Assessment (s17) started" : "Assessment (s17) authorised"
                    + ("true".equals(r.b()) ? ": the child needs the local authority's support"
                            : "false".equals(r.b()) ? ": no further support from the local authority" : "");
            case SECTION47_ENQUIRY -> section47(r);
            case MESSAGE_TO_REFERRER -> message(r.a()) + ("DELIVERED".equals(r.b()) ? " delivered to the referrer"
                    : " could not be delivered to the referrer");
            case RECORDS_MERGED -> "Record " + r.a() + " merged into record " + r.b() + ": one child";
            case RECORDS_SEPARATED -> "Record " + r.a() + " separated from record " + r.b()
                    + ": the merge was undone";
        };
    }

    private static String decision(ChronologyQueries.Row r) {
        Outcome outcome = parse(Outcome.class, r.a());
        String words = "Decision: " + (outcome == null ? lower(r.a()) : outcome.label() + " (" + pathway(outcome
                .pathway()) + ")") + (r.b() == null ? "" : ", level " + r.b());
        return "AWAITING_APPROVAL".equals(r.c()) ? words + ", awaiting a team manager's approval" : words;
    }

    private static String caseStep(ChronologyQueries.Row r) {
        return switch (r.a()) {
            case "OPENED" -> pathway(parse(Pathway.class, r.b())) + " case opened";
            case "STEPPED" -> "Case moved from " + pathway(parse(Pathway.class, r.b())).toLowerCase(Locale.UK)
                    + " to " + pathway(parse(Pathway.class, r.c())).toLowerCase(Locale.UK);
            default -> "Case closed: " + ClosureReason.fromCode(r.b()).map(ClosureReason::label)
                    .orElse(String.valueOf(r.b()));
        };
    }

    private static String section47(ChronologyQueries.Row r) {
        return switch (r.a()) {
            case "STARTED" -> "Strategy discussion: s47 enquiry started";
            case "CONFERENCE" -> "Initial child protection conference held";
            default -> "Child protection plan started" + CategoryOfAbuse.fromCode(r.b())
                    .map(c -> " (" + c.label().toLowerCase(Locale.UK) + ")").orElse("");
        };
    }

    private static String message(String kind) {
        return switch (kind == null ? "" : kind) {
            case "ACKNOWLEDGEMENT" -> "Acknowledgement of the contact";
            case "OUTCOME" -> "Outcome of the contact";
            case "CASE_STEPPED" -> "Notice of the case's step";
            case "CASE_CLOSED" -> "Notice of the case's closure";
            default -> "Message";
        };
    }

    /** As the console says a pathway. */
    static String pathway(Pathway p) {
        return p == null ? "" : p == Pathway.SOCIAL_CARE ? "Social care" : p == Pathway.EARLY_HELP ? "Early help"
                : "No service";
    }

    private static String source(String code) {
        return ReferralSource.fromCode(code).map(ReferralSource::description).orElse("an unknown source");
    }

    private static String lower(String code) {
        return code == null ? "unknown" : code.toLowerCase(Locale.UK);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        return Optional.ofNullable(name).flatMap(n -> {
            try {
                return Optional.of(Enum.valueOf(type, n));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }
}
