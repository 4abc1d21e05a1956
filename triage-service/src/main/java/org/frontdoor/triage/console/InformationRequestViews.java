package org.frontdoor.triage.console;

import static org.frontdoor.triage.console.ConsoleWords.WHEN;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.support.directory.PartnerDirectoryCopy;
import org.frontdoor.triage.console.ConsoleWords.Choice;
import org.frontdoor.triage.sharing.InformationRequest;
import org.frontdoor.triage.sharing.InformationRequestStatus;
import org.frontdoor.triage.sharing.InformationRequests;

/**
 * What the screening page shows of the questions asked of partner organisations about a contact's children: each
 * request with its organisation, urgency, deadline and countdown, where it stands and the answer, in words; and the
 * choices of the form that asks another.
 */
@ApplicationScoped
public class InformationRequestViews {

    @Inject
    InformationRequests requests;

    @Inject
    PartnerDirectoryCopy partners;

    @Inject
    Clock clock;

    /** One request as the page shows it; {@code countdown} only while it waits for its answer. */
    public record Request(UUID id, String organisation, String question, String urgency, String urgencyTag,
            String deadline, String countdown, boolean late, String status, String statusTag, String answer,
            String answered, String requestedBy, String requested) {
    }

    /** The item's requests, oldest first; the urgency the form offers first (the contact's own); any still open. */
    public record Requests(List<Request> list, List<Choice> urgencies, String urgency, boolean anyOpen) {
    }

    public Requests of(UUID itemId, Priority priority) {
        Instant now = Instant.now(clock);
        List<InformationRequest> asked = requests.ofItem(itemId);
        return new Requests(asked.stream().map(r -> request(r, now)).toList(), urgencies(), priority.name(),
                asked.stream().anyMatch(InformationRequestViews::open));
    }

    static boolean open(InformationRequest r) {
        return r.status == InformationRequestStatus.REQUESTED || r.status == InformationRequestStatus.OVERDUE;
    }

    private Request request(InformationRequest r, Instant now) {
        boolean open = open(r);
        return new Request(r.id, partners.find(r.organisationId).map(p -> p.name()).orElse(r.organisationId),
                r.question, urgency(r.urgency), ConsoleWords.tag(r.urgency), WHEN.format(r.deadline),
                open ? ConsoleWords.countdown(now, r.deadline) : null, open && now.isAfter(r.deadline),
                status(r.status), statusTag(r.status), answer(r), r.answeredAt == null ? null
                        : WHEN.format(r.answeredAt) + (r.answeredAt.isAfter(r.deadline) ? ", after the deadline" : ""),
                r.requestedBy, WHEN.format(r.requestedAt));
    }

    private static String answer(InformationRequest r) {
        return switch (r.status) {
            case ANSWERED -> r.findings;
            case NO_TRACE -> "No trace";
            case DECLINED -> "Declined: " + r.declinedReason;
            case REQUESTED, OVERDUE -> null;
        };
    }

    static String status(InformationRequestStatus s) {
        return switch (s) {
            case REQUESTED -> "Awaiting answer";
            case ANSWERED -> "Answered";
            case NO_TRACE -> "No trace";
            case DECLINED -> "Declined";
            case OVERDUE -> "Overdue";
        };
    }

    private static String statusTag(InformationRequestStatus s) {
        return switch (s) {
            case REQUESTED -> "govuk-tag--blue";
            case ANSWERED -> "govuk-tag--green";
            case NO_TRACE -> "govuk-tag--grey";
            case DECLINED -> "govuk-tag--purple";
            case OVERDUE -> "govuk-tag--red";
        };
    }

    static String urgency(Priority p) {
        return p.name().charAt(0) + p.name().substring(1).toLowerCase(Locale.UK);
    }

    private static List<Choice> urgencies() {
        return List.of(new Choice(Priority.RED.name(), "Red", "Most urgent: the shortest deadline"),
                new Choice(Priority.AMBER.name(), "Amber", ""), new Choice(Priority.GREEN.name(), "Green", ""));
    }
}
