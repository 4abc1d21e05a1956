-- What the notification service knows of each referral: who referred and how to reach them.
-- Never a child's name, date of birth or the concern text: messages name the child by position and id.
create table referral_record (
    referral_id             uuid          primary key,
    received_at             timestamptz   not null,
    source_code             varchar(3)    not null,
    referrer_kind           varchar(20)   not null,   -- PROFESSIONAL, INDIVIDUAL, ANONYMOUS, UNKNOWN
    organisation_id         varchar(100),             -- the partner's org claim, when a partner system submitted it
    organisation_name       varchar(200),
    referrer_name           varchar(200),
    referrer_email          varchar(320),
    external_reference      varchar(100),
    acknowledgement_due_by  timestamptz   not null,
    child_count             integer       not null
);

create table referral_record_child (
    child_id     uuid     primary key,
    referral_id  uuid     not null references referral_record (referral_id),
    position     integer  not null
);

-- A decision may arrive before its referral (two topics, no order between them): kept until it can be told.
create table child_decision (
    child_id     uuid          primary key,
    referral_id  uuid          not null,
    payload      jsonb         not null,
    event_id     uuid          not null,
    received_at  timestamptz   not null
);

-- A partner organisation's webhook: where to POST and the key to sign with.
create table subscription (
    organisation_id  varchar(100)   primary key,
    callback_url     varchar(2000)  not null,
    secret           varchar(300)   not null,
    created_at       timestamptz    not null,
    updated_at       timestamptz    not null,
    updated_by       varchar(200)   not null
);

-- One row per message owed to one recipient. The unique key makes every (referral, child, kind,
-- occurrence, recipient) exist once, whatever is redelivered or restarted.
create table notification (
    id                 uuid           primary key,
    referral_id        uuid           not null,
    child_id           uuid,                          -- null for the referral's acknowledgement
    kind               varchar(20)    not null,       -- ACKNOWLEDGEMENT, OUTCOME, CASE_STEPPED, CASE_CLOSED
    occurrence         varchar(100)   not null,       -- '' once per kind; a case step's event id; a closed case's id
    recipient_key      varchar(400)   not null,       -- org:<organisation id> or email:<address>
    recipient_org      varchar(100),
    recipient_email    varchar(320),
    status             varchar(20)    not null,       -- AWAITING_DECISION, PENDING, SENT, FAILED
    channel            varchar(10),                   -- WEBHOOK or EMAIL, once tried
    due_by             timestamptz    not null,
    latest_by          timestamptz,
    created_at         timestamptz    not null,
    ready_at           timestamptz,                   -- content known and delivery started
    delivered_at       timestamptz,
    attempts           integer        not null default 0,
    next_attempt_at    timestamptz,
    retry_window_start timestamptz,
    last_error         varchar(500),
    webhook_type       varchar(60),
    subject            varchar(300),
    text_body          text,
    data               jsonb,
    source_event_id    uuid,
    constraint notification_once unique nulls not distinct (referral_id, child_id, kind, occurrence, recipient_key)
);

create index notification_due_idx on notification (next_attempt_at) where status = 'PENDING';
create index notification_referral_idx on notification (referral_id, created_at);
create index notification_undelivered_idx on notification (due_by) where delivered_at is null;
create index notification_status_idx on notification (status, due_by);
