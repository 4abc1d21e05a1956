-- The lead workers of the early help and social care teams. A local authority keeps this
-- table current from its HR system; these rows are the starting team.
insert into worker (id, name, team, pathway) values
    ('sw-ali-khan',      'Ali Khan',       'Assessment team 1', 'SOCIAL_CARE'),
    ('sw-beth-morgan',   'Beth Morgan',    'Assessment team 1', 'SOCIAL_CARE'),
    ('sw-carl-osei',     'Carl Osei',      'Assessment team 2', 'SOCIAL_CARE'),
    ('eh-dana-price',    'Dana Price',     'Early help east',   'EARLY_HELP'),
    ('eh-ed-walsh',      'Ed Walsh',       'Early help east',   'EARLY_HELP'),
    ('eh-fay-lindqvist', 'Fay Lindqvist',  'Early help west',   'EARLY_HELP');
