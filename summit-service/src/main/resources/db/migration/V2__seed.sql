-- Seed data from shared/data/facts.yaml (the 2015 Japanese OpenStack overview talk), loaded once by Flyway:
-- restarts keep later edits. Dates of summits other than Tokyo are public facts, not from the talk.
INSERT INTO summit (slug, city, season, start_date, end_date, status, attendees, countries, companies,
                    press_and_analysts, sponsors, first_time_percent, min_sessions, site_url, videos_url,
                    demographics, highlights, awards, version, created_at, updated_at)
VALUES
('tokyo-2015', 'Tokyo', '2015 autumn', '2015-10-27', '2015-10-30', 'held', 5000, 56, 736, 110, 86, 50, 300,
 'https://www.openstack.org/summit/tokyo-2015/', 'https://www.openstack.org/summit/tokyo-2015/videos/',
 '{"topCountries": ["United States", "Japan", "China", "India", "Korea", "Canada", "Israel", "France", "Australia", "Germany"],
   "regionShares": [
     {"name": "APAC", "percent": 46, "basis": "inferred", "note": "the pie lists 13%, 38% and 46%; the talk says APAC and North America together are over 80%"},
     {"name": "North America", "percent": 38, "basis": "inferred", "note": "the pie lists 13%, 38% and 46%; the talk says APAC and North America together are over 80%"},
     {"name": "Europe", "percent": 13, "basis": "inferred", "note": "the smallest labelled slice of the pie"},
     {"name": "Middle East and Latin America", "percent": 3, "basis": "inferred", "note": "remainder (100 - 97); the talk gives no split between the two"}],
   "roleShares": [
     {"name": "Developer", "percent": 28, "basis": "inferred", "note": "the talk lists 7, 10, 11, 19, 25, 28; legend order taken as descending values"},
     {"name": "Operator / User / Operations SysAdmin", "percent": 25, "basis": "inferred", "note": "legend order taken as descending values; the talk: half are Dev & Ops"},
     {"name": "Product Strategy / Management / Architect", "percent": 19, "basis": "inferred", "note": "legend order taken as descending values"},
     {"name": "Business Development / Marketing", "percent": 11, "basis": "inferred", "note": "legend order taken as descending values"},
     {"name": "CEO / CIO / IT Manager", "percent": 10, "basis": "inferred", "note": "legend order taken as descending values; the talk: 40% are managers, marketing and the like"},
     {"name": "Other", "percent": 7, "basis": "inferred", "note": "legend order taken as descending values"}]}',
 '["The Big Tent: projects reorganized; the old integrated release was close to breaking down",
   "Visualization: the official site shows each project''s adoption and maturity (Project Navigator)",
   "Neutron in the spotlight: the TC''s intent to migrate from nova-network to Neutron; some superusers still run nova-network",
   "Kuryr announced: connecting Magnum-managed containers to Neutron (the keynote demo failed)"]',
 '[{"name": "Superuser Award", "winner": "NTT Group", "note": "first winner from APAC"}]',
 1, now(), now()),
('vancouver-2015', 'Vancouver', '2015 spring', '2015-05-18', '2015-05-22', 'held', 6000, NULL, NULL, NULL, NULL, NULL, NULL,
 NULL, NULL, DEFAULT, DEFAULT, DEFAULT, 1, now(), now()),
('paris-2014', 'Paris', '2014 autumn', '2014-11-03', '2014-11-07', 'held', 4700, NULL, NULL, NULL, NULL, NULL, NULL,
 NULL, NULL, DEFAULT, DEFAULT, DEFAULT, 1, now(), now()),
('atlanta-2014', 'Atlanta', '2014 spring', '2014-05-12', '2014-05-16', 'held', 4500, NULL, NULL, NULL, NULL, NULL, NULL,
 NULL, NULL, DEFAULT, DEFAULT, DEFAULT, 1, now(), now()),
('hong-kong-2013', 'Hong Kong', '2013 autumn', '2013-11-05', '2013-11-08', 'held', 3000, NULL, NULL, NULL, NULL, NULL, NULL,
 NULL, NULL, DEFAULT, DEFAULT, DEFAULT, 1, now(), now()),
('austin-2016', 'Austin', '2016 spring', '2016-04-25', '2016-04-29', 'planned', NULL, NULL, NULL, NULL, NULL, NULL, NULL,
 NULL, NULL, DEFAULT, DEFAULT, DEFAULT, 1, now(), now());

-- The Mitaka Design Summit, held during the Tokyo summit (ids 1..4 in this order).
INSERT INTO session (summit_slug, release, project, title, kind, etherpad, reference, summary, topics, items,
                     version, created_at, updated_at)
