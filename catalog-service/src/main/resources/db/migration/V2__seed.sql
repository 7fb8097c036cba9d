-- Seed data from shared/data/facts.yaml, loaded once by Flyway (a versioned migration never runs twice, so a
-- restart neither duplicates rows nor overwrites later edits). Each seeded entity also gets its "created" event
-- in the outbox, built from the inserted rows, so feed subscribers learn the seeded catalog too.

INSERT INTO release_series (name, display_name, sequence, version_label, release_date, status, keywords, version, created_at, updated_at) VALUES
 ('austin',   'Austin',   1,  '2010.1', DATE '2010-10-21', 'released', '[]', 0, now(), now()),
 ('bexar',    'Bexar',    2,  '2011.1', DATE '2011-02-03', 'released', '[]', 0, now(), now()),
 ('cactus',   'Cactus',   3,  '2011.2', DATE '2011-04-15', 'released', '[]', 0, now(), now()),
 ('diablo',   'Diablo',   4,  '2011.3', DATE '2011-09-22', 'released', '[]', 0, now(), now()),
 ('essex',    'Essex',    5,  '2012.1', DATE '2012-04-05', 'released', '[]', 0, now(), now()),
 ('folsom',   'Folsom',   6,  '2012.2', DATE '2012-09-27', 'released', '[]', 0, now(), now()),
 ('grizzly',  'Grizzly',  7,  '2013.1', DATE '2013-04-04', 'released', '[]', 0, now(), now()),
 ('havana',   'Havana',   8,  '2013.2', DATE '2013-10-17', 'released', '[]', 0, now(), now()),
 ('icehouse', 'Icehouse', 9,  '2014.1', DATE '2014-04-17', 'released', '[]', 0, now(), now()),
 ('juno',     'Juno',     10, '2014.2', DATE '2014-10-16', 'released', '[]', 0, now(), now()),
 ('kilo',     'Kilo',     11, '2015.1', DATE '2015-04-30', 'released', '[]', 0, now(), now()),
 ('liberty',  'Liberty',  12, '2015.2', DATE '2015-10-15', 'released', '["Manageability", "Scalability", "Extensibility"]', 0, now(), now()),
 ('mitaka',   'Mitaka',   13, '2016.1', DATE '2016-04-07', 'under-development', '[]', 0, now(), now());

-- Install guide, SDK count and governance tags: navigator_inputs (Liberty, Dec 2015); first release: first_release.
INSERT INTO project (slug, name, service_name, service_type, tier, description_en, description_ja, first_release, governance_tags, install_guide, sdk_count, version, created_at, updated_at) VALUES
 ('nova',       'Nova',       'Compute service',         'compute',         'core',     'Virtual machine instance management',      '仮想マシンインスタンスの管理サービス',          'austin',   '["release:has-stable-branches", "team:diverse-affiliation"]', TRUE,  15, 0, now(), now()),
 ('swift',      'Swift',      'Object Storage service',  'object-store',    'core',     'Object storage',                           'オブジェクトストレージサービス',                'austin',   '["release:has-stable-branches", "team:diverse-affiliation"]', TRUE,  15, 0, now(), now()),
 ('glance',     'Glance',     'Image service',           'image',           'core',     'OS image management for virtual machines', '仮想マシン用OSイメージ管理サービス',            'bexar',    '["release:has-stable-branches", "team:diverse-affiliation"]', TRUE,  7,  0, now(), now()),
 ('keystone',   'Keystone',   'Identity service',        'identity',        'core',     'User authentication and authorization',    'ユーザ認証/権限の管理サービス',                 'essex',    '["release:has-stable-branches", "team:diverse-affiliation"]', TRUE,  14, 0, now(), now()),
 ('neutron',    'Neutron',    'Networking service',      'network',         'core',     'Network management for IaaS',              'IaaS基盤のネットワーク管理サービス',            'folsom',   '["release:has-stable-branches", "team:diverse-affiliation"]', TRUE,  12, 0, now(), now()),
 ('cinder',     'Cinder',     'Block Storage service',   'block-storage',   'core',     'Block storage for virtual machines',       '仮想マシン用ブロックストレージサービス',        'folsom',   '["release:has-stable-branches", "team:diverse-affiliation"]', TRUE,  11, 0, now(), now()),
 ('horizon',    'Horizon',    'Dashboard',               'dashboard',       'optional', 'Web-based dashboard',                      'Webベースのダッシュボード',                     'essex',    '["release:has-stable-branches", "team:diverse-affiliation"]', TRUE,  0,  0, now(), now()),
 ('heat',       'Heat',       'Orchestration service',   'orchestration',   'optional', 'System-level orchestration',               'システムレベルのオーケストレーションサービス',  'havana',   '["release:has-stable-branches", "team:diverse-affiliation"]', TRUE,  8,  0, now(), now()),
 ('ceilometer', 'Ceilometer', 'Telemetry service',       'metering',        'optional', 'Metering of virtual resources',            '仮想リソースのメータリングサービス',            'havana',   '["release:has-stable-branches"]',                             TRUE,  3,  0, now(), now()),
 ('trove',      'Trove',      'Database service',        'database',        'optional', 'Database service',                         'データベースサービス',                          'icehouse', '["release:has-stable-branches"]',                             FALSE, 5,  0, now(), now()),
 ('ironic',     'Ironic',     'Bare Metal service',      'baremetal',       'optional', 'Bare-metal server provisioning',           'ベアメタルサーバのデプロイ',                    'kilo',     '["release:has-stable-branches", "team:diverse-affiliation"]', FALSE, 0,  0, now(), now()),
 ('barbican',   'Barbican',   'Key Manager service',     'key-manager',     'optional', 'Key management for encryption',            '暗号化に必要な鍵管理サービス',                  'liberty',  '["release:has-stable-branches", "team:diverse-affiliation"]', FALSE, 2,  0, now(), now()),
 ('designate',  'Designate',  'DNS service',             'dns',             'optional', 'DNS service',                              'DNSサービス',                                   'liberty',  '["release:has-stable-branches"]',                             FALSE, 2,  0, now(), now()),
 ('sahara',     'Sahara',     'Data Processing service', 'data-processing', 'optional', 'Distributed data processing',              '分散データ処理サービス',                        'juno',     '["release:has-stable-branches"]',                             FALSE, 2,  0, now(), now()),
 ('zaqar',      'Zaqar',      'Messaging service',       'messaging',       'optional', 'Message queue service',                    'メッセージキューサービス',                      'liberty',  '["release:has-stable-branches"]',                             FALSE, 3,  0, now(), now());

