-- Demo staff for the local run and the tests, loaded by DemoStaff at start-up when frontdoor.triage.demo-staff
-- is true (never in production). Subjects match the development tokens (dev-<role>) and the local sign-ins.
insert into staff (id, subject, name, email, team, pathway, role, caseload_limit, active) values
    ('tw-tara-jones',    'dev-triage-worker', 'Tara Jones',    'tara.jones@council.example',    'MASH',              null,          'TRIAGE_WORKER',           null, true),
    ('tw-sam-patel',     'sam-patel',         'Sam Patel',     'sam.patel@council.example',     'MASH',              null,          'TRIAGE_WORKER',           null, true),
    ('tm-maya-reid',     'dev-team-manager',  'Maya Reid',     'maya.reid@council.example',     'MASH',              null,          'TEAM_MANAGER',            null, true),
    ('tm-owen-hart',     'owen-hart',         'Owen Hart',     'owen.hart@council.example',     'MASH',              null,          'TEAM_MANAGER',            null, true),
    ('sw-ali-khan',      'ali-khan',          'Ali Khan',      'ali.khan@council.example',      'Assessment team 1', 'SOCIAL_CARE', 'SOCIAL_WORKER',           null, true),
    ('sw-beth-morgan',   'beth-morgan',       'Beth Morgan',   'beth.morgan@council.example',   'Assessment team 1', 'SOCIAL_CARE', 'SOCIAL_WORKER',           null, true),
    ('sw-carl-osei',     'carl-osei',         'Carl Osei',     'carl.osei@council.example',     'Assessment team 2', 'SOCIAL_CARE', 'SOCIAL_WORKER',           null, true),
    ('eh-dana-price',    'dana-price',        'Dana Price',    'dana.price@council.example',    'Early help east',   'EARLY_HELP',  'EARLY_HELP_PRACTITIONER', null, true),
    ('eh-ed-walsh',      'ed-walsh',          'Ed Walsh',      'ed.walsh@council.example',      'Early help east',   'EARLY_HELP',  'EARLY_HELP_PRACTITIONER', null, true),
    ('eh-fay-lindqvist', 'fay-lindqvist',     'Fay Lindqvist', 'fay.lindqvist@council.example', 'Early help west',   'EARLY_HELP',  'EARLY_HELP_PRACTITIONER', null, true)
on conflict (id) do update set subject = excluded.subject, name = excluded.name, email = excluded.email,
    team = excluded.team, pathway = excluded.pathway, role = excluded.role;
