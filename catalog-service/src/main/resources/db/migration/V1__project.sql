CREATE TABLE project (
    slug           VARCHAR(64)  PRIMARY KEY,
    name           VARCHAR(100) NOT NULL,
    service_name   VARCHAR(200) NOT NULL,
    service_type   VARCHAR(64)  NOT NULL,
    tier           VARCHAR(16)  NOT NULL CHECK (tier IN ('core', 'optional')),
    description_en TEXT,
    version        BIGINT       NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
