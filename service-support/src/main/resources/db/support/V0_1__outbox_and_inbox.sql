-- Shared by every service (service-support): the transactional outbox and the consumer inbox.
-- Service migrations start at V1 so that these always run first.

create table outbox_event (
    id            bigserial primary key,          -- publication order
    event_id      uuid          not null unique,
    topic         varchar(200)  not null,
    message_key   varchar(200)  not null,         -- the referral id: keeps one referral's events in order
    event_type    varchar(100)  not null,
    payload       text          not null,         -- the whole envelope as JSON, exactly as published
    created_at    timestamptz   not null default now(),
    published_at  timestamptz,
    attempts      integer       not null default 0,
    last_error    varchar(2000),
    dead_at       timestamptz                     -- the broker refused it for good; ops can retry
);

create index outbox_event_pending_idx on outbox_event (id) where published_at is null and dead_at is null;
create index outbox_event_published_idx on outbox_event (published_at) where published_at is not null;

create table inbox_event (
    consumer      varchar(100)  not null,
    event_id      uuid          not null,
    event_type    varchar(100)  not null,
    processed_at  timestamptz   not null default now(),
    primary key (consumer, event_id)
);
