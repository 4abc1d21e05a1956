package org.frontdoor.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.MalformedEventException;
import org.frontdoor.events.codes.Kind;
import org.frontdoor.events.payload.InformationRequest;
import org.frontdoor.events.payload.StrategyDiscussionHeld;
import org.frontdoor.notification.domain.PlannedMessage.Recipient;
import org.jboss.logging.Logger;

/**
 * Messages to partner organisations about the front door's multi-agency work (issue 27), from triage's events:
 * <ul>
 * <li>information.requested: the organisation asked, told where to read the request and by when (due by the
 * request's deadline);</li>
 * <li>information.chased: the same organisation, reminded that its answer is overdue (due at once);</li>
 * <li>strategy-discussion.held: each organisation that attended, told the decision (due as a case change is).</li>
 * </ul>
 * Each goes to the organisation as the partner directory reaches it (its webhook, else its contact emails), as a case
 * change does; like every message to an organisation, nothing is sent to one inactive in the directory when the
 * message is due (it becomes a could-not-inform task). The occurrence is the request's or the discussion's id, so a
 * redelivered event is one message, and a chase (another kind) a second one. Nothing of the question, the answers or
 * the minutes is in the events, so none is stored here.
 */
@ApplicationScoped
public class OrganisationMessagePlanner {

    private static final Logger LOG = Logger.getLogger(OrganisationMessagePlanner.class);

    @Inject
    MessageComposer composer;

    @Inject
    ContactQuotes quotes;

    @Inject
    PlannedMessages messages;

    /** information.requested or information.chased: one message to the organisation asked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void informationRequest(EventEnvelope event, InformationRequest r) {
        Kind kind = "information.chased".equals(event.type()) ? Kind.INFORMATION_CHASED : Kind.INFORMATION_REQUESTED;
        UUID referralId = referralOf(event, r.referralId());
        String org = r.organisationId().trim();
        Instant occurredAt = r.occurredAt() != null ? r.occurredAt() : event.occurredAt();
        Instant due = kind == Kind.INFORMATION_CHASED ? occurredAt : r.deadline();
        MessageComposer.Composed message = composer.informationRequest(kind, r, referralId,
                quotes.of(referralId), nameOf(org));
        boolean planned = messages.add(new PlannedMessage(referralId, null, kind, "request:" + r.requestId(),
                Recipient.organisation(org, null), NotificationStatus.PENDING, due, null, message, event.eventId()));
        LOG.debugf("Referral %s: %s of request %s to %s%s", referralId, event.type(), r.requestId(), org,
                planned ? "" : " planned before; not again");
    }

    /** strategy-discussion.held: its decision to each organisation that attended. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void strategyDiscussionHeld(EventEnvelope event, StrategyDiscussionHeld d) {
        UUID referralId = referralOf(event, d.referralId());
        Instant occurredAt = d.occurredAt() != null ? d.occurredAt() : event.occurredAt();
        Instant due = messages.dueAsCaseChange(occurredAt);
        Set<String> attending = new LinkedHashSet<>();
        for (String org : d.attendingOrganisations()) {
            if (org != null && !org.isBlank()) {
                attending.add(org.trim());
            }
        }
        String reference = quotes.of(referralId);
        int planned = 0;
        for (String org : attending) {
            MessageComposer.Composed message = composer.strategyOutcome(d, referralId, reference, nameOf(org));
            planned += messages.add(new PlannedMessage(referralId, null, Kind.STRATEGY_DISCUSSION_OUTCOME,
                    "discussion:" + d.discussionId(), Recipient.organisation(org, null), NotificationStatus.PENDING,
                    due, null, message, event.eventId())) ? 1 : 0;
        }
        LOG.debugf("Referral %s: strategy discussion %s told to %d attending organisation(s), %d new message(s)",
                referralId, d.discussionId(), attending.size(), planned);
    }

    private static UUID referralOf(EventEnvelope event, UUID fromPayload) {
        UUID referralId = fromPayload != null ? fromPayload : event.referralId();
        if (referralId == null) {
            throw new MalformedEventException(event.type() + " " + event.eventId() + " names no referral");
        }
        return referralId;
    }

    /** The organisation's name in the directory; its id when it is not there. */
    private static String nameOf(String org) {
        PartnerOrganisation partner = PartnerOrganisation.findById(org);
        return partner == null ? org : partner.name;
    }
}