VALUES
('tokyo-2015', 'mitaka', 'neutron', 'Neutron: Core Track - Liberty Backlog', 'core track',
 'https://etherpad.openstack.org/p/mitaka-neutron-core-liberty-backlog', NULL,
 'Discussed issues left over from Liberty; calm discussion, clean and readable log.',
 '["Liberty backlog"]',
 '[{"text": "ovs_agent rework", "status": "ready-to-merge", "owner": null},
   {"text": "availability-zone support for dhcp_agent and l3_agent", "status": "ready-to-merge", "owner": null},
   {"text": "unaddressed ports", "status": "needs-work", "owner": null},
   {"text": "RFC 4007 implementation", "status": "needs-work", "owner": null}]',
 1, now(), now()),
('tokyo-2015', 'mitaka', 'neutron', 'Ops: Networking', 'ops feedback',
 'https://etherpad.openstack.org/p/TYO-ops-networking', NULL,
 'Operators'' feedback to developers, best attended together with the Neutron Liberty-backlog session; information sharing and improvements.',
 '["better log management", "sharing failures seen in large deployments"]', '[]', 1, now(), now()),
('tokyo-2015', 'mitaka', 'nova', 'Nova: SR-IOV', 'design session',
 'https://etherpad.openstack.org/p/mitaka-nova-sr-iov', NULL,
 'SR-IOV, watched for NFV; little know-how yet, time ran out before enough discussion.',
 '["how to run CI tests for hardware-dependent PCI passthrough", "PCI bus information depends on config files: what next"]',
 '[]', 1, now(), now()),
('tokyo-2015', 'mitaka', 'neutron', 'Neutron: NFV foundation elements', 'labs',
 'https://etherpad.openstack.org/p/mitaka-neutron-labs-nfv-foundation',
 'http://docs.openstack.org/developer/networking-sfc/system_design%20and_workflow.html',
 'Planned SFC, Tacker, OVN and DPDK; SFC alone used up the time. Using OpenStack as an NFV platform (with SR-IOV) needs considerable time.',
 '["SFC", "Tacker", "OVN", "DPDK"]', '[]', 1, now(), now());

-- One created event per seeded entity, so subscribers of summit.events know the seed (same JSON as the API views).
INSERT INTO outbox_event (event_id, topic, source, type, subject, entity_version, occurred_at, data)
SELECT gen_random_uuid(), 'summit.events', '/summit-service', 'summit.summit.created', slug, version, now(),
       jsonb_build_object('slug', slug, 'city', city, 'season', season, 'startDate', start_date,
           'endDate', end_date, 'days', end_date - start_date + 1, 'status', status, 'attendees', attendees,
           'countries', countries, 'companies', companies, 'pressAndAnalysts', press_and_analysts,
           'sponsors', sponsors, 'firstTimePercent', first_time_percent, 'minSessions', min_sessions,
           'links', jsonb_build_object('site', site_url, 'videos', videos_url), 'version', version,
           'createdAt', created_at, 'updatedAt', updated_at)
FROM summit ORDER BY start_date;

INSERT INTO outbox_event (event_id, topic, source, type, subject, entity_version, occurred_at, data)
SELECT gen_random_uuid(), 'summit.events', '/summit-service', 'summit.demographics.created', slug, version, now(),
       jsonb_build_object('summit', slug, 'version', version) || demographics
FROM summit WHERE slug = 'tokyo-2015';

INSERT INTO outbox_event (event_id, topic, source, type, subject, entity_version, occurred_at, data)
SELECT gen_random_uuid(), 'summit.events', '/summit-service', 'summit.highlights.created', slug, version, now(),
       jsonb_build_object('summit', slug, 'highlights', highlights, 'version', version)
FROM summit WHERE slug = 'tokyo-2015';

INSERT INTO outbox_event (event_id, topic, source, type, subject, entity_version, occurred_at, data)
SELECT gen_random_uuid(), 'summit.events', '/summit-service', 'summit.awards.created', slug, version, now(),
       jsonb_build_object('summit', slug, 'awards', awards, 'version', version)
FROM summit WHERE slug = 'tokyo-2015';

INSERT INTO outbox_event (event_id, topic, source, type, subject, entity_version, occurred_at, data)
SELECT gen_random_uuid(), 'summit.events', '/summit-service', 'summit.session.created', id::text, version, now(),
       jsonb_build_object('id', id, 'summit', summit_slug, 'release', release, 'project', project,
           'title', title, 'kind', kind, 'etherpad', etherpad, 'reference', reference, 'summary', summary,
           'topics', topics,
           'items', (SELECT coalesce(jsonb_agg(jsonb_build_object('n', o, 'text', i->'text', 'status', i->'status',
                                                                 'owner', i->'owner') ORDER BY o), '[]'::jsonb)
                     FROM jsonb_array_elements(items) WITH ORDINALITY AS t(i, o)),
           'version', version, 'createdAt', created_at, 'updatedAt', updated_at)
FROM session ORDER BY id;
