-- The demographic match key now carries the first name, so that twins (same surname, date of birth
-- and postcode) are two known children: 'demo:<SURNAME>|<FIRST NAME>|<dob>|<POSTCODE>', and the old
-- 'demo:<SURNAME>|<dob>|<POSTCODE>' only for a child without a first name. The NHS number still wins.
-- Safe to run again (ChildMatchingTest does): it only rewrites keys of the old form.

-- The first-name key, exactly as Surname.key builds it in Java: canonical decomposition, combining
-- marks dropped, upper case (with Java's full mappings that canonical decomposition leaves alone,
-- such as sharp s to SS), then letters and digits only. pg_c_utf8 makes upper case and [[:alnum:]]
-- the same in every database locale. The marks dropped are those of Latin, Greek, Cyrillic, Hebrew
-- and Arabic script; ChildMatchingTest checks the two agree on names in these scripts and in CJK.
create or replace function name_key(name text) returns text
    language sql immutable strict parallel safe
as $$
    select regexp_replace(
        upper(
            replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
                regexp_replace(normalize(name, NFD) collate pg_c_utf8,
                    '[\u0300-\u036F\u0483-\u0489\u0591-\u05C7\u0610-\u061A\u064B-\u065F\u0670'
                    || '\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]', '', 'g'),
            'ß', 'SS'), 'ﬀ', 'FF'), 'ﬁ', 'FI'), 'ﬂ', 'FL'), 'ﬃ', 'FFI'), 'ﬄ', 'FFL'), 'ﬅ', 'ST'), 'ﬆ', 'ST'),
            'ŉ', 'ʼN'), 'և', 'ԵՒ')
            collate pg_c_utf8),
        '[^[:alnum:]]', '', 'g')
$$;

-- Each old key becomes one key per first name of the children recorded under it, for the same known
-- child, so existing children keep matching. Twins merged under an old key stay merged: splitting
-- them is a decision for a person, not a migration.
insert into child_identity (match_key, known_child_id)
select distinct 'demo:' || rc.surname_key || '|' || name_key(rc.first_name) || '|'
           || to_char(rc.date_of_birth, 'YYYY-MM-DD') || '|' || rc.postcode_key,
       ci.known_child_id
  from referral_child rc
  join child_identity ci
    on ci.match_key = 'demo:' || rc.surname_key || '|' || to_char(rc.date_of_birth, 'YYYY-MM-DD') || '|'
                      || rc.postcode_key
 where name_key(rc.first_name) <> ''
on conflict do nothing;

delete from child_identity ci
 where ci.match_key like 'demo:%'
   and array_length(string_to_array(ci.match_key, '|'), 1) = 3
   and exists (select 1
                 from referral_child rc
                where ci.match_key = 'demo:' || rc.surname_key || '|' || to_char(rc.date_of_birth, 'YYYY-MM-DD')
                                     || '|' || rc.postcode_key
                  and name_key(rc.first_name) <> '');
