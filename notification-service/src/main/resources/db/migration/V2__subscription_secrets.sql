-- Webhook secrets are kept encrypted (AES-256-GCM under frontdoor.notification.secret-key, which the database
-- never sees), and a partner can rotate its secret with an overlap during which both secrets sign.
-- SQL cannot encrypt without the key: at start-up the service encrypts every secret still in plain text into
-- secret_encrypted and clears secret (secrets.PlaintextSecrets). A later version drops the plain column.
alter table subscription alter column secret drop not null;
alter table subscription add column secret_encrypted text;
alter table subscription add column previous_secret_encrypted text;
alter table subscription add column previous_secret_valid_until timestamptz;
alter table subscription add constraint subscription_has_secret
    check (secret is not null or secret_encrypted is not null);
alter table subscription add constraint subscription_previous_secret_has_end
    check ((previous_secret_encrypted is null) = (previous_secret_valid_until is null));
