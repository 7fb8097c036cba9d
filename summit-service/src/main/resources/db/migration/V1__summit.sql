CREATE TABLE summit (
    slug        VARCHAR(64)  PRIMARY KEY,
    city        VARCHAR(100) NOT NULL,
    season      VARCHAR(50)  NOT NULL,
    start_date  DATE         NOT NULL,
    end_date    DATE         NOT NULL,
    status      VARCHAR(16)  NOT NULL CHECK (status IN ('planned', 'held')),
    attendees   INTEGER      CHECK (attendees >= 0),
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL,
    CHECK (end_date >= start_date)
);
