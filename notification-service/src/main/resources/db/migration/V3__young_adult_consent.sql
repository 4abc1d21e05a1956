-- A young adult's (18+) consent to share with partners, per child: the facts SharingPolicy decides on.
-- referral-service decides who is a young adult (it alone knows the date of birth and the configured ages);
-- this service stores the flag and the consent status, never a name or date of birth.
create table child_sharing (
    child_id      uuid          primary key,
    referral_id   uuid          not null,
    young_adult   boolean       not null,
    consent       varchar(20)   not null,   -- GIVEN, REFUSED, NOT_RECORDED
    as_of         timestamptz   not null    -- occurredAt of the event it came from: a later event wins
);

-- Why a message is held back (status WITHHELD_NO_CONSENT), shown in GET /api/v1/notifications.
alter table notification add column withheld_reason varchar(300);
