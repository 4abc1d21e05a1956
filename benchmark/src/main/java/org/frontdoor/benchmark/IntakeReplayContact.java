package org.frontdoor.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Intake's one write of a contact ({@code IntakeQueries.record} in the referral service): the year's reference
 * counter, the referral, its children and its timeline entry in one statement, with the same SQL and the values a
 * school's referral of new children has. Hibernate numbers its parameters ({@code ?1}); plain JDBC binds them in
 * order of appearance, so each is bound where it appears.
 */
final class IntakeReplayContact {

    /** IntakeQueries.RECORD as it stands there: keep the two in step. */
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
    private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

    private IntakeReplayContact() {
    }

    static String record(Connection c, UUID referralId, Timestamp now, String surname, List<UUID> childIds,
            List<String> nhs, List<LocalDate> births, List<UUID> known, ThreadLocalRandom r) throws SQLException {
        int n = childIds.size();
        String received = now.toInstant().toString();
        Object[] params = {
            now.toInstant().atZone(ZoneId.of("Europe/London")).getYear(), "FD", referralId.toString(), received,
            received, "2A", "PROFESSIONAL", "hillside-primary", "Hillside Primary School", "J. Patel",
            "Designated Safeguarding Lead", "dsl@hillside.example", null, "HPS-" + r.nextInt(1_000_000),
            "hillside-primary", "partner", "Arrived hungry most days this term; attendance has fallen to 81%. Seen"
                    + " with bruising once, explained as a fall.", "[\"POOR_ATTENDANCE\",\"SIGNS_OF_NEGLECT\"]", false,
            "[{\"name\":\"Carol " + surname + "\",\"relationship\":\"mother\"}]", true, true, null, "RECEIVED",
            texts(childIds), positions(n), texts(known), same(n, "Amy"), same(n, surname),
            same(n, surname.toUpperCase()), texts(births), same(n, null), same(n, "F"), texts(nhs),
            same(n, (1 + r.nextInt(200)) + " High St"), same(n, null), same(n, "Doncaster"), same(n, "DN1 1AA"),
            same(n, "DN11AA"), same(n, "Hillside Primary School"), same(n, "0"), same(n, "0"), same(n, "false"),
            same(n, null), same(n, null), same(n, "RECEIVED"), same(n, "false"), same(n, "false"),
            same(n, "NOT_RECORDED"), same(n, null), same(n, null), same(n, null), same(n, null) };
        List<Integer> order = new ArrayList<>();
        Matcher m = NUMBERED.matcher(RECORD);
        while (m.find()) {
            order.add(Integer.parseInt(m.group(1)));
        }
        try (PreparedStatement ps = c.prepareStatement(NUMBERED.matcher(RECORD).replaceAll("?"))) {
            for (int i = 0; i < order.size(); i++) {
                Object value = params[order.get(i) - 1];
                if (value instanceof String[] array) {
                    ps.setArray(i + 1, c.createArrayOf("varchar", array));
                } else if (value instanceof Integer year) {
                    ps.setInt(i + 1, year);
                } else if (value instanceof Boolean b) {
                    ps.setBoolean(i + 1, b);
                } else {
                    ps.setString(i + 1, (String) value);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String[] texts(List<?> values) {
        return values.stream().map(String::valueOf).toArray(String[]::new);
    }

    private static String[] positions(int n) {
        String[] p = new String[n];
        for (int i = 0; i < n; i++) {
            p[i] = String.valueOf(i);
        }
        return p;
    }

    private static String[] same(int n, String value) {
        String[] v = new String[n];
        java.util.Arrays.fill(v, value);
        return v;
    }
}
