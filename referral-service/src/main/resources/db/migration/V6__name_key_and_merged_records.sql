-- Knowing the child (issue 26); safe to run again (ChildMatchingTest does). Exact first name, surname and date of
-- birth now link a child on their own, so that a house move (another postcode) still finds the child:
-- 'name:<SURNAME>|<FIRST NAME>|<dob>', built as ChildMatcher builds it (name_key is V3's: the first name's key
-- exactly as Java's). Only for a child with a first name and a date of birth: twins (another first name) keep two
-- keys, an unborn child has none.
-- Each contact's child gives the key to the known child it was matched to, the earliest contact first: a key two
-- known children would share (one child recorded twice, at two addresses, before this key) stays with the first,
-- and the MASH can merge the two records (on conflict do nothing).
insert into child_identity (match_key, known_child_id)
select 'name:' || rc.surname_key || '|' || name_key(rc.first_name) || '|' || to_char(rc.date_of_birth, 'YYYY-MM-DD'),
       rc.known_child_id
  from referral_child rc
  join referral r on r.id = rc.referral_id
 where rc.date_of_birth is not null
   and rc.surname_key <> ''
   and name_key(rc.first_name) <> ''
 order by r.received_at, rc.position
on conflict do nothing;

-- Triage's merges of records (child.merged / child.unmerged), copied onto the known child: the forest of records
-- and each record's root, the record whose tree prior involvement and the open case are read across.
alter table known_child
    add column if not exists merged_into  uuid,  -- the record it is merged into now; null when merged into none
    add column if not exists merge_id     uuid,  -- the merge that merged it last, kept after its unmerge (repeats)
    add column if not exists root_id      uuid;  -- the top of its tree when that is another record; null for a root

create index if not exists known_child_root_idx on known_child (root_id) where root_id is not null;
create index if not exists known_child_merged_into_idx on known_child (merged_into) where merged_into is not null;
