package org.frontdoor.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.frontdoor.events.codes.IndicatorCatalogue;
import org.frontdoor.events.codes.ReferralSource;
import org.frontdoor.events.codes.SharingConsentStatus;
import org.frontdoor.referral.config.ReferralConfig;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.directory.PartnerDirectoryCopy;
import org.frontdoor.support.problem.Problem.FieldError;

/**
 * The intake rules that need more than one field or a code list, each broken one a field error: the boundary adds
 * them to what its own annotations found, so that one 422 lists every bad field.
 */
@ApplicationScoped
public class ReferralValidator {

    private static final int MAX_MONTHS_BEFORE_BIRTH = 10;

    /** A partner system's clock may run a little ahead of ours. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final String ANONYMOUS = "must be empty: an anonymous referral carries no referrer identity";

    static final String UNKNOWN_CHILD_KEY = "is not a child the front door knows: search the children again, or leave"
            + " it out to match the child by their details";

    @Inject
    ReferralConfig config;

    @Inject
    YoungAdultRule youngAdults;

    @Inject
    Clock clock;

    @Inject
    PartnerDirectoryCopy partners;

    @Inject
    AuditLog audit;

    @Inject
    KnownChildQueries knownChildren;

    /** What breaks the intake rules in a submission (empty when nothing does). */
    public List<FieldError> check(ReferralCommand command, Caller caller, String idempotencyKey) {
        List<FieldError> errors = new ArrayList<>();
        checkIdempotencyKey(caller, idempotencyKey, errors);
        if (command.referrer() != null) {
            checkReferrer(command.referrer(), caller, errors);
        }
        if (command.children() != null) {
            checkChildren(command.children(), errors);
        }
        if (command.concerns() != null && command.concerns().indicators() != null) {
            checkIndicators(command.concerns().indicators(), errors);
        }
        if (command.consent() != null) {
            checkConsent(command.consent(), errors);
        }
        return errors;
    }

    /**
     * What breaks the rules in a young adult's consent recorded after the contact: given or refused, and when, not
     * in the future.
     */
    public List<FieldError> checkSharingConsent(SharingConsentCommand consent) {
        List<FieldError> errors = new ArrayList<>();
        checkSharingConsent(consent, "", false, errors);
        return errors;
    }

    private void checkIdempotencyKey(Caller caller, String key, List<FieldError> errors) {
        if (key == null || key.isBlank()) {
            if (caller.isPartner()) {
                errors.add(new FieldError("Idempotency-Key", "header is required for partner systems: a unique"
                        + " value per referral, the same on every retry"));
            }
        } else if (!key.matches("[\\x21-\\x7E]{1,200}")) {
            errors.add(new FieldError("Idempotency-Key", "must be 1-200 visible ASCII characters"));
        }
    }

    private static void checkIndicators(List<String> indicators, List<FieldError> errors) {
        for (int i = 0; i < indicators.size(); i++) {
            if (indicators.get(i) != null && !IndicatorCatalogue.standard().contains(indicators.get(i))) {
                errors.add(new FieldError("concerns.indicators[" + i + "]",
                        "is not a known indicator of the indicator catalogue"));
            }
        }
    }

    private static void checkConsent(ReferralCommand.Consent consent, List<FieldError> errors) {
        if (Boolean.FALSE.equals(consent.consentGiven()) && isBlank(consent.reasonWithoutConsent())) {
            errors.add(new FieldError("consent.reasonWithoutConsent",
                    "is required when the family has not consented: say why the referral goes ahead"));
        }
        if (Boolean.TRUE.equals(consent.consentGiven()) && Boolean.FALSE.equals(consent.familyAware())) {
            errors.add(new FieldError("consent.familyAware", "must be true when the family gave consent"));
        }
    }

    private void checkReferrer(ReferralCommand.Referrer referrer, Caller caller, List<FieldError> errors) {
        if (referrer.sourceCode() == null || referrer.sourceCode().isBlank()) {
            return; // the annotation said so already
        }
        Optional<ReferralSource> source = ReferralSource.fromCode(referrer.sourceCode());
        if (source.isEmpty()) {
            errors.add(new FieldError("referrer.sourceCode", "must be a CIN census referral source code: 1A-1D, 2A,"
                    + " 2B, 3A-3F, 4, 5A-5D, 6, 7, 8, 9 or 10"));
            return;
        }
        ReferralSource.Kind kind = source.get().kind();
        if (caller.isPartner()) {
            checkPartnerReferrer(referrer, source.get(), caller, errors);
        } else if (kind == ReferralSource.Kind.PROFESSIONAL) {
            // the organisation is told the outcome and informed at closure: it must be one the directory can reach
            if (isBlank(referrer.organisationId())) {
                errors.add(new FieldError("referrer.organisationId", "is required for a professional referrer: the"
                        + " organisation's id in the partner directory"));
            } else {
                partners.requireActive(referrer.organisationId().strip(), "referrer.organisationId", errors);
            }
        } else if (!isBlank(referrer.organisationId())) {
            errors.add(new FieldError("referrer.organisationId", "is for professional referrers (sources 2A-8) only"));
        }
        if (kind == ReferralSource.Kind.ANONYMOUS) {
            checkAnonymous(referrer, errors);
        }
    }

