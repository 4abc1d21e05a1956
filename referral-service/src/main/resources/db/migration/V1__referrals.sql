-- Referrals (contacts) as received, the children they name, matching to known children,
-- the idempotency of submissions and the referrer-facing timeline.

create table referral (
    id                       uuid          primary key,
    received_at              timestamptz   not null,
    acknowledgement_due_by   timestamptz   not null,
    source_code              varchar(3)    not null,
    referrer_kind            varchar(20)   not null,
    organisation_id          varchar(100),              -- the partner's org claim; null when keyed by the front door
    organisation_name        varchar(200),
    referrer_name            varchar(200),
    referrer_role            varchar(200),
    referrer_email           varchar(320),
    referrer_phone           varchar(40),
    external_reference       varchar(100),
    submitted_by             varchar(200)  not null,
    submitted_role           varchar(40)   not null,
    concern_summary          text          not null,
    indicators               jsonb         not null,
    immediate_risk           boolean       not null,
    household_members        jsonb         not null,
    family_aware             boolean       not null,
    consent_given            boolean       not null,
    reason_without_consent   text,
    status                   varchar(30)   not null
);

create index referral_organisation_idx on referral (organisation_id, received_at);
create index referral_received_idx on referral (received_at);

-- One row per real child the front door has heard of; referrals point at it.
create table known_child (
    id                uuid         primary key,
    created_at        timestamptz  not null,
    open_case_id      uuid,
    open_case_worker  varchar(200)
);

-- The keys a child is recognised by: 'nhs:<number>' and 'demo:<SURNAME>|<dob>|<POSTCODE>'.
create table child_identity (
    match_key       varchar(300)  primary key,
    known_child_id  uuid          not null references known_child (id)
);

create table referral_child (
    id                          uuid          primary key,
    referral_id                 uuid          not null references referral (id),
    position                    integer       not null,
    known_child_id              uuid          not null references known_child (id),
    first_name                  varchar(100),
    last_name                   varchar(100)  not null,
    surname_key                 varchar(100)  not null,
    date_of_birth               date,
    expected_date_of_birth      date,
    gender                      varchar(1)    not null,
    nhs_number                  varchar(10),
    address_line1               varchar(200),
    address_line2               varchar(200),
    town                        varchar(100),
    postcode                    varchar(8),
    postcode_key                varchar(8),
    school                      varchar(200),
    referrals_last_12_months    integer       not null,
    re_referral                 boolean       not null,
    same_day_first_referral_id  uuid,
    open_case_id                uuid,
    status                      varchar(30)   not null,
    level                       integer,
    outcome                     varchar(40),
    referrer_feedback           text,
    decided_at                  timestamptz,
    case_closed_at              timestamptz,
    unique (referral_id, position)
);

create index referral_child_known_idx on referral_child (known_child_id);
create index referral_child_search_idx on referral_child (surname_key, date_of_birth);
create index referral_child_postcode_idx on referral_child (postcode_key);

create table idempotency_record (
    scope         varchar(200)  not null,   -- the partner organisation, or the front-door user
    idem_key      varchar(200)  not null,
    request_hash  varchar(64)   not null,
    referral_id   uuid          not null,
    response      text          not null,
    created_at    timestamptz   not null,
    primary key (scope, idem_key)
);

-- What happened to each child, as the referrer may see it. Filled from triage and notification events.
create table timeline_entry (
    id               bigserial     primary key,
    referral_id      uuid          not null references referral (id),
    child_id         uuid,
    kind             varchar(40)   not null,
    occurred_at      timestamptz   not null,
    summary          varchar(500)  not null,
    detail           jsonb,
    source_event_id  uuid
);

create index timeline_entry_referral_idx on timeline_entry (referral_id, occurred_at, id);
