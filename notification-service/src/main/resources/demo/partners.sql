-- Demo partner organisations for the local run and the tests, loaded by DemoPartners at start-up when
-- frontdoor.notification.demo-partners is true (never in production, where the front door keeps the directory
-- through /api/v1/partners). Inserted only when missing, so a change made through the API survives a restart;
-- the rows inserted are published (partner.changed) like any other change.
insert into partner_organisation (id, name, agency_type, cin_source_code, contact_emails, active, version,
        created_at, created_by, updated_at, updated_by) values
    ('hillside-primary',       'Hillside Primary School',            'SCHOOL',           '2A', '["safeguarding@hillside-primary.example"]',                        true, 0, now(), 'demo-seed', now(), 'demo-seed'),
    ('oakwood-academy',        'Oakwood Academy',                    'SCHOOL',           '2A', '["dsl@oakwood-academy.example", "head@oakwood-academy.example"]', true, 0, now(), 'demo-seed', now(), 'demo-seed'),
    ('south-yorkshire-police', 'South Yorkshire Police (PVP unit)',  'POLICE',           '6',  '["mash.referrals@south-yorkshire-police.example"]',               true, 0, now(), 'demo-seed', now(), 'demo-seed'),
    ('doncaster-health',       'Doncaster Health Visiting Service',  'HEALTH',           '3B', '["safeguarding.hv@doncaster-health.example"]',                    true, 0, now(), 'demo-seed', now(), 'demo-seed'),
    ('doncaster-housing',      'Doncaster Housing Options',          'HOUSING',          '4',  '["housing.safeguarding@doncaster-housing.example"]',              true, 0, now(), 'demo-seed', now(), 'demo-seed'),
    ('family-action-doncaster','Family Action Doncaster',            'VOLUNTARY',        '8',  '[]',                                                              true, 0, now(), 'demo-seed', now(), 'demo-seed')
on conflict (id) do nothing
returning id;
