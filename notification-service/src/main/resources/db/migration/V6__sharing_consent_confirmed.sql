-- A young adult's consent GIVEN counts only once the front door or a team manager confirmed it (issue 24):
-- referral-service says so in its events (consent.confirmed). This service cannot tell who recorded a consent
-- stored before, so those rows keep the meaning they had (GIVEN shares); every event from now on says which.
alter table child_sharing add column consent_confirmed boolean not null default false;
update child_sharing set consent_confirmed = true where consent = 'GIVEN';
