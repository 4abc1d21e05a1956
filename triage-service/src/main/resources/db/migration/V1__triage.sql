-- The MASH triage queue: the referral as received, one triage item per child, partner agency
-- checks, decisions, cases with their lead worker, steps and closure, and each one's history.

-- The referral content as triage received it (the referral.received payload), once per referral.
create table triage_referral (
    referral_id        uuid          primary key,
    received_at        timestamptz   not null,
    source_code        varchar(3)    not null,
    referrer_kind      varchar(20)   not null,
    organisation_id    varchar(100),
    organisation_name  varchar(200),
    immediate_risk     boolean       not null,
    payload            text          not null    -- the whole payload as JSON, as received
);

create index triage_referral_received_idx on triage_referral (received_at);

create table triage_item (
    id                          uuid          primary key,
    referral_id                 uuid          not null references triage_referral (referral_id),
    child_id                    uuid          not null unique,   -- the referral service's child id
    known_child_id              uuid,
    position                    integer       not null,
    received_at                 timestamptz   not null,
    queued_at                   timestamptz   not null,
    indicators                  jsonb         not null,
    immediate_risk              boolean       not null,
    suggested_level             integer       not null,
    suggestion_reasons          jsonb         not null,
    priority                    varchar(5)    not null,
    deadline                    timestamptz   not null,
    status                      varchar(30)   not null,
    assigned_to                 varchar(200),
    assigned_at                 timestamptz,
    to_allocated_worker         boolean       not null,
    referrals_last_12_months    integer       not null,
    re_referral                 boolean       not null,
    same_day_first_referral_id  uuid,
    open_case_id                uuid,
    open_case_worker            varchar(200),
    decided_level               integer,
    outcome                     varchar(40),
    pathway                     varchar(20),
    primary_need_code           varchar(2),
    rationale                   text,
    referrer_feedback           text,
    level_override_reason       text,
    approved_by                 varchar(200),
    decided_by                  varchar(200),
    decided_at                  timestamptz,
    met_deadline                boolean,
    case_id                     uuid
);

create index triage_item_queue_idx on triage_item (status, deadline);
create index triage_item_referral_idx on triage_item (referral_id, position);
create index triage_item_known_child_idx on triage_item (known_child_id);

-- Checks with partner agencies: who was asked, when, what was found.
create table partner_check (
    id              uuid          primary key,
    triage_item_id  uuid          not null references triage_item (id),
    agency          varchar(20)   not null,
    organisation    varchar(200),
    contact_name    varchar(200)  not null,
    checked_at      timestamptz   not null,
    findings        text          not null,
    recorded_by     varchar(200)  not null,
    recorded_at     timestamptz   not null
);

create index partner_check_item_idx on partner_check (triage_item_id, checked_at);

-- Lead workers (early help practitioners and social workers) cases are allocated to.
create table worker (
    id        varchar(100)  primary key,
    name      varchar(200)  not null,
    team      varchar(200)  not null,
    pathway   varchar(20)   not null,
    active    boolean       not null default true
);

create table care_case (
    id                   uuid          primary key,
    referral_id          uuid          not null,      -- the referral that opened it: the events' key
    known_child_id       uuid,
    pathway              varchar(20)   not null,      -- now
    opened_pathway       varchar(20)   not null,      -- when opened (metrics: early help that went to social care)
    lead_worker          varchar(100)  not null references worker (id),
    status               varchar(10)   not null,
    opened_at            timestamptz   not null,
    opened_by            varchar(200)  not null,
    closed_at            timestamptz,
    closed_by            varchar(200),
    closure_reason_code  varchar(3),
    closure_summary      text
);

create index care_case_worker_idx on care_case (lead_worker, status);
create index care_case_child_idx on care_case (known_child_id, status);

-- Each child (of each referral) a case covers.
create table case_child (
    case_id          uuid          not null references care_case (id),
    child_id         uuid          not null,
    referral_id      uuid          not null,
    triage_item_id   uuid          references triage_item (id),
    joined_at        timestamptz   not null,
    primary key (case_id, child_id)
);

create table case_step (
    id            bigserial     primary key,
    case_id       uuid          not null references care_case (id),
    direction     varchar(10)   not null,
    from_pathway  varchar(20)   not null,
    to_pathway    varchar(20)   not null,
    rationale     text          not null,
    panel_date    date,
    stepped_by    varchar(200)  not null,
    stepped_at    timestamptz   not null
);

create index case_step_case_idx on case_step (case_id, stepped_at);

-- What happened to an item or a case, for the worker (the audit log records every read as well).
create table triage_history (
    id            bigserial     primary key,
    subject_id    uuid          not null,    -- a triage item or a case
    at            timestamptz   not null,
    actor         varchar(200)  not null,
    action        varchar(40)   not null,
    detail        varchar(1000)
);

create index triage_history_subject_idx on triage_history (subject_id, at, id);
