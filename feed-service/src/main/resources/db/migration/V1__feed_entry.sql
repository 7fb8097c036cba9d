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
    ingested_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT feed_entry_source_event_id UNIQUE (source, event_id)
);
