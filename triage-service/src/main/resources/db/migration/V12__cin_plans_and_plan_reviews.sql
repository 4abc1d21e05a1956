-- What the CIN census needs that the front door did not record (issue 28): a referral's child in need plans
-- (CINPlanDates), and a child protection plan's review conferences (CPPreviewDate) and changes of category of abuse
-- (LatestCategoryOfAbuse is the latest change's, else the plan's first category).

-- A child in need plan of a referral (the census's CIN episode): started, and ended once it ends.
create table cin_plan (
    id                uuid          primary key,
    triage_item_id    uuid          not null references triage_item (id),
    started_on        date          not null,
    ended_on          date,
    recorded_by       varchar(100)  not null,
    recorded_at       timestamptz   not null,
    updated_by        varchar(100)  not null,
    updated_at        timestamptz   not null,
    version           bigint        not null default 0,
    constraint cin_plan_dates check (ended_on is null or ended_on >= started_on)
);
create index cin_plan_item_idx on cin_plan (triage_item_id, started_on);

-- A review conference of the child protection plan an s47 enquiry's conference made: one per day.
create table protection_plan_review (
    id                    uuid          primary key,
    section47_enquiry_id  uuid          not null references section47_enquiry (id),
    reviewed_on           date          not null,
    recorded_by           varchar(100)  not null,
    recorded_at           timestamptz   not null,
    unique (section47_enquiry_id, reviewed_on)
);

-- The plan's category of abuse changed (at a review, or between): from that day it is this one. One per day.
create table protection_plan_category_change (
    id                    uuid          primary key,
    section47_enquiry_id  uuid          not null references section47_enquiry (id),
    changed_on            date          not null,
    category              varchar(3)    not null,   -- census category of abuse code
    recorded_by           varchar(100)  not null,
    recorded_at           timestamptz   not null,
    unique (section47_enquiry_id, changed_on)
);
