-- Every change event, once (unique on source + id); position is the feed cursor, assigned in commit order.
CREATE TABLE feed_entry (
    position       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id       UUID         NOT NULL,
    source         VARCHAR(200) NOT NULL,
    type           VARCHAR(200) NOT NULL,
    subject        VARCHAR(200) NOT NULL,
    entity_version BIGINT       NOT NULL,
    event_time     TIMESTAMPTZ  NOT NULL,
    data           JSONB        NOT NULL,
    -- true when the entity already had this or a newer version: kept in history, not applied to the latest state
    stale          BOOLEAN      NOT NULL DEFAULT false,
    ingested_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT feed_entry_source_event_id UNIQUE (source, event_id)
);
CREATE INDEX feed_entry_entity ON feed_entry (source, subject, position);
CREATE INDEX feed_entry_event_time ON feed_entry (event_time);

-- Per entity (source + subject): the latest state; never rolled back by an older or repeated version.
CREATE TABLE feed_entity (
    source         VARCHAR(200) NOT NULL,
    subject        VARCHAR(200) NOT NULL,
    version        BIGINT       NOT NULL,
    type           VARCHAR(200) NOT NULL,
    event_id       UUID         NOT NULL,
    event_time     TIMESTAMPTZ  NOT NULL,
    position       BIGINT       NOT NULL,
    deleted        BOOLEAN      NOT NULL,
    data           JSONB        NOT NULL,
    PRIMARY KEY (source, subject)
);

-- Records refused by the ingest (also sent to the dead-letter topic); one row per Kafka record.
CREATE TABLE feed_dead_letter (
    topic            VARCHAR(200) NOT NULL,
    kafka_partition  INT          NOT NULL,
    kafka_offset     BIGINT       NOT NULL,
    reason           TEXT         NOT NULL,
    dead_lettered_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, kafka_partition, kafka_offset)
);

-- Retention watermark: every position <= pruned_through has been deleted; older cursors get 410 Gone.
CREATE TABLE feed_retention (
    id             SMALLINT PRIMARY KEY CHECK (id = 1),
    pruned_through BIGINT NOT NULL
);
INSERT INTO feed_retention (id, pruned_through) VALUES (1, 0);
