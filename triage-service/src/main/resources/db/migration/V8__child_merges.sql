-- A child's records joined and separated by the MASH (issue 26). A record is the referral service's known child
-- (or one contact's child, when it was not matched): triage_item.known_child_id, else child_id. Merges form a
-- forest; a record's root is the record its data counts under now (triage_item.child_key).

-- Two records found to be one child. The row stays when the merge is undone, as the record of both decisions.
create table child_merge (
    id              uuid          primary key,
    survivor        uuid          not null,
    duplicate       uuid          not null,
    reason          text          not null,
    merged_by       varchar(200)  not null,
    merged_at       timestamptz   not null,
    unmerged_by     varchar(200),
    unmerged_at     timestamptz,
    unmerge_reason  text,
    check (survivor <> duplicate)
);

-- A record is merged into at most one other at a time.
create unique index child_merge_active_idx on child_merge (duplicate) where unmerged_at is null;
create index child_merge_survivor_idx on child_merge (survivor) where unmerged_at is null;

-- "Not the same child": a possible match a person rejected, so it is not offered again. Stored in both orders.
create table child_not_same (
    child_key    uuid          not null,
    other_key    uuid          not null,
    reason       text          not null,
    recorded_by  varchar(200)  not null,
    recorded_at  timestamptz   not null,
    primary key (child_key, other_key)
);

-- The record a record's data counts under now: up the active merges to the top (a chain is short; 50 bounds a loop
-- that the merge service's checks never let happen).
create function child_root(k uuid) returns uuid language sql stable as $$
    with recursive up (key, depth) as (
        select k, 0
        union all
        select m.survivor, up.depth + 1 from child_merge m join up on m.duplicate = up.key
        where m.unmerged_at is null and up.depth < 50)
    select key from up order by depth desc limit 1
$$;

-- A case remembers the record it was opened for, so an unmerge gives it back; known_child_id follows the root.
alter table care_case add column recorded_known_child_id uuid;
update care_case set recorded_known_child_id = known_child_id;

-- A merged record's characteristics are kept (an unmerge needs them back) but no longer returned in the census.
alter table child_characteristics add column merged_into uuid;
