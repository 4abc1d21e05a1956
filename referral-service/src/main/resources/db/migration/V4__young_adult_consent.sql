-- Young adults (18+, care leavers up to 25): their explicit consent to share anything about them with a partner.
-- young_adult is decided once, at the contact, by YoungAdultRule (configured ages).
alter table referral_child
    add column care_leaver                  boolean       not null default false,
    add column young_adult                  boolean       not null default false,
    add column sharing_consent              varchar(20)   not null default 'NOT_RECORDED',  -- GIVEN, REFUSED, NOT_RECORDED
    add column sharing_consent_recorded_by  varchar(200),
    add column sharing_consent_recorded_at  timestamptz;
