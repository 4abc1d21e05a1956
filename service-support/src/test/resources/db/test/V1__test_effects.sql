-- What the test consumer does for each event; no unique key, so a repeated effect would show.
create table test_effect (
    id        bigserial primary key,
    event_id  uuid not null
);
