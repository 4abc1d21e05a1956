package org.frontdoor.referral.domain;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.frontdoor.referral.config.ReferralConfig;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.sql.TextArrays;

/**
 * Intake's write, in one statement (data-modifying CTEs): the year's reference counter raised, the contact with its
 * short human reference, all its children (matched), and its first timeline entry.
 * <p>
 * The reference ({@code FD-2026-004213}: the council's prefix, the year of receipt in England and the next number of
 * that year) is the year's counter row, raised in the contact's own transaction: two intakes at once take turns on
 * the row until one commits, so no number is given twice, and a rolled-back intake gives its number back. This is
 * intake's last write before its events and audit entry, so the turn is short.
 */
@ApplicationScoped
public class IntakeQueries {

    private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9]{0,9}");

    /**
     * The columns intake sets; the others (a decision, a case's closing) start null or at their defaults. The
     * reference is the council's prefix, the year in England and the year's next number, at least six digits
     * ({@code FD-2026-004213}), more once a year passes 999,999 contacts.
     */
    private static final String RECORD = """
            with counter as (
                insert into contact_reference_counter (year, last_number) values (?1, 1) on conflict (year) do update
                set last_number = contact_reference_counter.last_number + 1 returning last_number),
            contact as (
                insert into referral (id, received_at, acknowledgement_due_by, source_code, referrer_kind,
                    organisation_id, organisation_name, referrer_name, referrer_role, referrer_email, referrer_phone,
                    external_reference, reference, submitted_by, submitted_role, concern_summary, indicators,
                    immediate_risk, household_members, family_aware, consent_given, reason_without_consent, status)
                select cast(?3 as uuid), cast(?4 as timestamptz), cast(?5 as timestamptz), cast(?6 as text),
                    cast(?7 as text), cast(?8 as text), cast(?9 as text), cast(?10 as text), cast(?11 as text),
                    cast(?12 as text), cast(?13 as text), cast(?14 as text),
                    ?2 || '-' || ?1 || '-' || lpad(last_number::text, greatest(6, length(last_number::text)), '0'),
                    cast(?15 as text), cast(?16 as text), cast(?17 as text), cast(?18 as jsonb), ?19,
                    cast(?20 as jsonb), ?21, ?22, cast(?23 as text), cast(?24 as text)
                from counter returning id, reference),
            children as (
                insert into referral_child (id, referral_id, position, known_child_id, first_name, last_name,
                    surname_key, date_of_birth, expected_date_of_birth, gender, nhs_number, address_line1,
                    address_line2, town, postcode, postcode_key, school, referrals_last_12_months,
                    contacts_last_12_months, re_referral, same_day_first_referral_id, open_case_id, status,
                    became_referral, care_leaver, young_adult, sharing_consent, sharing_consent_recorded_by,
                    sharing_consent_recorded_at, sharing_consent_confirmed_by, sharing_consent_confirmed_at)
                select c.id, contact.id, c.position, c.known_child_id, c.first_name, c.last_name, c.surname_key,
                    c.date_of_birth, c.expected_date_of_birth, c.gender, c.nhs_number, c.address_line1,
                    c.address_line2, c.town, c.postcode, c.postcode_key, c.school, c.referrals, c.contacts,
                    c.re_referral, c.same_day_first, c.open_case_id, c.status, false, c.care_leaver, c.young_adult,
                    c.consent, c.consent_by, c.consent_at, c.confirmed_by, c.confirmed_at
                from contact, unnest(cast(?25 as uuid[]), cast(?26 as int[]), cast(?27 as uuid[]), cast(?28 as text[]),
                    cast(?29 as text[]), cast(?30 as text[]), cast(?31 as date[]), cast(?32 as date[]),
                    cast(?33 as text[]), cast(?34 as text[]), cast(?35 as text[]), cast(?36 as text[]),
                    cast(?37 as text[]), cast(?38 as text[]), cast(?39 as text[]), cast(?40 as text[]),
                    cast(?41 as int[]), cast(?42 as int[]), cast(?43 as boolean[]), cast(?44 as uuid[]),
                    cast(?45 as uuid[]), cast(?46 as text[]), cast(?47 as boolean[]), cast(?48 as boolean[]),
                    cast(?49 as text[]), cast(?50 as text[]), cast(?51 as timestamptz[]), cast(?52 as text[]),
                    cast(?53 as timestamptz[]))
                    as c(id, position, known_child_id, first_name, last_name, surname_key, date_of_birth,
                        expected_date_of_birth, gender, nhs_number, address_line1, address_line2, town, postcode,
                        postcode_key, school, referrals, contacts, re_referral, same_day_first, open_case_id, status,
                        care_leaver, young_adult, consent, consent_by, consent_at, confirmed_by, confirmed_at)),
            received as (
                insert into timeline_entry (referral_id, child_id, kind, occurred_at, summary, detail, source_event_id)
                select id, null, 'RECEIVED', cast(?4 as timestamptz), 'Contact received', cast('{}' as jsonb), null
                from contact)
            select reference from contact""";

    @Inject
    EntityManager em;

    @Inject
    ReferralConfig config;

    @PostConstruct
    void checkPrefix() {
        if (!PREFIX.matcher(config.referencePrefix()).matches()) {
            throw new IllegalStateException("frontdoor.referral.reference-prefix must be a capital letter and up to 9"
                    + " capitals or digits, not '" + config.referencePrefix() + "'");
        }
    }

    /** Records the contact (its children matched) and returns its new reference. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String record(Referral r) {
        List<ReferralChild> c = r.children;
        Object[] params = {
            LocalDate.ofInstant(r.receivedAt, WorkingCalendar.ENGLAND).getYear(), config.referencePrefix(),
            r.id.toString(), r.receivedAt.toString(), r.acknowledgementDueBy.toString(), r.sourceCode,
            r.referrerKind, r.organisationId, r.organisationName, r.referrerName, r.referrerRole, r.referrerEmail,
            r.referrerPhone, r.externalReference, r.submittedBy, r.submittedRole, r.concernSummary,
            EntityJson.write(r.indicators), r.immediateRisk, EntityJson.write(r.householdMembers), r.familyAware,
            r.consentGiven, r.reasonWithoutConsent, r.status.name(),
            TextArrays.of(c, x -> x.id), TextArrays.of(c, x -> x.position), TextArrays.of(c, x -> x.knownChildId),
            TextArrays.of(c, x -> x.firstName), TextArrays.of(c, x -> x.lastName), TextArrays.of(c, x -> x.surnameKey),
            TextArrays.of(c, x -> x.dateOfBirth), TextArrays.of(c, x -> x.expectedDateOfBirth),
            TextArrays.of(c, x -> x.gender), TextArrays.of(c, x -> x.nhsNumber), TextArrays.of(c, x -> x.addressLine1),
            TextArrays.of(c, x -> x.addressLine2), TextArrays.of(c, x -> x.town), TextArrays.of(c, x -> x.postcode),
            TextArrays.of(c, x -> x.postcodeKey), TextArrays.of(c, x -> x.school),
            TextArrays.of(c, x -> x.referralsLast12Months), TextArrays.of(c, x -> x.contactsLast12Months),
            TextArrays.of(c, x -> x.reReferral), TextArrays.of(c, x -> x.sameDayFirstReferralId),
            TextArrays.of(c, x -> x.openCaseId), TextArrays.of(c, x -> x.status),
            TextArrays.of(c, x -> x.careLeaver), TextArrays.of(c, x -> x.youngAdult),
            TextArrays.of(c, x -> x.sharingConsent), TextArrays.of(c, x -> x.sharingConsentRecordedBy),
            TextArrays.of(c, x -> x.sharingConsentRecordedAt), TextArrays.of(c, x -> x.sharingConsentConfirmedBy),
            TextArrays.of(c, x -> x.sharingConsentConfirmedAt) };
        var query = em.createNativeQuery(RECORD);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return (String) query.getSingleResult();
    }
}
