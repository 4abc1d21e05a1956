-- The audit trail is append-only to the service: a row, once written, is never changed, and is deleted only by the
-- retention job once past its period. A trigger refuses the rest whatever the role (the table's owner included,
-- short of altering the table), and a hash chain makes any change made around it visible (AuditChain).

-- a search keeps its criteria and the ids it found
alter table audit_entry alter column detail type varchar(8000);

-- the chain: each sealed row's hash covers its content and the hash of the row sealed before it
alter table audit_entry
    add column seal_seq  bigint unique,
    add column prev_hash char(64),
    add column hash      char(64);

create index audit_entry_unsealed_idx on audit_entry (id) where hash is null;
create index audit_entry_at_idx on audit_entry (at);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        -- the sealer's one change: chaining a row not sealed yet, its content untouched
        if old.hash is null and new.hash is not null
                and (new.id, new.at, new.actor, new.roles, new.organisation, new.action, new.referral_id, new.detail)
                    is not distinct from
                    (old.id, old.at, old.actor, old.roles, old.organisation, old.action, old.referral_id, old.detail)
        then
            return new;
        end if;
        raise exception 'audit entries cannot be changed' using errcode = '42501';
    elsif tg_op = 'DELETE' then
        -- set, for its own transaction only, by the retention job (AuditRetention)
        if current_setting('frontdoor.audit_retention', true) = 'on' then
            return old;
        end if;
        raise exception 'audit entries are deleted only by the retention job' using errcode = '42501';
    end if;
    raise exception 'the audit trail cannot be truncated' using errcode = '42501';
end
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();

revoke update, delete, truncate on audit_entry from public;