    /** A partner system refers as a professional, for its own organisation (its token's org claim) only. */
    private void checkPartnerReferrer(ReferralCommand.Referrer referrer, ReferralSource source, Caller caller,
            List<FieldError> errors) {
        if (source.kind() != ReferralSource.Kind.PROFESSIONAL) {
            errors.add(new FieldError("referrer.sourceCode",
                    "a partner system refers as a professional source (2A-8)"));
        } else {
            checkOwnSourceCode(source, caller, errors);
        }
        if (caller.organisation() == null) {
            errors.add(new FieldError("referrer.organisationName",
                    "your token has no org claim: ask your identity provider to add it"));
        } else if (!isBlank(referrer.organisationId()) && !referrer.organisationId().equals(caller.organisation())) {
            errors.add(new FieldError("referrer.organisationId", "must be empty or your token's org claim ("
                    + caller.organisation() + "): a partner system refers for its own organisation only"));
        }
    }

    private static void checkAnonymous(ReferralCommand.Referrer referrer, List<FieldError> errors) {
        emptyWhenAnonymous("referrer.name", referrer.name(), errors);
        emptyWhenAnonymous("referrer.email", referrer.email(), errors);
        emptyWhenAnonymous("referrer.phone", referrer.phone(), errors);
        emptyWhenAnonymous("referrer.organisationName", referrer.organisationName(), errors);
        emptyWhenAnonymous("referrer.role", referrer.role(), errors);
    }

    private static void emptyWhenAnonymous(String field, String value, List<FieldError> errors) {
        if (!isBlank(value)) {
            errors.add(new FieldError(field, ANONYMOUS));
        }
    }

    /**
     * A partner system refers as what its organisation is: the CIN source code the partner directory gives it (a
     * school may not file as the police). The gate (service-support PartnerGate) has let only an active
     * organisation of the directory this far.
     */
    private void checkOwnSourceCode(ReferralSource source, Caller caller, List<FieldError> errors) {
        partners.find(caller.organisation())
                .filter(p -> p.cinSourceCode() != null && !p.cinSourceCode().equalsIgnoreCase(source.code()))
                .ifPresent(p -> {
                    errors.add(new FieldError("referrer.sourceCode", "must be " + p.cinSourceCode() + ", the CIN"
                            + " source code of " + p.name() + " in the partner directory: a partner system refers"
                            + " as its own organisation"));
                    // filing as another kind of agency is an attempt someone may need to see, not a typing slip
                    audit.recordRefused("referral.source-code.refused", null, "source " + source.code() + " is not "
                            + p.id() + "'s " + p.cinSourceCode());
                });
    }

