package org.frontdoor.referral.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;
import org.frontdoor.events.codes.ReferralSource;
import org.frontdoor.events.codes.SharingConsentStatus;
import org.frontdoor.events.payload.ReferralLogged;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.SharingConsentRecorded;
import org.frontdoor.referral.config.ReferralConfig;
import org.frontdoor.referral.messaging.ReferralReceivedEvent;
import org.frontdoor.referral.rest.ReferralCreated;
import org.frontdoor.referral.rest.ReferralRequest;
import org.frontdoor.referral.rest.SharingConsentRequest;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.directory.PartnerDirectoryCopy;
import org.frontdoor.support.outbox.Outbox;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.support.validation.Text;
import org.jboss.logging.Logger;

/**
 * Intake: a valid submission is recorded as a contact with its children matched, its audit entry
 * and its {@code referral.received} event, all in one transaction. A child's contact becomes a
 * referral later, only when triage decides on a statutory assessment.
 */
@ApplicationScoped
public class ReferralService {

    private static final Logger LOG = Logger.getLogger(ReferralService.class);

    @Inject
    PartnerDirectoryCopy partners;

    @Inject
    ReferralValidator validator;

    @Inject
    RequestValidation validation;

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
    Clock clock;

    /** The answer to a submission; {@code replayed} when it repeats an earlier one with the same key. */
    public record Submission(ReferralCreated created, boolean replayed) {
    }

    @Transactional
    public Submission submit(ReferralRequest request, Caller caller, String idempotencyKey) {
        validator.check(request, caller, idempotencyKey);
        Instant now = Instants.now(clock);
        UUID referralId = UUID.randomUUID();
        Referral referral = newReferral(referralId, request, caller, now);
        for (int i = 0; i < request.children().size(); i++) {
            ReferralChild child = newChild(referral, i, request.children().get(i));
            applyYoungAdult(child, request.children().get(i), caller, now);
            referral.children.add(child);
        }
        ReferralCreated created = new ReferralCreated(referralId, now, referral.status,
                referral.acknowledgementDueBy, referral.externalReference,
                referral.children.stream().map(c -> new ReferralCreated.ChildRef(c.position, c.id)).toList());
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            // the key is claimed with its answer: everything in the answer is decided before anything is written
            String hash = hashOf(request);
            Optional<IdempotencyStore.Previous> previous = idempotency.claim(caller.idempotencyScope(), idempotencyKey,
                    hash, referralId, write(created), now);
            if (previous.isPresent()) {
                return replay(previous.get(), hash, idempotencyKey);
            }
        }

        Map<UUID, ChildMatcher.Match> matches = matcher.matchAll(referral.children, referralId, now);
        for (ReferralChild child : referral.children) {
            ChildMatcher.Match match = matches.get(child.id);
            child.knownChildId = match.knownChildId();
            child.referralsLast12Months = match.referralsInLast12Months();
            child.reReferral = match.reReferral();
            child.contactsLast12Months = match.contactsInLast12Months();
            child.sameDayFirstReferralId = match.sameDayFirstReferralId();
            child.openCaseId = match.openCaseId();
        }
        // persisted (with its children, by cascade) once matched: Hibernate takes a row's values when it is persisted
        referral.persist();
        TimelineEntry.of(referralId, null, "RECEIVED", now, "Contact received", null, null).persist();

