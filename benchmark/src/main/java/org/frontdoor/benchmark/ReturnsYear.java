package org.frontdoor.benchmark;

/**
 * A year of work for the statutory returns, written straight into the triage database (set-based, in seconds):
 * {@link #REFERRALS} referrals in the 2019-20 census year, each with its child's characteristics, a social care
 * case (a third closed after the assessment, RC8), an s17 assessment (three quarters authorised, with factors)
 * and, for a fifth of the open ones, an s47 enquiry with its conference and, for half of those, a protection plan.
 * Marked with the organisation {@code bench-returns}, so {@link #DELETE} removes exactly it afterwards.
 */
final class ReturnsYear {

    static final int REFERRALS = 20_000;
    static final int CENSUS_YEAR = 2020;

    private ReturnsYear() {
    }

    static final String[] SEED = {
        """
        create temp table bench_year on commit drop as
        select n, gen_random_uuid() as referral_id, gen_random_uuid() as item_id, gen_random_uuid() as child_key,
               gen_random_uuid() as child_id, gen_random_uuid() as case_id,
               date '2019-04-01' + (n % 350) as referral_date
        from generate_series(1, """ + REFERRALS + ") n",
        """
        insert into triage_referral (referral_id, received_at, source_code, referrer_kind, organisation_id,
            organisation_name, immediate_risk, payload)
        select referral_id, (referral_date + time '10:00') at time zone 'Europe/London',
               (array['2A', '3A', '6', '5D', '8'])[1 + n % 5], 'PROFESSIONAL', 'bench-returns', 'Benchmark', false,
               '{}'
        from bench_year""",
        """
        insert into child_characteristics (child_key, la_child_id, sex, ethnicity, disabilities, upn_unknown,
            birth_date, updated_at, updated_by)
        select child_key, 'FD' || lpad(nextval('la_child_number')::text, 10, '0'),
               case when n % 2 = 0 then 'F' else 'M' end,
               (array['WBRI', 'MWBC', 'AIND', 'BAFR', 'OOTH', 'WOTH', 'APKN'])[1 + n % 7],
               case when n % 9 = 0 then '["LD"]' else '["NONE"]' end::jsonb, 'UN5',
               referral_date - (1200 + n % 4000), now(), 'benchmark'
        from bench_year""",
        """
        insert into care_case (id, referral_id, known_child_id, pathway, opened_pathway, lead_worker, status,
            opened_at, opened_by, closed_at, closed_by, closure_reason_code, closure_summary)
        select case_id, referral_id, child_key, 'SOCIAL_CARE', 'SOCIAL_CARE', null,
               case when n % 3 = 0 then 'CLOSED' else 'OPEN' end,
               (referral_date + time '12:00') at time zone 'Europe/London', 'benchmark',
               case when n % 3 = 0 then (referral_date + 60 + time '12:00') at time zone 'Europe/London' end,
               case when n % 3 = 0 then 'benchmark' end, case when n % 3 = 0 then 'RC8' end,
               case when n % 3 = 0 then 'No needs found.' end
        from bench_year""",
        """
        insert into triage_item (id, referral_id, child_id, known_child_id, child_key, position, received_at,
            queued_at, indicators, immediate_risk, suggested_level, suggestion_reasons, priority, deadline, status,
            to_allocated_worker, referrals_last_12_months, re_referral, decided_level, outcome, pathway,
            primary_need_code, rationale, referrer_feedback, decided_by, decided_at, met_deadline, case_id,
            became_referral, referral_date)
        select item_id, referral_id, child_id, child_key, child_key, 0,
               (referral_date + time '10:00') at time zone 'Europe/London',
               (referral_date + time '10:00') at time zone 'Europe/London', '[]', false, 4, '[]', 'AMBER',
               (referral_date + 1 + time '10:00') at time zone 'Europe/London', 'DECIDED', false, 0, false, 4,
               'SOCIAL_CARE_ASSESSMENT', 'SOCIAL_CARE', 'N' || (1 + n % 9), 'Benchmark.', 'Benchmark.', 'benchmark',
               (referral_date + time '11:00') at time zone 'Europe/London', true, case_id, true, referral_date
        from bench_year""",
        """
        insert into case_child (case_id, child_id, referral_id, triage_item_id, joined_at)
        select case_id, child_id, referral_id, item_id, (referral_date + time '12:00') at time zone 'Europe/London'
        from bench_year""",
        """
        insert into assessment (id, triage_item_id, started_on, due_on, child_seen, authorised_on, factors,
            requires_support, recorded_by, recorded_at, updated_by, updated_at)
        select gen_random_uuid(), item_id, referral_date + 1, referral_date + 63, true,
               case when n % 3 = 0 or n % 4 <> 0 then referral_date + 30 + n % 20 end,
               case when n % 3 = 0 then '["21"]' when n % 4 <> 0 then '["3A", "2B"]' else '[]' end::jsonb,
               case when n % 3 = 0 then false when n % 4 <> 0 then true end,
               'benchmark', now(), 'benchmark', now()
        from bench_year""",
        """
        insert into section47_enquiry (id, triage_item_id, strategy_discussion_on, started_on, icpc_due_on,
            icpc_on, icpc_not_required, plan_started_on, plan_category, recorded_by, recorded_at, updated_by,
            updated_at)
        select gen_random_uuid(), item_id, referral_date + 1, referral_date + 1, referral_date + 22, icpc,
               false, case when n % 2 = 0 then icpc end, case when n % 2 = 0 then 'NEG' end,
               'benchmark', now(), 'benchmark', now()
        from (select *, referral_date + 15 + case extract(isodow from referral_date + 15)
                                                  when 6 then 2 when 7 then 1 else 0 end as icpc
              from bench_year where n % 5 = 0 and n % 3 <> 0) s"""
    };

    /** Removes the seeded year, children's records last. */
    static final String[] DELETE = {
        "delete from section47_enquiry where triage_item_id in (select i.id from triage_item i join triage_referral r"
                + " on r.referral_id = i.referral_id where r.organisation_id = 'bench-returns')",
        "delete from assessment where triage_item_id in (select i.id from triage_item i join triage_referral r"
                + " on r.referral_id = i.referral_id where r.organisation_id = 'bench-returns')",
        "delete from case_child where referral_id in (select referral_id from triage_referral"
                + " where organisation_id = 'bench-returns')",
        "delete from child_characteristics where updated_by = 'benchmark'",
        "create temp table bench_items on commit drop as select i.id, i.case_id from triage_item i join triage_referral r"
                + " on r.referral_id = i.referral_id where r.organisation_id = 'bench-returns'",
        "delete from triage_item where id in (select id from bench_items)",
        "delete from care_case where id in (select case_id from bench_items)",
        "delete from triage_referral where organisation_id = 'bench-returns'",
        "delete from statutory_return where period = '" + CENSUS_YEAR + "' or period like '2019-10-01..%'"
    };
}
