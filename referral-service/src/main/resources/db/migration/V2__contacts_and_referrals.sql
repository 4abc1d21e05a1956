-- Every submission is a contact. A child's contact becomes a referral (CIN census) when triage
-- decides on a statutory assessment: s17, or strategy discussion and s47 (triage.decided says so).

alter table referral_child
    add column became_referral          boolean      not null default false,
    add column referral_date            date,                      -- CIN referral date: the contact's date in England
    add column contacts_last_12_months  integer      not null default 0,
    add column open_case_pathway        varchar(20);               -- EARLY_HELP or SOCIAL_CARE, from triage.queued

-- Until now "referrals in the last 12 months" counted every earlier contact: that count is the contacts'.
update referral_child set contacts_last_12_months = referrals_last_12_months;

-- Decisions already applied: a statutory outcome made the contact a referral, dated the contact's day.
update referral_child rc
   set became_referral = true,
       referral_date = (r.received_at at time zone 'Europe/London')::date
  from referral r
 where r.id = rc.referral_id
   and rc.outcome in ('SOCIAL_CARE_ASSESSMENT', 'STRATEGY_DISCUSSION');

-- "Referrals in the last 12 months" now counts earlier referrals only, as ChildMatcher does: earlier
-- days within 12 months (the default of frontdoor.referral.re-referral-months), a day's contacts
-- once, as a referral when any of them became one.
with contact as (
    select rc.id, rc.known_child_id, rc.became_referral, r.id as referral_id, r.received_at,
           (r.received_at at time zone 'Europe/London')::date as day,
           coalesce(rc.same_day_first_referral_id, r.id) as day_first
      from referral_child rc
      join referral r on r.id = rc.referral_id
), earlier as (
    select c.id, count(distinct e.day_first) as referrals
      from contact c
      join contact e on e.known_child_id = c.known_child_id
                    and e.referral_id <> c.referral_id
                    and e.received_at >= c.received_at - interval '12 months'
                    and e.day < c.day
                    and e.became_referral
     group by c.id
)
update referral_child rc
   set referrals_last_12_months = coalesce(earlier.referrals, 0),
       re_referral = coalesce(earlier.referrals, 0) > 0
  from referral_child me
  left join earlier on earlier.id = me.id
 where me.id = rc.id;

-- A contact about a child with an open case is screened like any other: none waits with the allocated
-- worker any more. Contacts that did before this change keep WITH_ALLOCATED_WORKER: that is what happened.
