-- Transactional outbox: a change and its event commit together; OutboxRelay publishes and marks them.
CREATE TABLE outbox_event (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id       UUID         NOT NULL UNIQUE,
    topic          VARCHAR(200) NOT NULL,
    source         VARCHAR(200) NOT NULL,
    type           VARCHAR(200) NOT NULL,
    subject        VARCHAR(200) NOT NULL,
    entity_version BIGINT       NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    data           JSONB        NOT NULL,
    published_at   TIMESTAMPTZ
);

CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;
