-- What the referrer and partner agencies are told about a step (case.stepped's summary). The step's rationale is
-- the manager's internal reasoning and is no longer published.
alter table case_step add column partner_summary text;
