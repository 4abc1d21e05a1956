-- The partner directory copy the tests' partners stand in: the demo school, active, and a school that was
-- deactivated (PartnerGateTest); two active schools whose allowances RateLimitTest spends. Any other organisation
-- is unknown to the copy.
insert into partner_directory_copy (id, name, agency_type, cin_source_code, active, version) values
    ('hillside-primary', 'Hillside Primary School', 'SCHOOL', '2A', true, 1),
    ('closed-academy', 'Closed Academy', 'SCHOOL', '2A', false, 2),
    ('burst-school', 'Burst School', 'SCHOOL', '2A', true, 1),
    ('other-school', 'Other School', 'SCHOOL', '2A', true, 1);
