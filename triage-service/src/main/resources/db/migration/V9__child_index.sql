-- The front door's tolerant index of children (issue 26): one row per record (triage_item.known_child_id, else
-- child_id) with the latest demographics from the latest contact about it, and the keys a candidate search looks
-- up, so that a misspelt name, a swapped or mistyped date of birth or a house move still finds the earlier record.
-- The keys are the database's own work (a trigger), so a plain insert of the base columns is enough.
create extension if not exists fuzzystrmatch;

-- Short forms of first names and the name they stand for (lower case). A sound-alike spelling (Kayden, Kaden) is
-- not a nickname: the phonetic codes find those.
create table child_nickname (
    name       text  primary key,
    canonical  text  not null
);

insert into child_nickname (name, canonical) values
    ('bill', 'william'), ('billy', 'william'), ('will', 'william'), ('willy', 'william'), ('liam', 'william'),
    ('kate', 'katherine'), ('katie', 'katherine'), ('kathy', 'katherine'), ('cathy', 'katherine'),
    ('kat', 'katherine'), ('catherine', 'katherine'), ('kathryn', 'katherine'), ('katharine', 'katherine'),
    ('jack', 'john'), ('johnny', 'john'), ('jonny', 'john'),
    ('bob', 'robert'), ('bobby', 'robert'), ('rob', 'robert'), ('robbie', 'robert'),
    ('alfie', 'alfred'), ('alf', 'alfred'), ('archie', 'archibald'), ('charlie', 'charles'),
    ('freddie', 'frederick'), ('freddy', 'frederick'), ('fred', 'frederick'), ('harry', 'henry'),
    ('ollie', 'oliver'), ('olly', 'oliver'), ('sam', 'samuel'), ('sammy', 'samuel'),
    ('jamie', 'james'), ('jim', 'james'), ('jimmy', 'james'), ('dan', 'daniel'), ('danny', 'daniel'),
    ('tom', 'thomas'), ('tommy', 'thomas'), ('ben', 'benjamin'), ('benny', 'benjamin'),
    ('alex', 'alexander'), ('matt', 'matthew'), ('mike', 'michael'), ('mikey', 'michael'),
    ('nick', 'nicholas'), ('joe', 'joseph'), ('joey', 'joseph'), ('josh', 'joshua'), ('jake', 'jacob'),
    ('zach', 'zachary'), ('zack', 'zachary'), ('theo', 'theodore'), ('ted', 'edward'), ('teddy', 'edward'),
    ('ed', 'edward'), ('eddie', 'edward'), ('ellie', 'eleanor'), ('liz', 'elizabeth'), ('lizzie', 'elizabeth'),
    ('beth', 'elizabeth'), ('betty', 'elizabeth'), ('izzy', 'isabella'), ('bella', 'isabella'),
    ('abby', 'abigail'), ('gabby', 'gabriella'), ('jess', 'jessica'), ('becky', 'rebecca'),
    ('lottie', 'charlotte'), ('sophie', 'sophia'), ('maddie', 'madison'), ('millie', 'amelia'),
    ('tilly', 'matilda'), ('evie', 'eve'), ('rosie', 'rose'), ('georgie', 'georgia'), ('vicky', 'victoria'),
    ('nat', 'natalie'), ('steve', 'steven'), ('stephen', 'steven'), ('chris', 'christopher'),
    ('tony', 'anthony'), ('andy', 'andrew'), ('drew', 'andrew'), ('pete', 'peter'), ('rick', 'richard'),
    ('ricky', 'richard'), ('dick', 'richard'), ('lenny', 'leonard'), ('leo', 'leonardo');

-- A name as compared: lower case letters only (hyphens, spaces and apostrophes dropped).
create function child_name_norm(t text) returns text language sql immutable as $$
    select nullif(lower(regexp_replace(coalesce(t, ''), '[^[:alpha:]]', '', 'g')), '')
$$;

-- A first name as the name it stands for (Bill: william), else itself.
create function child_first_canonical(t text) returns text language sql stable as $$
    select coalesce((select n.canonical from child_nickname n where n.name = child_name_norm(t)), child_name_norm(t))
