-- Issue 13: a message that cannot be delivered is a task for the front door, never only a FAILED row.
-- A FAILED row carries why it was given up (NO_CHANNEL or RETRIES_EXHAUSTED) and when; it stays on the
-- "could not inform" list until the front door has told the recipient by other means (status INFORMED_OTHERWISE,
-- with how, who and a note) or a retry sends it.
alter table notification add column follow_up_reason varchar(30);      -- NO_CHANNEL, RETRIES_EXHAUSTED
alter table notification add column gave_up_at timestamptz;
-- A webhook that kept failing, for a recipient with a known email address: sent by email instead. Once set, every
-- further attempt is by email, so the message never goes out by both.
alter table notification add column fallback_reason varchar(600);
alter table notification add column informed_at timestamptz;
alter table notification add column informed_how varchar(20);          -- PHONE, SECURE_EMAIL, LETTER, IN_PERSON
alter table notification add column informed_by varchar(200);
alter table notification add column informed_note varchar(1000);
alter table notification alter column last_error type varchar(1000);

create index notification_could_not_inform_idx on notification (due_by) where status = 'FAILED';
