-- Who read or changed a child's record, what and when. Rows are only ever added.
create table audit_entry (
    id            bigserial primary key,
    at            timestamptz   not null default now(),
    actor         varchar(200)  not null,
    roles         varchar(200)  not null,
    organisation  varchar(200),
    action        varchar(60)   not null,
    referral_id   uuid,
    detail        varchar(1000)
);

create index audit_entry_referral_idx on audit_entry (referral_id, at);
create index audit_entry_actor_idx on audit_entry (actor, at);
