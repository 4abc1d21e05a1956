-- Issue 28: a short human reference per contact (such as FD-2026-004213: the council's prefix, the year in England,
-- a number within the year), what people quote instead of a UUID. The number comes from one counter row per year,
-- taken at intake in the contact's own transaction, so a number is never given twice; a contact's reference never
-- changes. Contacts taken before this have none (their messages and pages quote what they did before).
create table contact_reference_counter (
    year         integer  primary key,
    last_number  integer  not null check (last_number > 0)
);

alter table referral add column reference varchar(30);
create unique index referral_reference_idx on referral (reference);
