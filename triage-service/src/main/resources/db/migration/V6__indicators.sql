-- Referrers told the outcome within target (an indicator with a target): what the notification service reports of
-- each outcome message (notification.sent / notification.failed), ids and times only.
create table feedback_delivery (
    notification_id  uuid          primary key,
    referral_id      uuid          not null,
    kind             varchar(30)   not null,
    due_by           timestamptz,
    delivered_at     timestamptz,            -- null: could not be delivered (failed)
    reported_at      timestamptz   not null
);
create index feedback_delivery_due_idx on feedback_delivery (kind, due_by);
