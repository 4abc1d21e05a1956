package org.frontdoor.notification.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.MalformedEventException;
import org.frontdoor.events.codes.Kind;
import org.frontdoor.events.codes.ReferralSource;
import org.frontdoor.events.codes.SharingConsentStatus;
import org.frontdoor.events.payload.ReferralLogged;
import org.frontdoor.events.payload.TriageDecided;
import org.frontdoor.notification.config.NotificationConfig;
import org.frontdoor.notification.delivery.Dispatcher;
import org.frontdoor.notification.domain.PlannedMessage.Recipient;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.validation.Text;
import org.jboss.logging.Logger;

/**
 * {@code referral.logged}, a run of them at once (the inbox's set-based effect): each referral's record, its
 * children and their sharing facts, and the messages owed, in a few statements whatever the run's size, no entity
 * loaded. What is owed is {@link NotificationPlanner}'s rule (domain.md, "Feedback rules"): a professional referrer
 * is acknowledged at once and is owed an outcome per child, due per source type; a relative, acquaintance, member
 * of the public or unknown source (1A-1D, 10) gets a generic acknowledgement (when they left an email address); an
 * anonymous referrer (9) gets nothing. A redelivered event adds nothing: every row is inserted "on conflict do
 * nothing" on its key, and a referral recorded before is planned from its stored record.
 */
@ApplicationScoped
public class ReferralsReceived {

    private static final Logger LOG = Logger.getLogger(ReferralsReceived.class);

    @Inject
    PlanningQueries queries;

    @Inject
    NotificationPlanner planner;

    @Inject
    MessageComposer composer;

    @Inject
    WorkingCalendar calendar;

    @Inject
    NotificationConfig config;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Clock clock;

    /** One event of the run, read once. */
    private record Received(EventEnvelope event, UUID referralId, ReferralLogged logged,
            List<ReferralLogged.ChildRef> children) {
    }

    /** A child of the run as it is stored: its reference, and the facts the sharing rule decides on. */
    record LoggedChild(NamedChild named, boolean youngAdult, SharingConsentStatus consent, boolean confirmed,
            Instant asOf) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void receivedAll(List<EventEnvelope> events) {
        List<Received> run = events.stream().map(ReferralsReceived::read).toList();
        Map<UUID, ReferralRecord> logged = new LinkedHashMap<>();
        Map<UUID, LoggedChild> children = new LinkedHashMap<>();
        for (Received r : run) {
            if (logged.putIfAbsent(r.referralId(), newRecord(r)) == null) {
                r.children().forEach(c -> children.putIfAbsent(c.childId(), child(r, c)));
            }
        }
        // with triage's decisions, which arrive on another topic (see PlanningQueries#lockReferrals)
        queries.lockReferrals(List.copyOf(logged.keySet()));
        Map<UUID, ReferralRecord> records = queries.recordReferrals(List.copyOf(logged.values()),
                List.copyOf(children.values()));
        Map<UUID, String> stored = queries.storedDecisions(run.stream()
                .filter(r -> records.get(r.referralId()).isProfessional())
                .flatMap(r -> r.children().stream().map(ReferralLogged.ChildRef::childId)).toList());
        List<PlannedMessage> planned = new ArrayList<>();
        for (Received r : run) {
            ReferralRecord record = records.get(r.referralId());
            switch (record.referrerKind) {
                case "ANONYMOUS" -> LOG.debugf("Referral %s: anonymous referrer, nothing to send", r.referralId());
                case "PROFESSIONAL" -> planned.addAll(planProfessional(r, record));
                default -> planPublic(r, record).ifPresent(planned::add);
            }
        }
        if (queries.insertAll(planned, Instants.now(clock)) > 0) {
            dispatcher.wakeUpAfterCommit();
        }
        // a decision that arrived before its referral: told now, as a decision arriving after it is
        for (Received r : run) {
            for (ReferralLogged.ChildRef c : r.children()) {
                String json = stored.remove(c.childId());
                if (json != null) {
                    decision(c.childId(), json).ifPresent(d -> planner.composeOutcome(records.get(r.referralId()),
                            d, r.event().eventId()));
                }
            }
        }
    }

    private static Received read(EventEnvelope event) {
        ReferralLogged r = ReferralLogged.from(event);
        if (r.referrer() == null || r.receivedAt() == null) {
            throw new MalformedEventException("referral.logged " + event.eventId() + " has no referrer or receivedAt");
        }
        List<ReferralLogged.ChildRef> children = r.children() == null ? List.of() : r.children();
        if (children.stream().anyMatch(c -> c.childId() == null)) {
            throw new MalformedEventException("referral.logged " + event.eventId() + " has a child without childId");
        }
        return new Received(event, r.referralId() != null ? r.referralId() : event.referralId(), r, children);
    }

