-- This service's copy of the partner directory (kept by the notification service, published as partner.changed
-- on the compacted topic partner-events): only what is needed to check an organisation id given to this
-- service. No contact details. Rebuilt from the topic when lost.
create table partner_directory_copy (
    id               varchar(100)  primary key,
    name             varchar(200)  not null,
    agency_type      varchar(40)   not null,
    cin_source_code  varchar(4)    not null,
    active           boolean       not null,
    version          bigint        not null,
    received_at      timestamptz   not null default now()
);