-- adoption_by_release (Kilo, Liberty) and release_highlights (Liberty).
INSERT INTO project_release (release_name, project_slug, adoption, highlights, version, created_at, updated_at)
SELECT 'kilo', slug, adoption, '[]', 0, now(), now()
FROM (VALUES ('nova', 98), ('keystone', 95), ('glance', 92), ('horizon', 90), ('cinder', 83), ('neutron', 79),
             ('swift', 58), ('heat', 47), ('ceilometer', 43), ('trove', 12), ('barbican', 9), ('designate', 9),
             ('ironic', 9), ('sahara', 7), ('zaqar', 1)) AS kilo (slug, adoption);

INSERT INTO project_release (release_name, project_slug, adoption, highlights, version, created_at, updated_at)
SELECT 'liberty', slug, adoption, highlights::jsonb, 0, now(), now()
FROM (VALUES
 ('nova', 96, '["API default endpoint becomes v2.1", "scheduler improvements, e.g. clarifying roles with the resource tracker", "features added toward Cells v2"]'),
 ('keystone', 96, '["X.509 SSL client authentication (experimental)", "stronger WebSSO", "possibly the last release run under Eventlet (HTTPD in Mitaka)"]'),
 ('horizon', 95, '[]'),
 ('glance', 94, '["upload of signed images", "new health-check API", "parallel delayed deletion of image data"]'),
 ('neutron', 89, '["role-based access control (RBAC) for networks", "initial QoS implementation", "data-plane connectivity kept while the OVS agent restarts"]'),
 ('cinder', 86, '["non-disruptive backup", "generic image caching makes the second and later VM creations faster", "better volume-migration management"]'),
 ('heat', 68, '[]'),
 ('swift', 62, '["improvements to erasure coding added in Kilo", "better responsiveness in large deployments", "faster data transfer between regions"]'),
 ('ceilometer', 61, '[]'),
 ('trove', 27, '[]'),
 ('designate', 25, '[]'),
 ('sahara', 20, '[]'),
 ('ironic', 17, '[]'),
 ('barbican', 4, '[]'),
 ('zaqar', 1, '[]')) AS liberty (slug, adoption, highlights);

-- One "created" event per seeded entity; the data matches ReleaseView, ProjectView and AdoptionView.
INSERT INTO outbox_event (event_id, topic, source, type, subject, entity_version, occurred_at, data)
SELECT gen_random_uuid(), 'catalog.events', '/catalog-service', 'catalog.release.created', r.name, r.version, now(),
       jsonb_build_object('name', r.name, 'displayName', r.display_name, 'sequence', r.sequence,
                          'versionLabel', r.version_label, 'releaseDate', r.release_date, 'status', r.status,
                          'keywords', r.keywords, 'version', r.version, 'createdAt', r.created_at,
                          'updatedAt', r.updated_at)
FROM release_series r ORDER BY r.sequence;

INSERT INTO outbox_event (event_id, topic, source, type, subject, entity_version, occurred_at, data)
SELECT gen_random_uuid(), 'catalog.events', '/catalog-service', 'catalog.project.created', p.slug, p.version, now(),
       jsonb_build_object('slug', p.slug, 'name', p.name, 'serviceName', p.service_name,
                          'serviceType', p.service_type, 'tier', p.tier, 'descriptionEn', p.description_en,
                          'descriptionJa', p.description_ja, 'description', p.description_en,
                          'descriptionLanguage', 'en', 'firstRelease', p.first_release,
                          'governanceTags', p.governance_tags, 'installGuide', p.install_guide,
                          'sdkCount', p.sdk_count, 'version', p.version, 'createdAt', p.created_at,
                          'updatedAt', p.updated_at)
FROM project p ORDER BY p.slug;

INSERT INTO outbox_event (event_id, topic, source, type, subject, entity_version, occurred_at, data)
SELECT gen_random_uuid(), 'catalog.events', '/catalog-service', 'catalog.adoption.created',
       a.release_name || '/' || a.project_slug, a.version, now(),
       jsonb_build_object('release', a.release_name, 'project', a.project_slug, 'adoption', a.adoption,
                          'highlights', a.highlights, 'version', a.version, 'createdAt', a.created_at,
                          'updatedAt', a.updated_at)
FROM project_release a ORDER BY a.release_name, a.project_slug;