    private void checkChildren(List<ReferralCommand.Child> children, List<FieldError> errors) {
        if (children.size() > config.maxChildren()) {
            errors.add(new FieldError("children", "names " + children.size() + " children; at most "
                    + config.maxChildren() + " per referral"));
        }
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.ENGLAND));
        for (int i = 0; i < children.size(); i++) {
            ReferralCommand.Child child = children.get(i);
            if (child != null) {
                checkChild(child, "children[" + i + "].", today, errors);
            }
        }
        checkChildKeys(children, errors);
    }

    /** A child attached to a known child names one the front door knows (looked up only when a child is attached). */
    private void checkChildKeys(List<ReferralCommand.Child> children, List<FieldError> errors) {
        List<UUID> keys = children.stream().filter(c -> c != null && c.childKey() != null)
                .map(ReferralCommand.Child::childKey).distinct().toList();
        if (keys.isEmpty()) {
            return;
        }
        Set<UUID> known = knownChildren.known(keys);
        for (int i = 0; i < children.size(); i++) {
            ReferralCommand.Child child = children.get(i);
            if (child != null && child.childKey() != null && !known.contains(child.childKey())) {
                errors.add(new FieldError("children[" + i + "].childKey", UNKNOWN_CHILD_KEY));
            }
        }
    }

    private void checkChild(ReferralCommand.Child child, String at, LocalDate today, List<FieldError> errors) {
        boolean unborn = child.dateOfBirth() == null && child.expectedDateOfBirth() != null;
        checkBirthDates(child, at, today, errors);
        if (child.sharingConsent() != null) {
            if (!youngAdults.isYoungAdult(child.dateOfBirth(), today)) {
                errors.add(new FieldError(at + "sharingConsent", "is only for a young person aged "
                        + youngAdults.adultAge() + " or over on the contact's date"));
            }
            checkSharingConsent(child.sharingConsent(), at + "sharingConsent.", true, errors);
        }
        if (!unborn && isBlank(child.firstName())) {
            errors.add(new FieldError(at + "firstName", "is required (except for an unborn child)"));
        }
        if (child.nhsNumber() != null && NhsNumber.normalise(child.nhsNumber()) == null) {
            errors.add(new FieldError(at + "nhsNumber", "must be a 10-digit NHS number with a valid check digit"));
        }
        if (child.address() != null && child.address().postcode() != null
                && Postcode.normalise(child.address().postcode()) == null) {
            errors.add(new FieldError(at + "address.postcode", "must be a UK postcode, e.g. DN1 1AA"));
        }
    }

    /** A date of birth, or for an unborn child an expected one within the months a pregnancy lasts; never both. */
    private void checkBirthDates(ReferralCommand.Child child, String at, LocalDate today, List<FieldError> errors) {
        if (child.dateOfBirth() == null && child.expectedDateOfBirth() == null) {
            errors.add(new FieldError(at + "dateOfBirth", "is required (or expectedDateOfBirth for an unborn child)"));
        } else if (child.dateOfBirth() != null && child.expectedDateOfBirth() != null) {
            errors.add(new FieldError(at + "expectedDateOfBirth", "must be empty when a date of birth is given"));
        }
        if (child.dateOfBirth() != null) {
            checkAge(child, at, today, errors);
        }
        boolean unborn = child.dateOfBirth() == null && child.expectedDateOfBirth() != null;
        if (unborn && (child.expectedDateOfBirth().isBefore(today)
                || child.expectedDateOfBirth().isAfter(today.plusMonths(MAX_MONTHS_BEFORE_BIRTH)))) {
            errors.add(new FieldError(at + "expectedDateOfBirth",
                    "must be between today and " + MAX_MONTHS_BEFORE_BIRTH + " months from now"));
        }
    }

    /** Born, not in the future; a young adult only as a care leaver, up to the care leavers' maximum age. */
    private void checkAge(ReferralCommand.Child child, String at, LocalDate today, List<FieldError> errors) {
        if (child.dateOfBirth().isAfter(today)) {
            errors.add(new FieldError(at + "dateOfBirth", "must not be in the future"));
        } else if (youngAdults.isOverMaximum(child.dateOfBirth(), today)) {
            errors.add(new FieldError(at + "dateOfBirth", "must be within the last "
                    + youngAdults.careLeaverMaxAge() + " years: the front door takes care leavers up to "
                    + youngAdults.careLeaverMaxAge()));
        } else if (youngAdults.isYoungAdult(child.dateOfBirth(), today) && !Boolean.TRUE.equals(child.careLeaver())) {
            errors.add(new FieldError(at + "careLeaver", "must be true for a young person aged "
                    + youngAdults.adultAge() + " or over: the front door takes young adults only as care"
                    + " leavers, up to " + youngAdults.careLeaverMaxAge()));
        }
    }

    /**
     * A young adult's consent to share, on a submission ({@code notRecordedAllowed}) or recorded later: given or
     * refused, and when, not in the future; NOT_RECORDED carries no who or when.
     */
    private void checkSharingConsent(SharingConsentCommand consent, String at, boolean notRecordedAllowed,
            List<FieldError> errors) {
        if (consent.status() == null) {
            errors.add(new FieldError(at + "status", "is required: GIVEN or REFUSED"));
        } else if (consent.status() == SharingConsentStatus.NOT_RECORDED) {
            if (!notRecordedAllowed) {
                errors.add(new FieldError(at + "status", "must be GIVEN or REFUSED"));
            } else {
                if (!isBlank(consent.recordedBy())) {
                    errors.add(new FieldError(at + "recordedBy", "must be empty when no consent is recorded"));
                }
                if (consent.recordedAt() != null) {
                    errors.add(new FieldError(at + "recordedAt", "must be empty when no consent is recorded"));
                }
            }
        }
        if (consent.recordedAt() != null && consent.recordedAt().isAfter(Instant.now(clock).plus(CLOCK_SKEW))) {
            errors.add(new FieldError(at + "recordedAt", "must not be in the future"));
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
