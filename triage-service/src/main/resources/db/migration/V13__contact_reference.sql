-- Issue 28: the contact's short human reference (FD-2026-004213) from referral.received, kept beside the referral
-- so that the console, the API and case events quote it without reading the stored payload. Contacts received
-- before references existed have none.
alter table triage_referral add column reference varchar(30);
update triage_referral set reference = cast(payload as jsonb) ->> 'reference' where reference is null;
