package org.frontdoor.referral.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.events.codes.ReferralSource;
import org.frontdoor.events.codes.SharingConsentStatus;
import org.frontdoor.events.payload.ReferralLogged;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.referral.config.ReferralConfig;
import org.frontdoor.referral.messaging.ReferralReceivedEvent;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.directory.PartnerDirectoryCopy;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.outbox.Outbox;
import org.frontdoor.support.validation.Text;

/**
 * Intake: a submission (checked by {@link ReferralValidator} at the boundary) is recorded as a contact with its
 * children matched, its audit entry and its {@code referral.received} event, all in one transaction. A child's
 * contact becomes a referral later, only when triage decides on a statutory assessment.
 */
@ApplicationScoped
public class ReferralService {

    @Inject
    PartnerDirectoryCopy partners;

    @Inject
    ChildMatcher matcher;

    @Inject
    IdempotencyStore idempotency;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    WorkingCalendar calendar;

    @Inject
    ReferralConfig config;

    @Inject
    YoungAdultRule youngAdults;

    @Inject
    IntakeQueries writes;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    /** The answer to a submission; {@code replayed} when it repeats an earlier one with the same key. */
    public record Submission(ReferralReceipt receipt, boolean replayed) {
    }

    @Transactional
    public Submission submit(ReferralCommand command, Caller caller, String idempotencyKey) {
        Instant now = Instants.now(clock);
        Referral referral = newReferral(UUID.randomUUID(), command, caller, now);
        for (int i = 0; i < command.children().size(); i++) {
            ReferralChild child = ReferralChild.named(referral, i, command.children().get(i));
            decideYoungAdult(child, command.children().get(i).sharingConsent(), caller, now);
            referral.children.add(child);
        }
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            // the key is claimed with its answer: everything in it but the human reference is decided before anything
            // is written (the reference is taken last, to hold its counter briefly, and read back on a replay)
            String hash = hashOf(command);
            Optional<IdempotencyStore.Previous> previous = idempotency.claim(caller.idempotencyScope(), idempotencyKey,
                    hash, referral.id, write(receiptOf(referral)), now);
            if (previous.isPresent()) {
                return replay(previous.get(), hash, idempotencyKey);
            }
        }
        record(referral, caller, now);
        return new Submission(receiptOf(referral), false);
    }

    /** Matches the children, then writes the contact, its timeline, its events and its audit entry. */
    private void record(Referral referral, Caller caller, Instant now) {
        Map<UUID, ChildMatcher.Match> matches = matcher.matchAll(referral.children, referral.id, now);
        referral.children.forEach(child -> child.matched(matches.get(child.id)));
        // written once matched, with its reference (the year's counter row is held from here until the commit), its
        // children and its first timeline entry, in one statement
        referral.reference = writes.record(referral);

        ReferralReceived received = ReferralReceivedEvent.payloadOf(referral, caller, matches);
        outbox.appendAll(List.of(EventEnvelope.of(EventType.REFERRAL_RECEIVED, referral.id, received),
                // the notification service's own topic: referrer and child references only, no names or concern
                EventEnvelope.of(EventType.REFERRAL_LOGGED, referral.id, ReferralLogged.of(received))));
        audit.record("referral.submitted", referral.id, referral.reference + ", " + referral.children.size()
                + " child(ren), source " + referral.sourceCode + attachedChildren(referral));
        // the audit entry says who sent what; a line per contact in the log would only cost (issue 29): a counter
        received(referral.sourceCode);
    }

    /** Contacts received, by their source: what ops count instead of reading a log line per contact. */
    private void received(String sourceCode) {
        metrics.counter("frontdoor.referrals.received", "source", sourceCode).increment();
    }

    /** For the audit: the children the sender attached to a known child they found, and the known child. */
    private static String attachedChildren(Referral referral) {
        return referral.children.stream().filter(c -> c.childKey != null)
                .map(c -> "; child " + c.id + " attached to known child " + c.childKey + " (linked to "
                        + c.knownChildId + ")")
                .collect(Collectors.joining());
    }

    private static ReferralReceipt receiptOf(Referral referral) {
        return new ReferralReceipt(referral.id, referral.reference, referral.receivedAt, referral.status,
                referral.acknowledgementDueBy, referral.externalReference, referral.children.stream()
                        .map(c -> new ReferralReceipt.ChildRef(c.position, c.id)).toList());
    }

    private Submission replay(IdempotencyStore.Previous previous, String hash, String key) {
        if (!previous.requestHash().equals(hash)) {
            throw DomainException.conflict("Idempotency-Key " + key + " was already used for referral "
                    + previous.referralId() + " with a different request; use a new key for a new referral");
        }
        try {
            ReferralReceipt answered = EventJson.mapper().readValue(previous.response(), ReferralReceipt.class);
            Referral made = Referral.findById(previous.referralId());
            return new Submission(answered.withReference(made == null ? null : made.reference), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer of referral " + previous.referralId() + " is unreadable", e);
        }
    }

    private Referral newReferral(UUID id, ReferralCommand command, Caller caller, Instant now) {
        Referral referral = new Referral();
        referral.id = id;
        referral.receivedAt = now;
        referral.acknowledgementDueBy = calendar.plusWorkingDays(now, config.acknowledgementWorkingDays());
        referrer(referral, command.referrer(), caller);
        referral.submittedBy = caller.subject();
        referral.submittedRole = caller.submittingRole();
        referral.concernSummary = command.concerns().summary();
        referral.indicators = command.concerns().indicators() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(command.concerns().indicators()));
        referral.immediateRisk = command.concerns().immediateRisk();
        referral.householdMembers = command.householdMembers() == null ? List.of()
                : command.householdMembers().stream()
                        .map(m -> new Referral.HouseholdMember(m.name(), Text.blankToNull(m.relationship())))
                        .toList();
        referral.familyAware = command.consent().familyAware();
        referral.consentGiven = command.consent().consentGiven();
        referral.reasonWithoutConsent = Text.blankToNull(command.consent().reasonWithoutConsent());
        referral.status = ReferralStatus.RECEIVED;
        return referral;
    }

    /** Who referred: their source, organisation and identity as given. */
    private void referrer(Referral referral, ReferralCommand.Referrer referrer, Caller caller) {
        ReferralSource source = ReferralSource.fromCode(referrer.sourceCode()).orElseThrow();
        referral.sourceCode = source.code();
        referral.referrerKind = source.kind().name();
        // a partner system's organisation is its org claim; a professional keyed in by the front door names one of
        // the partner directory (the validator checked it is there and active)
        referral.organisationId = caller.isPartner() ? caller.organisation()
                : source.kind() == ReferralSource.Kind.PROFESSIONAL ? referrer.organisationId().strip() : null;
        referral.organisationName = Text.blankToNull(referrer.organisationName());
        if (referral.organisationName == null && referral.organisationId != null) {
            referral.organisationName = caller.isPartner() ? caller.organisation()
                    : partners.find(referral.organisationId).map(PartnerDirectoryCopy.Partner::name)
                            .orElse(referral.organisationId);
        }
        referral.referrerName = Text.blankToNull(referrer.name());
        referral.referrerRole = Text.blankToNull(referrer.role());
        referral.referrerEmail = Text.blankToNull(referrer.email());
        referral.referrerPhone = Text.blankToNull(referrer.phone());
        referral.externalReference = Text.blankToNull(referrer.externalReference());
    }

    /** Decided once, on the contact's date: whether the child is a young adult, and their consent as sent. */
    private void decideYoungAdult(ReferralChild child, SharingConsentCommand consent, Caller caller, Instant now) {
        LocalDate contactDate = LocalDate.ofInstant(now, WorkingCalendar.ENGLAND);
        child.youngAdult = youngAdults.isYoungAdult(child.dateOfBirth, contactDate);
        if (consent != null && consent.status() != SharingConsentStatus.NOT_RECORDED) {
            child.recordConsent(consent, caller, now);
        }
    }

    /** The same submission always hashes the same, whatever its whitespace or key order. */
    static String hashOf(ReferralCommand command) {
        try {
            byte[] canonical = EventJson.mapper().writeValueAsString(command).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the request", e);
        }
    }

    private static String write(ReferralReceipt receipt) {
        try {
            return EventJson.mapper().writeValueAsString(receipt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
