-- The catalog: release series, projects, and one record per project and release (adoption, highlights).
-- Lists (keywords, governance tags, highlights) are JSONB arrays: ordered, read and written whole.
CREATE TABLE release_series (
    name          VARCHAR(64)  PRIMARY KEY,
    display_name  VARCHAR(100) NOT NULL,
    sequence      INTEGER      NOT NULL UNIQUE CHECK (sequence >= 1),
    version_label VARCHAR(32),
    release_date  DATE,
    status        VARCHAR(32)  NOT NULL CHECK (status IN ('released', 'under-development', 'planned')),
    keywords      JSONB        NOT NULL DEFAULT '[]',
    version       BIGINT       NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);

CREATE TABLE project (
    slug            VARCHAR(64)  PRIMARY KEY,
    name            VARCHAR(100) NOT NULL,
    service_name    VARCHAR(200) NOT NULL,
    service_type    VARCHAR(64)  NOT NULL,
    tier            VARCHAR(16)  NOT NULL CHECK (tier IN ('core', 'optional')),
    description_en  TEXT,
    description_ja  TEXT,
    first_release   VARCHAR(64)  REFERENCES release_series (name),
    governance_tags JSONB        NOT NULL DEFAULT '[]',
    install_guide   BOOLEAN      NOT NULL DEFAULT FALSE,
    sdk_count       INTEGER      NOT NULL DEFAULT 0 CHECK (sdk_count >= 0),
    version         BIGINT       NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);

CREATE INDEX project_first_release ON project (first_release);

CREATE TABLE project_release (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    release_name VARCHAR(64) NOT NULL REFERENCES release_series (name),
    project_slug VARCHAR(64) NOT NULL REFERENCES project (slug),
    adoption     INTEGER     CHECK (adoption BETWEEN 0 AND 100),
    highlights   JSONB       NOT NULL DEFAULT '[]',
    version      BIGINT      NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (release_name, project_slug)
);

CREATE INDEX project_release_project ON project_release (project_slug);
