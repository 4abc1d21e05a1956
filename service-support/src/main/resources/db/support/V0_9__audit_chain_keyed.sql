-- The hash chain keyed (AuditChain): each entry sealed from now on carries an HMAC-SHA256 under
-- frontdoor.audit.chain-key, a key kept outside the database (environment, Kubernetes Secret), so whoever can edit
-- the table cannot re-chain it: a plain SHA-256 recomputed over an edited row no longer passes the check.
-- seal_alg says how each entry was sealed: 1 = SHA-256, unkeyed (every entry sealed before this migration keeps
-- it: a sealed entry is never changed), 2 = HMAC-SHA256. The first keyed entry after unkeyed ones is the sealer's
-- own audit.chain-keyed entry, whose MAC covers the last unkeyed hash: the unkeyed part is pinned from there on,
-- and an unkeyed entry after a keyed one breaks the chain.
alter table audit_entry add column seal_alg smallint default 1;
alter table audit_entry alter column seal_alg drop default;
alter table audit_entry add constraint audit_entry_seal_alg_check check (seal_alg in (1, 2));

do $$
declare
    app text := '${app_role}';
begin
    if not exists (select 1 from pg_roles where rolname = app) then
        return;
    end if;
    -- the sealer sets it with the hash columns, on an entry not sealed yet (the append-only trigger)
    execute format('grant update (seal_alg) on audit_entry to %I', app);
end
$$;