        ReferralReceived received = ReferralReceivedEvent.payloadOf(referral, caller, matches);
        outbox.append(EventEnvelope.of(EventType.REFERRAL_RECEIVED, referralId, received));
        // the notification service's own topic: referrer and child references only, no names or concern
        outbox.append(EventEnvelope.of(EventType.REFERRAL_LOGGED, referralId, ReferralLogged.of(received)));
        audit.record("referral.submitted", referralId, referral.children.size() + " child(ren), source "
                + referral.sourceCode);
        // ids and counts only: never a child's name, date of birth or the concern text
        LOG.infof("Referral %s received: source %s, %d child(ren), immediate risk %s", referralId,
                referral.sourceCode, referral.children.size(), referral.immediateRisk);
        return new Submission(created, false);
    }

    private Submission replay(IdempotencyStore.Previous previous, String hash, String key) {
        if (!previous.requestHash().equals(hash)) {
            throw new ProblemException(ProblemType.CONFLICT, "Idempotency-Key " + key + " was already used for"
                    + " referral " + previous.referralId() + " with a different request; use a new key for a new"
                    + " referral");
        }
        try {
            return new Submission(EventJson.mapper().readValue(previous.response(), ReferralCreated.class), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer of referral " + previous.referralId() + " is unreadable", e);
        }
    }

    private Referral newReferral(UUID id, ReferralRequest request, Caller caller, Instant now) {
        ReferralRequest.Referrer referrer = request.referrer();
        ReferralSource source = ReferralSource.fromCode(referrer.sourceCode()).orElseThrow();
        Referral referral = new Referral();
        referral.id = id;
        referral.receivedAt = now;
        referral.acknowledgementDueBy = calendar.plusWorkingDays(now, config.acknowledgementWorkingDays());
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
        referral.submittedBy = caller.subject();
        referral.submittedRole = caller.submittingRole();
        referral.concernSummary = request.concerns().summary();
        referral.indicators = request.concerns().indicators() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(request.concerns().indicators()));
        referral.immediateRisk = request.concerns().immediateRisk();
        referral.householdMembers = request.householdMembers() == null ? List.of()
                : request.householdMembers().stream()
                        .map(m -> new Referral.HouseholdMember(m.name(), Text.blankToNull(m.relationship())))
                        .toList();
        referral.familyAware = request.consent().familyAware();
        referral.consentGiven = request.consent().consentGiven();
        referral.reasonWithoutConsent = Text.blankToNull(request.consent().reasonWithoutConsent());
        referral.status = ReferralStatus.RECEIVED;
        return referral;
    }

    /** Decided once, on the contact's date: whether the child is a young adult, and their consent as sent. */
    private void applyYoungAdult(ReferralChild child, ReferralRequest.Child in, Caller caller, Instant now) {
        child.careLeaver = Boolean.TRUE.equals(in.careLeaver());
        child.youngAdult = youngAdults.isYoungAdult(child.dateOfBirth, LocalDate.ofInstant(now, WorkingCalendar.ENGLAND));
        SharingConsentRequest consent = in.sharingConsent();
        if (consent != null && consent.status() != SharingConsentStatus.NOT_RECORDED) {
            setConsent(child, consent, caller, now);
        }
    }

    /** Staff's word confirms consent GIVEN at once; a partner system's is a report that waits for confirmation. */
    private static void setConsent(ReferralChild child, SharingConsentRequest consent, Caller caller, Instant now) {
        child.recordConsent(consent.status(),
                Text.blankToNull(consent.recordedBy()) != null ? consent.recordedBy().strip() : caller.subject(),
                consent.recordedAt() != null ? consent.recordedAt().truncatedTo(ChronoUnit.MICROS) : now,
                caller.isPartner() ? null : caller.subject(), now);
    }

    /**
     * The front door records (or changes) a young adult's consent to share after the contact: audited, on the
     * timeline, and published as {@code referral.consent-recorded} in the same transaction. Only for a child who
     * was a young adult at the contact: for anyone else there is nothing to consent to (409).
     */
    @Transactional
    public ReferralChild recordSharingConsent(UUID referralId, UUID childId, SharingConsentRequest request,
            Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        validator.checkSharingConsent(request, "", false, errors);
        validation.check(request, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ReferralChild child = youngAdultToLock(referralId, childId, "referral.sharing-consent.refused");
        Instant now = Instants.now(clock);
        setConsent(child, request, caller, now);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("sharingConsent", child.sharingConsent.name());
        detail.put("recordedBy", child.sharingConsentRecordedBy);
        detail.put("recordedAt", child.sharingConsentRecordedAt.toString());
        TimelineEntry.of(referralId, childId, "SHARING_CONSENT", now, child.sharingConsent == SharingConsentStatus.GIVEN
                ? "Consent to share with partners given" : "Consent to share with partners refused", detail, null)
                .persist();
        outbox.append(EventEnvelope.of(EventType.REFERRAL_CONSENT_RECORDED, referralId,
                new SharingConsentRecorded(referralId, childId, true, ReferralReceivedEvent.consentOf(child))));
        audit.record("referral.sharing-consent", referralId, "child " + childId + ": " + child.sharingConsent);
        LOG.infof("Referral %s: consent to share recorded for child %s: %s", referralId, childId, child.sharingConsent);
        return child;
    }

    /**
     * The front door or a team manager confirms the consent GIVEN that the partner reported with the contact: only
     * now does it count, so the outcome and case messages held back go to the referrer. Audited, on the timeline,
     * published as {@code referral.consent-recorded} with {@code confirmed}. Anything else to confirm is a 409.
     */
    @Transactional
    public ReferralChild confirmSharingConsent(UUID referralId, UUID childId, Caller caller) {
        ReferralChild child = youngAdultToLock(referralId, childId, "referral.sharing-consent.confirm.refused");
        Optional<String> why = child.whyNotConfirmable();
        if (why.isPresent()) {
            audit.recordRefused("referral.sharing-consent.confirm.refused", referralId, "child " + childId + ": "
                    + child.sharingConsent + (child.consentConfirmed() ? ", already confirmed" : ""));
            throw new ProblemException(ProblemType.CONFLICT, "Child " + childId + ": " + why.get());
        }
        Instant now = Instants.now(clock);
        child.confirmConsent(caller.subject(), now);
        TimelineEntry.of(referralId, childId, "SHARING_CONSENT_CONFIRMED", now,
                "Consent to share with partners confirmed by the front door",
                Map.<String, Object>of("sharingConsent", child.sharingConsent.name()), null).persist();
        outbox.append(EventEnvelope.of(EventType.REFERRAL_CONSENT_RECORDED, referralId,
                new SharingConsentRecorded(referralId, childId, true, ReferralReceivedEvent.consentOf(child))));
        audit.record("referral.sharing-consent.confirmed", referralId, "child " + childId + ": GIVEN, reported by "
                + child.sharingConsentRecordedBy);
        LOG.infof("Referral %s: consent to share of child %s confirmed", referralId, childId);
        return child;
    }

    /** The child, locked for the change; 404 when the contact has no such child, 409 when not a young adult. */
    private ReferralChild youngAdultToLock(UUID referralId, UUID childId, String refusal) {
        ReferralChild child = ReferralChild.<ReferralChild>find("id = ?1 and referral.id = ?2", childId, referralId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Child " + childId + " of referral " + referralId));
        if (!child.youngAdult) {
            audit.recordRefused(refusal, referralId, "child " + childId + " is not a young adult");
            throw new ProblemException(ProblemType.CONFLICT, "Child " + childId + " was under "
                    + youngAdults.adultAge() + " on the contact's date: consent to share is recorded only for a"
                    + " young adult");
        }
        return child;
    }

    private static ReferralChild newChild(Referral referral, int position, ReferralRequest.Child in) {
        ReferralChild child = new ReferralChild();
        child.id = UUID.randomUUID();
        child.referral = referral;
        child.position = position;
        child.firstName = Text.blankToNull(in.firstName());
        child.lastName = in.lastName().strip();
        child.surnameKey = Surname.key(child.lastName);
        child.dateOfBirth = in.dateOfBirth();
        child.expectedDateOfBirth = in.dateOfBirth() == null ? in.expectedDateOfBirth() : null;
        child.gender = in.gender();
        child.nhsNumber = NhsNumber.normalise(in.nhsNumber());
        if (in.address() != null) {
            child.addressLine1 = Text.blankToNull(in.address().line1());
            child.addressLine2 = Text.blankToNull(in.address().line2());
            child.town = Text.blankToNull(in.address().town());
            child.postcode = Postcode.normalise(in.address().postcode());
            child.postcodeKey = Postcode.key(child.postcode);
        }
        child.school = Text.blankToNull(in.school());
        child.status = ChildStatus.RECEIVED;
        return child;
    }

    /** The same request always hashes the same, whatever its whitespace or key order. */
    static String hashOf(ReferralRequest request) {
        try {
            byte[] canonical = EventJson.mapper().writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the request", e);
        }
    }

    private static String write(ReferralCreated created) {
        try {
            return EventJson.mapper().writeValueAsString(created);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
