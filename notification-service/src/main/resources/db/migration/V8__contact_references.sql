-- Issue 28: messages a person can act on. The contact's short human reference (FD-2026-004213), quoted in every
-- message instead of a UUID, and for each child what names them in a message without their name: initials and the
-- month and year of birth (or, unborn, the month due), never the name, nor the day of birth. Contacts logged before
-- this have none of them: their messages quote the short form of the referral id and name children by position.
alter table referral_record add column reference varchar(30);

alter table referral_record_child
    add column initials  varchar(8),
    add column born_in   varchar(7),   -- YYYY-MM
    add column due_in    varchar(7);   -- YYYY-MM, an unborn child's
