package org.frontdoor.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.MalformedEventException;
import org.frontdoor.events.codes.Kind;
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.events.payload.SharingConsentRecorded;
import org.frontdoor.events.payload.TriageDecided;
import org.frontdoor.notification.config.NotificationConfig;
import org.frontdoor.notification.delivery.Dispatcher;
import org.frontdoor.notification.domain.PlannedMessage.Recipient;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.jboss.logging.Logger;

/**
 * Decides, from the events, what is owed to whom (domain.md, "Feedback rules"), and records it:
 * <ul>
 * <li>referral.logged (the referral as this service is given it: referrer and child references, never a child's
 * name, date of birth, household or the concern), a run at once ({@link ReferralsReceived}): a professional
 * referrer is acknowledged at once and is owed an outcome per child, due per source type; a relative, acquaintance,
 * member of the public or unknown source (1A-1D, 10) gets a generic acknowledgement (when they left an email
 * address); an anonymous referrer (9) gets nothing.</li>
 * <li>triage.decided: the child's outcome, with the reasons, to a professional referrer only. An outcome this
 * service does not know is malformed ({@link Decision}) and goes to the dead-letter topic; the outcome stays owed.</li>
 * <li>case.stepped / case.closed: every partner agency involved, and a professional referrer; never a
 * member of the public.</li>
 * <li>referral.consent-recorded: a young adult's consent; {@link SharingPolicy} decides, for every message about a
 * child before it becomes PENDING, whether it must be held back (WITHHELD_NO_CONSENT) instead.</li>
 * </ul>
 * Runs in the inbox transaction of the event. Every row is inserted "on conflict do nothing" on its
 * (referral, child, kind, occurrence, recipient) key, so a redelivered or republished event adds nothing.
 */
@ApplicationScoped
public class NotificationPlanner {

    private static final Logger LOG = Logger.getLogger(NotificationPlanner.class);

    @Inject
    PlanningQueries queries;

    @Inject
    MessageComposer composer;

    @Inject
    WorkingCalendar calendar;

    @Inject
    NotificationConfig config;

    @Inject
    Dispatcher dispatcher;

    @Inject
    SharingPolicy sharing;

    @Inject
    ContactQuotes quotes;

    @Inject
    PlannedMessages messages;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void decided(EventEnvelope event, TriageDecided decided) {
        if (decided.childId() == null) {
            throw new MalformedEventException("triage.decided " + event.eventId() + " has no childId");
        }
        // read before anything is stored: an outcome this service cannot tell goes to the dead-letter topic
        Decision decision = Decision.of(decided);
        UUID referralId = decided.referralId() != null ? decided.referralId() : event.referralId();
        queries.lockReferral(referralId);
        if (!queries.storeDecision(decided.childId(), referralId, decided, event.eventId(), Instants.now(clock))) {
            // the referrer was told (or will be told) the first decision; a later one is not sent again
            LOG.debugf("Referral %s: child %s was decided before; the outcome is told once", referralId,
                    decided.childId());
            return;
        }
        ReferralRecord record = ReferralRecord.findById(referralId);
        if (record == null) {
            LOG.debugf("Referral %s: decision for child %s arrived before the referral; kept until it does",
                    referralId, decided.childId());
            return;
        }
        if (!record.isProfessional()) {
            LOG.debugf("Referral %s: %s referrer, the outcome is not shared", referralId,
                    record.referrerKind.toLowerCase(Locale.ROOT));
            return;
        }
        composeOutcome(record, decision, event.eventId());
    }

    /** The child's outcome, now its decision is known: composed, and ready to go unless the policy holds it back. */
    void composeOutcome(ReferralRecord record, Decision decision, UUID sourceEventId) {
        TriageDecided decided = decision.event();
        Recipient referrer = Recipient.referrer(record);
        NamedChild child = queries.namedChild(decided.childId())
                .filter(c -> c.referralId().equals(record.referralId))
                .orElseThrow(() -> new MalformedEventException("triage.decided names child " + decided.childId()
                        + " who is not in referral " + record.referralId));
        MessageComposer.Composed message = composer.outcome(record, child, decision);
        Instant due = calendar.plusWorkingDays(record.receivedAt, outcomeTargetDays(record.sourceCode));
        Instant latest = calendar.plusWorkingDays(record.receivedAt, outcomeLatestDays(record.sourceCode));
        messages.add(new PlannedMessage(record.referralId, decided.childId(), Kind.OUTCOME, "", referrer,
                NotificationStatus.AWAITING_DECISION, due, latest, null, sourceEventId));
        Notification n = Notification.<Notification>find("referralId = ?1 and childId = ?2 and kind = ?3"
                + " and occurrence = '' and recipientKey = ?4", record.referralId, decided.childId(), Kind.OUTCOME,
                referrer.key()).firstResult();
        if (n.status == NotificationStatus.AWAITING_DECISION) {
            ready(n, message, sourceEventId);
        }
    }

