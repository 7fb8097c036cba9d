-- Upstream's support phase of a release series (openstack/releases data/series_status.yaml), as upstream spells it.
ALTER TABLE release_series ADD COLUMN lifecycle VARCHAR(32)
    CHECK (lifecycle IN ('future', 'development', 'maintained', 'extended maintenance', 'unmaintained', 'end of life'));

-- Where an imported value came from: one row per entity field, replaced by each import that changes it.
CREATE TABLE provenance (
    entity      VARCHAR(32)  NOT NULL,
    entity_key  VARCHAR(200) NOT NULL,
    field       VARCHAR(64)  NOT NULL,
    source_file VARCHAR(300) NOT NULL,
    source_line INTEGER,
    sha256      VARCHAR(64)  NOT NULL,
    imported_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (entity, entity_key, field)
);
