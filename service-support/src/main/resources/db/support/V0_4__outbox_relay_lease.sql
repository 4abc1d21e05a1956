-- Which instance publishes the outbox, until when. A lease with an expiry, renewed on every pass, instead of a
-- PostgreSQL advisory lock held across the broker's acknowledgement: an instance that dies mid-publish stops
-- holding it when the lease runs out (seconds), not when TCP keepalive notices (hours).
create table outbox_relay_lease (
    id          smallint      primary key check (id = 1),
    holder      varchar(200)  not null,
    expires_at  timestamptz   not null
);
