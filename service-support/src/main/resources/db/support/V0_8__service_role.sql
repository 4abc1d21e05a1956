-- Least privilege. Where the service runs as a role of its own (placeholder app_role, from FRONTDOOR_DB_APP_ROLE;
-- docs/deployment.md, "Database roles"), not the owner that migrates the schema, that role reads and writes the
-- service's tables but cannot change or delete an audit entry, nor alter a table (so nor switch the append-only
-- trigger off), nor touch the migration history. The retention job deletes old audit entries through
-- prune_audit_entries, which runs as the owner and keeps at least six years. Where no such role exists (the local
-- run, a single-role deployment), the owner is the service and the trigger and hash chain are what protect the trail.

create function prune_audit_entries(cutoff timestamptz) returns bigint
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    deleted bigint;
begin
    -- the Limitation Act's six years (docs/retention.md): no caller prunes closer to now than that
    if cutoff > now() - interval '2190 days' then
        raise exception 'audit entries are kept at least six years' using errcode = '42501';
    end if;
    perform set_config('frontdoor.audit_retention', 'on', true);
    delete from audit_entry where at < cutoff;
    get diagnostics deleted = row_count;
    perform set_config('frontdoor.audit_retention', 'off', true);
    return deleted;
end
$$;
revoke all on function prune_audit_entries(timestamptz) from public;

do $$
declare
    app text := '${app_role}';
begin
    if not exists (select 1 from pg_roles where rolname = app) then
        return;
    end if;
    execute format('grant usage on schema public to %I', app);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage, select on all sequences in schema public to %I', app);
    -- and on what later migrations create (they run as this same owner)
    execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', app);
    execute format('alter default privileges in schema public grant usage, select on sequences to %I', app);
    -- the audit trail: added to and read; sealed (the hash columns only); pruned only through the function
    execute format('revoke update, delete, truncate on audit_entry from %I', app);
    execute format('grant update (seal_seq, prev_hash, hash) on audit_entry to %I', app);
    execute format('grant execute on function prune_audit_entries(timestamptz) to %I', app);
    execute format('revoke all on flyway_schema_history from %I', app);
end
$$;
