-- Questions the MASH asks partner organisations about a contact's children, and their answers (issue 27). The
-- question and answer live here only: the notification service tells the organisation where to read it.
create table information_request (
    id               uuid          primary key,
    triage_item_id   uuid          not null references triage_item (id),
    referral_id      uuid          not null,
    organisation_id  varchar(100)  not null,
    question         text          not null,
    urgency          varchar(5)    not null,
    status           varchar(10)   not null,
    requested_by     varchar(200)  not null,
    requested_at     timestamptz   not null,
    deadline         timestamptz   not null,
    findings         text,
    declined_reason  text,
    answered_at      timestamptz,
    answered_by      varchar(200),
    chased_at        timestamptz
);

create index information_request_item_idx on information_request (triage_item_id, requested_at);
-- A partner's open requests, and the sweep for those past their deadline.
create index information_request_org_idx on information_request (organisation_id, status, deadline);
create index information_request_due_idx on information_request (deadline) where status = 'REQUESTED';

-- A decision made while requests were still open (REQUESTED or OVERDUE) says why it did not wait for them.
alter table triage_item add column open_requests_reason text;
