-- Issue 13: the partner directory. The organisations the partnership works with, by the id their systems carry
-- in the token's org claim (and triage lists in a case's partnerAgencies). A message to an organisation goes by
-- its webhook subscription, else to its contact email(s) here, else it is a "could not inform" task.
-- Shaped to be published later (a partner-events topic, keyed by id, for referral- and triage-service to validate
-- recipients against): one row per organisation, a version that grows with every change, never deleted
-- (deactivated instead), so a consumer can keep the newest version of each.
create table partner_organisation (
    id               varchar(100)  primary key check (id ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$'),
    name             varchar(200)  not null,
    agency_type      varchar(30)   not null,   -- SCHOOL, EDUCATION, POLICE, HEALTH, HOUSING, LOCAL_AUTHORITY, ...
    cin_source_code  varchar(3)    not null,   -- CIN census referral source, professional codes only (2A-8)
    contact_emails   jsonb         not null default '[]'::jsonb,   -- for secure email, in the order given
    active           boolean       not null default true,
    version          bigint        not null default 0,
    created_at       timestamptz   not null,
    created_by       varchar(200)  not null,
    updated_at       timestamptz   not null,
    updated_by       varchar(200)  not null
);

create index partner_organisation_type_idx on partner_organisation (agency_type, active);

alter table notification alter column follow_up_reason type varchar(30);  -- adds INACTIVE_RECIPIENT
