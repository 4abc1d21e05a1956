-- Issue 12: every contact is screened, decisions that risk demands wait for a manager's approval,
-- a real staff directory linked to the identity provider, cases that wait for allocation rather than
-- fail, and versions for If-Match.

-- The staff directory (was: six lead workers seeded by V2). Managed by team managers through the API.
alter table worker rename to staff;
alter table staff
    add column subject         varchar(200),    -- the identity provider's subject (token sub)
    add column email           varchar(320),
    add column role            varchar(30),
    add column caseload_limit  integer,         -- null: the configured maximum
    add column version         bigint        not null default 0;
alter table staff alter column pathway drop not null;  -- null: holds no cases (triage workers, managers)
update staff set role = case pathway when 'SOCIAL_CARE' then 'SOCIAL_WORKER' else 'EARLY_HELP_PRACTITIONER' end;
alter table staff alter column role set not null;
create unique index staff_subject_idx on staff (subject);
-- Production migrations hold no people: V2's starting team goes, unless a case was allocated to one of them.
delete from staff s
 where s.id in ('sw-ali-khan', 'sw-beth-morgan', 'sw-carl-osei', 'eh-dana-price', 'eh-ed-walsh', 'eh-fay-lindqvist')
   and not exists (select 1 from care_case c where c.lead_worker = s.id);

-- Contacts about a child with an open case were parked with its lead worker, unscreened: back to the queue.
update triage_item set status = 'NEW', assigned_to = null, assigned_at = null, to_allocated_worker = false, case_id = null
 where status = 'WITH_ALLOCATED_WORKER';

alter table triage_item
    add column version                     bigint        not null default 0,
    add column open_case_pathway           varchar(20),
    add column became_referral             boolean       not null default false,
    add column referral_date               date,          -- CIN referral date: the contact's date in England
    add column requested_lead_worker       varchar(100),  -- kept with a decision awaiting approval
    add column allocation_override_reason  text,
    add column approval_requested_at       timestamptz,
    add column approved_at                 timestamptz,
    add column sent_back_by                varchar(200),
    add column sent_back_at                timestamptz,
    add column sent_back_reason            text;
update triage_item set became_referral = true, referral_date = (received_at at time zone 'Europe/London')::date
 where status = 'DECIDED' and outcome in ('SOCIAL_CARE_ASSESSMENT', 'STRATEGY_DISCUSSION');
create index triage_item_approval_idx on triage_item (status, approval_requested_at) where status = 'AWAITING_APPROVAL';

-- A case waits for a manager's allocation when no worker of its pathway has room.
alter table care_case
    alter column lead_worker drop not null,
    add column allocation_due_by  timestamptz,
    add column version            bigint        not null default 0;
create index care_case_awaiting_idx on care_case (allocation_due_by) where status = 'OPEN' and lead_worker is null;
-- One open case per known child: two decisions at once can never open two.
create unique index care_case_one_open_idx on care_case (known_child_id) where status = 'OPEN' and known_child_id is not null;

-- What a member of staff is told at once: a contact about a child of their case, a case given to or taken from them.
create table staff_alert (
    id              bigserial     primary key,
    staff_id        varchar(100)  not null references staff (id),
    at              timestamptz   not null,
    kind            varchar(40)   not null,
    case_id         uuid,
    triage_item_id  uuid,
    referral_id     uuid,
    message         varchar(500)  not null,
    read_at         timestamptz
);
create index staff_alert_staff_idx on staff_alert (staff_id, at desc);
