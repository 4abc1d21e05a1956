-- The W3C trace context of the request or event that wrote the row, put on the Kafka record as its traceparent
-- header, so the consumer's work continues the same trace.
alter table outbox_event add column trace_parent varchar(55);