$$;

-- The double metaphone code of a name (null for none).
create function child_name_code(t text) returns text language sql immutable as $$
    select nullif(dmetaphone(child_name_norm(t)), '')
$$;

-- The parts of a hyphenated (or double-barrelled) surname, each as compared; empty for a surname of one part.
create function child_surname_parts(t text) returns text[] language sql immutable as $$
    select case when cardinality(p) > 1 then p else '{}'::text[] end
    from (select array(select child_name_norm(x) from regexp_split_to_table(coalesce(t, ''), '[[:space:]-]+') x
                       where child_name_norm(x) is not null) as p) s
$$;

create table child_record (
    child_key              uuid          primary key,
    first_name             text,
    last_name              text,
    birth_date             date,
    postcode               text,
    nhs_number             text,
    recorded_at            timestamptz   not null,
    -- kept by child_record_keys() from the columns above
    first_norm             text,
    first_canonical        text,
    first_code             text,
    first_canonical_code   text,
    last_norm              text,
    last_code              text,
    last_soundex           text,
    last_part1             text,
    last_part1_code        text,
    last_part2             text,
    last_part2_code        text,
    postcode_norm          text,
    nhs_digits             text
);

create function child_record_keys() returns trigger language plpgsql as $$
declare
    parts text[] := child_surname_parts(new.last_name);
begin
    new.first_norm := child_name_norm(new.first_name);
    new.first_canonical := child_first_canonical(new.first_name);
    new.first_code := child_name_code(new.first_name);
    new.first_canonical_code := child_name_code(new.first_canonical);
    new.last_norm := child_name_norm(new.last_name);
    new.last_code := child_name_code(new.last_name);
    new.last_soundex := nullif(soundex(new.last_norm), '');
    new.last_part1 := parts[1];
    new.last_part1_code := child_name_code(parts[1]);
    new.last_part2 := parts[2];
    new.last_part2_code := child_name_code(parts[2]);
    new.postcode_norm := nullif(upper(regexp_replace(coalesce(new.postcode, ''), '[^[:alnum:]]', '', 'g')), '');
    new.nhs_digits := nullif(regexp_replace(coalesce(new.nhs_number, ''), '[^0-9]', '', 'g'), '');
    return new;
end
$$;

create trigger child_record_keys before insert or update of first_name, last_name, postcode, nhs_number
    on child_record for each row execute function child_record_keys();

-- Each way a candidate search looks a child up; none scans all children.
create index child_record_nhs_idx on child_record (nhs_digits) where nhs_digits is not null;
create index child_record_surname_born_idx on child_record (last_code, birth_date);
create index child_record_part1_born_idx on child_record (last_part1_code, birth_date) where last_part1_code is not null;
create index child_record_part2_born_idx on child_record (last_part2_code, birth_date) where last_part2_code is not null;
create index child_record_first_born_idx on child_record (first_code, birth_date);
create index child_record_canonical_born_idx on child_record (first_canonical_code, birth_date);
create index child_record_names_idx on child_record (last_code, first_code);
create index child_record_born_idx on child_record (birth_date);
create index child_characteristics_upn_idx on child_characteristics (upn) where upn is not null;

-- Children of contacts received before this migration: each record's latest contact.
insert into child_record (child_key, first_name, last_name, birth_date, postcode, nhs_number, recorded_at)
select distinct on (coalesce(i.known_child_id, i.child_id)) coalesce(i.known_child_id, i.child_id),
       ch ->> 'firstName', ch ->> 'lastName', (ch ->> 'dateOfBirth')::date, ch -> 'address' ->> 'postcode',
       ch ->> 'nhsNumber', i.received_at
from triage_item i
join triage_referral r on r.referral_id = i.referral_id
cross join lateral jsonb_array_elements(r.payload::jsonb -> 'children') ch
where (ch ->> 'childId')::uuid = i.child_id
order by coalesce(i.known_child_id, i.child_id), i.received_at desc;
