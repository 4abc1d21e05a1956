-- Four eyes by the person, not the record (docs/domain.md, "Four eyes"): who acted is kept by staff id and by the
-- sign-in's subject (sub), so that editing the staff directory cannot make one person two.

alter table triage_item add column decided_by_subject varchar(200);
alter table triage_item add column approved_by_subject varchar(200);
-- decisions made before: the subject their decider's record has now (the best there is)
update triage_item i set decided_by_subject = s.subject from staff s where s.id = i.decided_by;
update triage_item i set approved_by_subject = s.subject from staff s where s.id = i.approved_by;

-- null for the system and for entries written before this migration
alter table triage_history add column actor_subject varchar(200);

-- Every subject ever linked to a staff record: once linked, a subject moves only by another manager.
create table staff_subject_link (
    id                  bigserial     primary key,
    subject             varchar(200)  not null,
    staff_id            varchar(100)  not null,
    linked_at           timestamptz   not null,
    linked_by           varchar(200)  not null,
    linked_by_subject   varchar(200),
    unlinked_at         timestamptz,
    unlinked_by         varchar(200),
    unlinked_by_subject varchar(200)
);
create index staff_subject_link_subject_idx on staff_subject_link (subject);
insert into staff_subject_link (subject, staff_id, linked_at, linked_by)
    select subject, id, now(), 'migration' from staff where subject is not null;

-- A case opened from an immediate-risk contact: closing or stepping it in its first working days needs a second
-- manager.
alter table care_case add column opened_on_immediate_risk boolean not null default false;
update care_case c set opened_on_immediate_risk = true where exists (select 1 from triage_item i
    where i.case_id = c.id and i.referral_id = c.referral_id and i.immediate_risk);

-- A close or step of such a case, waiting for a second manager (or approved, or declined).
create table case_change_request (
    id                         uuid          primary key,
    case_id                    uuid          not null references care_case (id) on delete cascade,
    kind                       varchar(10)   not null,    -- CLOSE, STEP
    status                     varchar(10)   not null,    -- PENDING, APPROVED, DECLINED
    reason_code                varchar(10),
    summary                    varchar(10000),
    direction                  varchar(10),
    to_pathway                 varchar(20),
    rationale                  varchar(10000),
    partner_summary            varchar(5000),
    panel_date                 date,
    lead_worker                varchar(100),
    allocation_override_reason varchar(2000),
    requested_by               varchar(200)  not null,
    requested_by_subject       varchar(200)  not null,
    requested_at               timestamptz   not null,
    reviewed_by                varchar(200),
    reviewed_by_subject        varchar(200),
    reviewed_at                timestamptz,
    decline_reason             varchar(2000),
    version                    bigint        not null default 0
);
create index case_change_request_case_idx on case_change_request (case_id, status);
create unique index case_change_request_one_pending on case_change_request (case_id) where status = 'PENDING';

-- Authorising an assessment and ruling out a conference are a team manager's acts, kept with who.
alter table assessment add column authorised_by varchar(200);
alter table assessment add column authorised_by_subject varchar(200);
alter table section47_enquiry add column icpc_not_required_by varchar(200);
alter table section47_enquiry add column icpc_not_required_by_subject varchar(200);
