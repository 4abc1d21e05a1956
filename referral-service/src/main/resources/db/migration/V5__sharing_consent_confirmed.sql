-- A young adult's consent GIVEN counts only once the front door or a team manager confirmed it: a partner system
-- may report it with the contact, but its word alone shares nothing (issue 24). Who confirmed it, and when.
alter table referral_child
    add column sharing_consent_confirmed_by  varchar(200),
    add column sharing_consent_confirmed_at  timestamptz;

-- Consent recorded before this: confirmed where staff recorded it (a contact the front door keyed in, or the PUT,
-- which left a SHARING_CONSENT entry on the timeline); a partner's own report waits for confirmation.
update referral_child c
   set sharing_consent_confirmed_by = c.sharing_consent_recorded_by,
       sharing_consent_confirmed_at = c.sharing_consent_recorded_at
  from referral r
 where r.id = c.referral_id
   and c.sharing_consent = 'GIVEN'
   and (r.submitted_role <> 'partner'
        or exists (select 1 from timeline_entry t where t.child_id = c.id and t.kind = 'SHARING_CONSENT'));