    /**
     * A young adult's consent, recorded or confirmed after the referral: GIVEN and confirmed sends what was held
     * back (a partner's unconfirmed report changes only the reason it waits); REFUSED (or withdrawn)
     * holds back what about the child is not yet sent.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void consentRecorded(EventEnvelope event, SharingConsentRecorded recorded) {
        if (recorded.childId() == null || recorded.consent() == null || recorded.consent().status() == null) {
            throw new MalformedEventException("referral.consent-recorded " + event.eventId()
                    + " has no childId or consent status");
        }
        UUID referralId = recorded.referralId() != null ? recorded.referralId() : event.referralId();
        if (!sharing.record(recorded.childId(), referralId, recorded.youngAdult(), recorded.consent(),
                event.occurredAt())) {
            LOG.infof("Referral %s: consent of child %s is already as recorded later", referralId, recorded.childId());
            return;
        }
        int changed = 0;
        List<Notification> messages = Notification.list("childId = ?1 and status in ?2", recorded.childId(),
                List.of(NotificationStatus.WITHHELD_NO_CONSENT, NotificationStatus.PENDING, NotificationStatus.FAILED));
        for (Notification n : messages) {
            Optional<String> withhold = sharing.withholdReason(n.childId, n.kind);
            if (withhold.isEmpty() && n.status == NotificationStatus.WITHHELD_NO_CONSENT) {
                release(n);
                changed++;
            } else if (withhold.isPresent() && !withhold.get().equals(n.withheldReason)) {
                withhold(n, withhold.get()); // held back now, or still, for the new reason (refused)
                changed++;
            }
        }
        LOG.infof("Referral %s: consent of child %s now %s%s; %d message(s) released or held back", referralId,
                recorded.childId(), recorded.consent().status(), recorded.consent().confirmed() ? " (confirmed)" : "",
                changed);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void caseChanged(EventEnvelope event, CaseEvent change) {
        Kind kind = "case.closed".equals(event.type()) ? Kind.CASE_CLOSED : Kind.CASE_STEPPED;
        UUID referralId = change.referralId() != null ? change.referralId() : event.referralId();
        queries.lockReferral(referralId);
        Instant occurredAt = change.occurredAt() != null ? change.occurredAt() : event.occurredAt();
        // a case steps more than once (up, later down): each step is its own message; it closes once
        String occurrence = kind == Kind.CASE_CLOSED
                ? "case:" + (change.caseId() == null ? event.eventId() : change.caseId())
                : "event:" + event.eventId();
        ReferralRecord record = ReferralRecord.findById(referralId);
        Set<Recipient> recipients = caseRecipients(record, change.partnerAgencies());
        Instant due = messages.dueAsCaseChange(occurredAt);
        List<UUID> childIds = change.childIds() == null ? List.of() : change.childIds();
        int planned = 0;
        for (UUID childId : childIds) {
            NamedChild child = queries.namedChild(childId).orElse(null);
            for (Recipient recipient : recipients) {
                // each recipient hears of the contact it knows
                MessageComposer.Quote quote = quotes.forCase(recipient, referralId, record, change);
                MessageComposer.Composed message = composer.caseChange(kind, change, referralId, quote, childId,
                        child, quotes.childReference(child, quote), occurredAt);
                planned += messages.add(new PlannedMessage(referralId, childId, kind, occurrence, recipient,
                        NotificationStatus.PENDING, due, null, message, event.eventId())) ? 1 : 0;
            }
        }
        LOG.debugf("Referral %s: %s told to %d partner recipient(s), %d message(s)", referralId, event.type(),
                recipients.size(), planned);
    }

    /** A case change goes to every partner agency involved, and a professional referrer; never the public. */
    private static Set<Recipient> caseRecipients(ReferralRecord record, List<String> partnerAgencies) {
        Set<Recipient> recipients = new LinkedHashSet<>();
        boolean professional = record != null && record.isProfessional();
        if (professional) {
            recipients.add(Recipient.referrer(record));
        }
        for (String org : partnerAgencies == null ? List.<String>of() : partnerAgencies) {
            if (org != null && !org.isBlank() && !(professional && org.equals(record.organisationId))) {
                recipients.add(Recipient.organisation(org, null));
            }
        }
        return recipients;
    }

    private void ready(Notification n, MessageComposer.Composed message, UUID sourceEventId) {
        Instant now = Instants.now(clock);
        n.composed(message, sourceEventId);
        Optional<String> withheld = sharing.withholdReason(n.childId, n.kind);
        if (withheld.isPresent()) {
            withhold(n, withheld.get());
            return;
        }
        n.ready(now);
        dispatcher.wakeUpAfterCommit();
    }

    /** Kept, composed, never sent while the policy says so. */
    private static void withhold(Notification n, String reason) {
        n.withheld(reason);
        LOG.infof("Notification %s (%s, referral %s) withheld: %s", n.id, n.kind, n.referralId, reason);
    }

    /** Consent given: sent now, with a fresh retry window. */
    private void release(Notification n) {
        n.released(Instants.now(clock));
        dispatcher.wakeUpAfterCommit();
    }

    int outcomeTargetDays(String sourceCode) {
        NotificationConfig.SourceDeadline own = config.outcome().bySource().get(sourceCode);
        return own != null ? own.targetWorkingDays() : config.outcome().targetWorkingDays();
    }

    int outcomeLatestDays(String sourceCode) {
        NotificationConfig.SourceDeadline own = config.outcome().bySource().get(sourceCode);
        int latest = own != null && own.latestWorkingDays().isPresent() ? own.latestWorkingDays().get()
                : config.outcome().latestWorkingDays();
        return Math.max(latest, outcomeTargetDays(sourceCode));
    }
}
