package org.frontdoor.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.events.codes.Kind;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.events.payload.InformationRequest;
import org.frontdoor.events.payload.StrategyDiscussionHeld;
import org.frontdoor.events.payload.TriageDecided;
import org.frontdoor.notification.config.NotificationConfig;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.validation.Text;

/**
 * Composes each message once: a subject, the text (from its Qute template) and the structured
 * {@code data} a partner's system reads from the webhook. What a message may hold is decided here and in
 * the template models: a public acknowledgement holds no case details, only a reference and a contact.
 */
@ApplicationScoped
public class MessageComposer {

    private static final DateTimeFormatter HUMAN = DateTimeFormatter
            .ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK).withZone(WorkingCalendar.ENGLAND);

    private static final Map<Integer, String> LEVELS = Map.of(
            1, "Universal",
            2, "Additional needs",
            3, "Multiple or intensive needs",
            4, "Complex or acute needs, risk of significant harm");

    private static final Map<String, String> CLOSURE_REASONS = Map.of(
            "RC1", "adopted",
            "RC2", "died",
            "RC3", "child arrangements order",
            "RC4", "special guardianship order",
            "RC5", "transferred to another local authority",
            "RC6", "transferred to adult services",
            "RC7", "services ceased for any other reason",
            "RC8", "case closed after assessment, no further action",
            "RC9", "case closed after assessment, referred to early help");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    @Inject
    NotificationConfig config;

    /** A composed message. */
    public record Composed(String subject, String text, Map<String, Object> data) {
    }

    /**
     * @param youngAdultNamed a young adult (18+) is named: the text says, of no one in particular, that more is told
     *            about them only with their consent (whether they gave it is not said)
     */
    public Composed professionalAcknowledgement(ReferralRecord r, List<NamedChild> children,
            Instant outcomeDueBy, Instant outcomeLatestBy, boolean youngAdultNamed) {
        List<Messages.ChildRef> named = children.stream()
                .map(c -> new Messages.ChildRef(c.number(), c.label(), c.childId().toString())).toList();
        String text = Messages.acknowledgement(new Messages.Acknowledgement(r.quotedReference(),
                r.externalReference, r.organisationName, r.referrerName, human(r.receivedAt), named,
                human(outcomeDueBy), human(outcomeLatestBy), contact(), youngAdultNamed)).render();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", r.referralId.toString());
        data.put("reference", r.quotedReference());
        put(data, "externalReference", r.externalReference);
        data.put("receivedAt", r.receivedAt.toString());
        data.put("children", children.stream().map(c -> {
            Map<String, Object> child = new LinkedHashMap<>();
            child.put("number", c.number());
            child.putAll(c.data());
            return child;
        }).toList());
        data.put("outcomeDueBy", outcomeDueBy.toString());
        data.put("outcomeLatestBy", outcomeLatestBy.toString());
        return new Composed(subject("Referral received", r), text, withContact(data));
    }

    /** Generic: a reference and a contact, nothing about the children or the concern. */
    public Composed publicAcknowledgement(ReferralRecord r) {
        String reference = r.quotedReference();
        String text = Messages.acknowledgementPublic(new Messages.PublicAcknowledgement(reference,
                human(r.receivedAt), contact())).render();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference", reference);
        data.put("receivedAt", r.receivedAt.toString());
        return new Composed("Children's Front Door: we have received your message (ref " + reference + ")", text,
                withContact(data));
    }

    public Composed outcome(ReferralRecord r, NamedChild child, Decision decision) {
        TriageDecided d = decision.event();
        Outcome outcome = decision.outcome();
        String text = Messages.outcome(new Messages.Outcome(r.quotedReference(), r.externalReference,
                r.referrerName, child.label(), d.level(), LEVELS.getOrDefault(d.level(), "-"),
                outcome.label(), nextStep(outcome), decision.referral(), words(decision.pathway()),
                Text.blankToNull(d.referrerFeedback()), d.decidedAt() == null ? "-" : human(d.decidedAt()), contact()))
                .render();
        // what a partner's system files: codes and flags, never the worker's rationale (not in the event) nor
        // anything naming the child
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", r.referralId.toString());
        data.put("reference", r.quotedReference());
        put(data, "externalReference", r.externalReference);
        data.putAll(child.data());
        data.put("level", d.level());
        data.put("outcome", outcome.name());
        data.put("outcomeLabel", outcome.label());
        data.put("pathway", decision.pathway().name());
        data.put("referral", decision.referral());
        put(data, "referralDate", decision.referral() && d.referralDate() != null ? d.referralDate().toString() : null);
        put(data, "caseId", d.caseId() == null ? null : d.caseId().toString());
        put(data, "reasons", Text.blankToNull(d.referrerFeedback()));
        put(data, "decidedAt", d.decidedAt() == null ? null : d.decidedAt().toString());
        return new Composed(subject("Outcome for child " + child.number(), r), text, withContact(data));
    }

    /** Exhaustive on purpose (no default): a new outcome does not compile until it has its own words. */
    static Messages.NextStep nextStep(Outcome outcome) {
        return switch (outcome) {
            case NO_FURTHER_ACTION -> Messages.NextStep.NO_FURTHER_ACTION;
            case INFORMATION_AND_ADVICE -> Messages.NextStep.INFORMATION_AND_ADVICE;
            case EARLY_HELP_SINGLE_AGENCY -> Messages.NextStep.SINGLE_AGENCY_EARLY_HELP;
            case EARLY_HELP_TARGETED -> Messages.NextStep.TARGETED_EARLY_HELP;
            case SOCIAL_CARE_ASSESSMENT -> Messages.NextStep.SOCIAL_CARE_ASSESSMENT;
            case STRATEGY_DISCUSSION -> Messages.NextStep.STRATEGY_DISCUSSION;
            case PASSED_TO_ALLOCATED_WORKER -> Messages.NextStep.ALLOCATED_WORKER;
        };
    }

    /** A pathway as words in a sentence ("already known to ...", "stepped up to ..."). */
    static String words(Pathway pathway) {
        return switch (pathway) {
            case EARLY_HELP -> "early help";
            case SOCIAL_CARE -> "children's social care";
            // the event left the open case's pathway out: still true, and it tells nothing wrong
            case NONE -> "children's services";
        };
    }

    /**
     * The contact a recipient knows, quoted in its message about a case.
     *
     * @param referralId the contact
     * @param reference our reference of that contact
     * @param externalReference the recipient's own reference of it, when the recipient made the contact
     */
    public record Quote(UUID referralId, String reference, String externalReference) {
    }

    /**
     * A case stepped or closed, to one recipient, about one child. The event's {@code summary} is what partners may be
     * told; a {@code rationale} from an older producer is the worker's internal reasoning and is never passed on.
     *
     * @param child the child as this service knows them, or null (a child no contact here named)
     * @param childReference the child's own contact's reference, when it is not the quoted one
     */
    public Composed caseChange(Kind kind, CaseEvent c, UUID referralId, Quote quote, UUID childId, NamedChild child,
            String childReference, Instant occurredAt) {
        Messages.CaseChange model = new Messages.CaseChange(quote.reference(), quote.externalReference(),
                child == null ? "a child of the contact" : child.label(), childReference, pathwayWords(c.pathway()),
                c.direction() == null ? null : c.direction().toLowerCase(Locale.ROOT), c.closureReasonCode(),
                c.closureReasonCode() == null ? null : CLOSURE_REASONS.get(c.closureReasonCode()),
                Text.blankToNull(c.summary()), Text.blankToNull(c.leadWorker()), human(occurredAt), contact());
        String text = (kind == Kind.CASE_CLOSED ? Messages.caseClosed(model) : Messages.caseStepped(model)).render();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", referralId.toString());
        data.put("reference", quote.reference());
        put(data, "externalReference", quote.externalReference());
        put(data, "caseId", c.caseId() == null ? null : c.caseId().toString());
        if (child == null) {
            data.put("childId", childId.toString());
        } else {
            data.putAll(child.data());
        }
        put(data, "childReference", childReference);
        put(data, "pathway", c.pathway());
        put(data, "direction", c.direction());
        put(data, "closureReasonCode", c.closureReasonCode());
        put(data, "summary", Text.blankToNull(c.summary()));
        put(data, "leadWorker", Text.blankToNull(c.leadWorker()));
        data.put("occurredAt", occurredAt.toString());
        String subject = kind == Kind.CASE_CLOSED ? "Case closed" : "Case stepped "
                + (c.direction() == null ? "" : c.direction().toLowerCase(Locale.ROOT) + " ") + "to "
                + humanise(c.pathway());
        return new Composed("Children's Front Door: " + subject + quoted(quote.reference(), quote.externalReference()),
                text, withContact(data));
    }

    /**
     * A request (or its chase) to an organisation: the request's id, urgency, deadline and where to read it, never
     * the question nor anything naming a child (the event carries neither).
     */
    public Composed informationRequest(Kind kind, InformationRequest r, UUID referralId, String reference,
            String organisationName) {
        String link = link(r);
        Messages.InformationRequest model = new Messages.InformationRequest(organisationName, reference,
                r.requestId().toString(), r.urgency(), human(r.deadline()), link, contact());
        String text = (kind == Kind.INFORMATION_CHASED ? Messages.informationChased(model)
                : Messages.informationRequested(model)).render();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestId", r.requestId().toString());
        data.put("referralId", referralId.toString());
        data.put("reference", reference);
        data.put("urgency", r.urgency());
        data.put("deadline", r.deadline().toString());
        data.put("link", link);
        String subject = kind == Kind.INFORMATION_CHASED ? "Overdue: request for information"
                : "Request for information";
        return new Composed("Children's Front Door: " + subject + " (" + r.urgency() + ", by "
                + human(r.deadline()) + ", our ref " + reference + ")", text, withContact(data));
    }

    /** A strategy discussion's decision, to an organisation that attended: never the minutes or what was shared. */
    public Composed strategyOutcome(StrategyDiscussionHeld d, UUID referralId, String reference,
            String organisationName) {
        String action = Text.blankToNull(d.immediateProtectiveAction());
        String text = Messages.strategyDiscussionOutcome(new Messages.StrategyOutcome(organisationName,
                d.discussionId().toString(), reference, human(d.heldAt()), d.section47Enquiry(), action,
                contact())).render();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("discussionId", d.discussionId().toString());
        data.put("referralId", referralId.toString());
        data.put("reference", reference);
        data.put("heldAt", d.heldAt().toString());
        data.put("section47Enquiry", d.section47Enquiry());
        data.put("immediateProtectiveAction", action);
        return new Composed("Children's Front Door: Strategy discussion outcome" + quoted(reference, null), text,
                withContact(data));
    }

    /** The request's address: absolute with the configured public API address, else as triage gave it. */
    String link(InformationRequest r) {
        String path = r.link() != null && !r.link().isBlank() ? r.link()
                : "/api/v1/information-requests/" + r.requestId();
        if (path.startsWith("/") && config.publicApiUrl().isPresent()) {
            String base = config.publicApiUrl().get();
            return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
        }
        return path;
    }

    /** The reference of a contact logged before human references: the first block of the referral id. */
    public static String shortReference(UUID referralId) {
        return "FD-" + referralId.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private Map<String, Object> withContact(Map<String, Object> data) {
        data.put("contact", Map.of("name", config.contact().name(), "email", config.contact().email(),
                "phone", config.contact().phone()));
        return data;
    }

    private Messages.Contact contact() {
        return new Messages.Contact(config.contact().name(), config.contact().email(), config.contact().phone());
    }

    private static String subject(String what, ReferralRecord r) {
        return "Children's Front Door: " + what + quoted(r.quotedReference(), r.externalReference);
    }

    /** " (our ref FD-2026-004213, your ref HPS-2026-0042)", the second only when there is one. */
    private static String quoted(String reference, String externalReference) {
        return " (our ref " + reference + (externalReference == null ? "" : ", your ref " + externalReference) + ")";
    }

    /** A time as a person reads it, in England; a deadline at midnight reads as the end of the day before. */
    static String human(Instant at) {
        java.time.ZonedDateTime local = at.atZone(WorkingCalendar.ENGLAND);
        if (local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return "the end of " + DAY.format(local.minusDays(1));
        }
        return HUMAN.format(at);
    }

    /** A case's pathway (from a case event) as words in a sentence; a pathway not known here reads as its code. */
    static String pathwayWords(String pathway) {
        if (pathway == null) {
            return null;
        }
        for (Pathway known : Pathway.values()) {
            if (known.name().equals(pathway)) {
                return words(known);
            }
        }
        return humanise(pathway).toLowerCase(Locale.ROOT);
    }

    private static String humanise(String code) {
        if (code == null || code.isBlank()) {
            return "-";
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static void put(Map<String, Object> data, String key, Object value) {
        if (value != null) {
            data.put(key, value);
        }
    }

}
