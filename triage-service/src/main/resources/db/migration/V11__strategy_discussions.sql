-- Strategy discussions held about a contact's child (issue 27): when, who attended (staff and partner agencies from
-- the directory), what each agency shared, the decision and the minutes. The minutes and what was shared live here
-- only: the attending agencies are told the outcome (strategy-discussion.held), never the minutes.
create table strategy_discussion (
    id                           uuid          primary key,
    triage_item_id               uuid          not null references triage_item (id),
    referral_id                  uuid          not null,
    held_at                      timestamptz   not null,
    section47_enquiry            boolean       not null,
    immediate_protective_action  text,
    minutes                      text          not null,
    recorded_by                  varchar(200)  not null,
    recorded_at                  timestamptz   not null
);

create index strategy_discussion_item_idx on strategy_discussion (triage_item_id, held_at);

-- The partner agencies invited: an organisation of the partner directory, its agency type then, whether it attended.
create table strategy_discussion_agency (
    discussion_id    uuid          not null references strategy_discussion (id) on delete cascade,
    organisation_id  varchar(100)  not null,
    agency_type      varchar(40)   not null,
    attended         boolean       not null,
    shared           text,
    primary key (discussion_id, organisation_id)
);

-- The front door's staff who took part, by staff directory id.
create table strategy_discussion_staff (
    discussion_id  uuid          not null references strategy_discussion (id) on delete cascade,
    staff_id       varchar(200)  not null,
    primary key (discussion_id, staff_id)
);
