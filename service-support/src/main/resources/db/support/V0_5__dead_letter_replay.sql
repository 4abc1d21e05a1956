-- Which dead letters ops have replayed through their consumer, when, by whom and with what outcome. The dead letters
-- themselves stay on their dead-letter topics (<topic>.dlq), as the consumer wrote them; a replay is recorded once.
create table dead_letter_replay (
    topic         varchar(249)  not null,
    partition     integer       not null,
    "offset"      bigint        not null,
    event_id      uuid,
    replayed_at   timestamptz   not null default now(),
    replayed_by   varchar(200)  not null,
    outcome       varchar(20)   not null,
    primary key (topic, partition, "offset")
);
