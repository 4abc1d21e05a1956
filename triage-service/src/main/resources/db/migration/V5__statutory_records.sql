-- What the CIN census and Ofsted's Annex A need beyond screening (issue 14).

-- A child's characteristics, once per child the front door knows (the referral service's known child, or the
-- child of one contact when it was not matched). Seeded at intake from the contact; corrected by the MASH.
create sequence la_child_number;
create table child_characteristics (
    child_key            uuid          primary key,
    la_child_id          varchar(20)   not null unique,   -- the census LAchildID: letters and digits only
    sex                  varchar(1),                      -- census: M, F, U (unborn: U)
    ethnicity            varchar(4),                      -- census ethnicity code
    disabilities         jsonb         not null default '[]',
    upn                  varchar(13),
    former_upn           varchar(13),
    upn_unknown          varchar(3),
    birth_date           date,
    expected_birth_date  date,
    death_date           date,
    updated_at           timestamptz   not null,
    updated_by           varchar(100)  not null,
    version              bigint        not null default 0
);
alter table triage_item add column child_key uuid;
update triage_item set child_key = coalesce(known_child_id, child_id);
alter table triage_item alter column child_key set not null;
create index triage_item_child_key_idx on triage_item (child_key, received_at);
create index triage_item_referral_date_idx on triage_item (referral_date) where became_referral;

-- The s17 assessment of a referral (a CIN episode): started, authorised, the factors found at its end.
create table assessment (
    id                uuid          primary key,
    triage_item_id    uuid          not null references triage_item (id),
    started_on        date          not null,
    due_on            date          not null,              -- 45 working days from the referral (configurable)
    child_seen        boolean,
    authorised_on     date,
    factors           jsonb         not null default '[]',
    requires_support  boolean,                             -- Annex A list 4: assessed as needing LA support
    recorded_by       varchar(100)  not null,
    recorded_at       timestamptz   not null,
    updated_by        varchar(100)  not null,
    updated_at        timestamptz   not null,
    version           bigint        not null default 0
);
create index assessment_item_idx on assessment (triage_item_id);
create index assessment_open_idx on assessment (due_on) where authorised_on is null;

-- An s47 enquiry of a referral: the strategy discussion that started it, the initial child protection
-- conference (or that none was needed) and the child protection plan that followed.
create table section47_enquiry (
    id                      uuid          primary key,
    triage_item_id          uuid          not null references triage_item (id),
    strategy_discussion_on  date          not null,
    started_on              date          not null,
    icpc_due_on             date          not null,        -- 15 working days from the strategy discussion
    icpc_on                 date,
    icpc_not_required       boolean       not null default false,
    plan_started_on         date,
    plan_category           varchar(3),                    -- census category of abuse
    plan_ended_on           date,
    recorded_by             varchar(100)  not null,
    recorded_at             timestamptz   not null,
    updated_by              varchar(100)  not null,
    updated_at              timestamptz   not null,
    version                 bigint        not null default 0
);
create index section47_item_idx on section47_enquiry (triage_item_id);
create index section47_open_idx on section47_enquiry (icpc_due_on) where icpc_on is null and not icpc_not_required;

-- A return made: which one, by whom, how many children, so a later one gets the next serial number.
create table statutory_return (
    id            bigserial     primary key,
    kind          varchar(20)   not null,     -- CIN_CENSUS, ANNEX_A
    period        varchar(40)   not null,     -- 2027, or 2026-06-01..2026-12-01
    made_at       timestamptz   not null,
    made_by       varchar(100)  not null,
    children      integer       not null,
    rejected      integer       not null
);

-- Children screened before this migration get their record from their contact, as intake now makes it.
insert into child_characteristics (child_key, la_child_id, sex, birth_date, expected_birth_date, updated_at,
                                   updated_by)
select s.child_key, 'FD' || lpad(nextval('la_child_number')::text, 10, '0'),
       case when s.born is null and s.expected is not null then 'U'
            when s.gender in ('F', 'M') then s.gender else 'U' end,
       s.born, case when s.born is null then s.expected end, now(), 'migration'
from (select distinct on (i.child_key) i.child_key, (ch ->> 'dateOfBirth')::date as born,
             (ch ->> 'expectedDateOfBirth')::date as expected, ch ->> 'gender' as gender
      from triage_item i
      join triage_referral r on r.referral_id = i.referral_id
      cross join lateral jsonb_array_elements(r.payload::jsonb -> 'children') ch
      where (ch ->> 'childId')::uuid = i.child_id
      order by i.child_key, i.received_at desc) s;