    private ReferralRecord newRecord(Received received) {
        ReferralLogged r = received.logged();
        ReferralRecord record = new ReferralRecord();
        record.referralId = received.referralId();
        record.receivedAt = r.receivedAt();
        ReferralLogged.Referrer who = r.referrer();
        record.sourceCode = who.sourceCode() == null ? ReferralSource.UNKNOWN.code() : who.sourceCode();
        record.referrerKind = kindOf(who);
        record.organisationId = Text.blankToNull(who.organisationId());
        record.organisationName = Text.blankToNull(who.organisationName());
        record.referrerName = Text.blankToNull(who.name());
        record.referrerEmail = Text.blankToNull(who.email());
        record.externalReference = Text.blankToNull(who.externalReference());
        record.reference = Text.blankToNull(r.reference());
        record.acknowledgementDueBy = r.acknowledgementDueBy() != null ? r.acknowledgementDueBy()
                : calendar.plusWorkingDays(r.receivedAt(), config.acknowledgementWorkingDays());
        record.childCount = received.children().size();
        return record;
    }

    /** Before anything is planned: whether anything about this child may go to a partner ({@link SharingPolicy}). */
    private static LoggedChild child(Received r, ReferralLogged.ChildRef c) {
        SharingConsentStatus status = c.sharingConsent() == null || c.sharingConsent().status() == null
                ? SharingConsentStatus.NOT_RECORDED : c.sharingConsent().status();
        return new LoggedChild(named(r.referralId(), c), c.youngAdult(), status,
                status == SharingConsentStatus.GIVEN && c.sharingConsent().confirmed(), r.event().occurredAt());
    }

    private List<PlannedMessage> planProfessional(Received r, ReferralRecord record) {
        Recipient referrer = Recipient.referrer(record);
        Instant outcomeDue = calendar.plusWorkingDays(record.receivedAt, planner.outcomeTargetDays(record.sourceCode));
        Instant outcomeLatest = calendar.plusWorkingDays(record.receivedAt,
                planner.outcomeLatestDays(record.sourceCode));
        List<NamedChild> refs = r.children().stream().map(c -> named(record.referralId, c)).toList();
        MessageComposer.Composed ack = composer.professionalAcknowledgement(record, refs, outcomeDue, outcomeLatest,
                r.children().stream().anyMatch(ReferralLogged.ChildRef::youngAdult));
        List<PlannedMessage> planned = new ArrayList<>();
        planned.add(new PlannedMessage(record.referralId, null, Kind.ACKNOWLEDGEMENT, "", referrer,
                NotificationStatus.PENDING, record.acknowledgementDueBy, null, ack, r.event().eventId()));
        for (ReferralLogged.ChildRef child : r.children()) {
            planned.add(new PlannedMessage(record.referralId, child.childId(), Kind.OUTCOME, "", referrer,
                    NotificationStatus.AWAITING_DECISION, outcomeDue, outcomeLatest, null, r.event().eventId()));
        }
        return planned;
    }

    private Optional<PlannedMessage> planPublic(Received r, ReferralRecord record) {
        if (record.referrerEmail == null) {
            LOG.debugf("Referral %s: the referrer left no email address; the front door acknowledges by phone",
                    record.referralId);
            return Optional.empty();
        }
        return Optional.of(new PlannedMessage(record.referralId, null, Kind.ACKNOWLEDGEMENT, "",
                Recipient.email(record.referrerEmail), NotificationStatus.PENDING, record.acknowledgementDueBy, null,
                composer.publicAcknowledgement(record), r.event().eventId()));
    }

    /**
     * A stored decision. It was read as a {@link Decision} before it was stored; should one stored by an older
     * version not read, the referral is still acknowledged and its outcome stays owed (and shows as overdue)
     * rather than the whole referral going to the dead-letter topic.
     */
    private static Optional<Decision> decision(UUID childId, String json) {
        try {
            return Optional.of(Decision.of(EventJson.mapper().readValue(json, TriageDecided.class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored decision of child " + childId + " is unreadable", e);
        } catch (MalformedEventException e) {
            LOG.warnf("Stored decision of child %s cannot be told (%s); the outcome stays owed", childId,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** A child of a logged contact as messages name them: initials and month-year of birth, never the name. */
    private static NamedChild named(UUID referralId, ReferralLogged.ChildRef c) {
        return new NamedChild(c.childId(), referralId, c.position(), Text.blankToNull(c.initials()), c.bornIn(),
                c.dueIn());
    }

    private static String kindOf(ReferralLogged.Referrer who) {
        Optional<ReferralSource> source = ReferralSource.fromCode(who.sourceCode());
        if (source.isPresent()) {
            // the census code decides; it cannot be contradicted by a stray kind field
            return source.get().kind().name();
        }
        if (who.kind() != null) {
            for (ReferralSource.Kind k : ReferralSource.Kind.values()) {
                if (k.name().equals(who.kind())) {
                    return k.name();
                }
            }
        }
        return ReferralSource.Kind.UNKNOWN.name();
    }
}
