-- Entries per (source, type), kept by statement triggers on feed_entry, so /feed/stats never aggregates the whole
-- table and a source or type filter can be expanded to the (source, type) pairs that exist (see FeedQuery).
CREATE TABLE feed_type_count (
    source          VARCHAR(200) NOT NULL,
    type            VARCHAR(200) NOT NULL,
    entries         BIGINT       NOT NULL,
    -- newest event time among the pair's entries ever stored (pruning does not lower it)
    last_event_time TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (source, type)
);
INSERT INTO feed_type_count (source, type, entries, last_event_time)
SELECT source, type, COUNT(*), MAX(event_time) FROM feed_entry GROUP BY source, type;

-- Bumped whenever a new (source, type) pair appears: a reader's cached pair list is current when it read the same
-- version in the same snapshot as its page.
CREATE TABLE feed_type_set (
    id      SMALLINT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO feed_type_set (id, version) VALUES (1, 1);

-- The event times each block of 1024 positions holds (bounds: a deletion leaves them, wider is still right). A
-- since/until filter turns into a position range from it, so the page reads the primary key from the first block
-- that can hold a match to the last, instead of from the cursor to the end (event time follows position loosely).
CREATE TABLE feed_time_block (
    block    BIGINT PRIMARY KEY,
    min_time TIMESTAMPTZ NOT NULL,
    max_time TIMESTAMPTZ NOT NULL
);
INSERT INTO feed_time_block (block, min_time, max_time)
SELECT position / 1024, MIN(event_time), MAX(event_time) FROM feed_entry GROUP BY position / 1024;

CREATE FUNCTION feed_count_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    added BOOLEAN;
BEGIN
    -- rows locked in key order: a concurrent prune (below) locks them in the same order, so no deadlock
    WITH up AS (
        INSERT INTO feed_type_count AS c (source, type, entries, last_event_time)
        SELECT source, type, COUNT(*), MAX(event_time) FROM inserted GROUP BY source, type ORDER BY source, type
        ON CONFLICT (source, type) DO UPDATE SET entries = c.entries + EXCLUDED.entries,
            last_event_time = GREATEST(c.last_event_time, EXCLUDED.last_event_time)
        RETURNING (xmax = 0) AS fresh)
    SELECT bool_or(fresh) INTO added FROM up;
    IF added THEN
        UPDATE feed_type_set SET version = version + 1 WHERE id = 1;
    END IF;
    INSERT INTO feed_time_block AS b (block, min_time, max_time)
    SELECT position / 1024, MIN(event_time), MAX(event_time) FROM inserted GROUP BY position / 1024
    ORDER BY position / 1024
    ON CONFLICT (block) DO UPDATE SET min_time = LEAST(b.min_time, EXCLUDED.min_time),
        max_time = GREATEST(b.max_time, EXCLUDED.max_time);
    RETURN NULL;
END $$;

CREATE FUNCTION feed_count_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM feed_type_count c WHERE (c.source, c.type) IN (SELECT source, type FROM deleted)
        ORDER BY c.source, c.type FOR UPDATE;
    UPDATE feed_type_count c SET entries = c.entries - d.n
    FROM (SELECT source, type, COUNT(*) AS n FROM deleted GROUP BY source, type) d
    WHERE c.source = d.source AND c.type = d.type;
    DELETE FROM feed_type_count WHERE entries <= 0;
    RETURN NULL;
END $$;

CREATE TRIGGER feed_entry_count_inserted AFTER INSERT ON feed_entry
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION feed_count_inserted();
CREATE TRIGGER feed_entry_count_deleted AFTER DELETE ON feed_entry
    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION feed_count_deleted();

-- Every filtered page is read in position order from an index: by (source, type) pair (source and type filters,
-- a type prefix expanded to its pairs, read index-only and merged), by subject (alone, with the source: also an
-- entity's history, with a type or time filter on its few rows).
CREATE INDEX feed_entry_source_type ON feed_entry (source, type, position);
CREATE INDEX feed_entry_subject ON feed_entry (subject, position);
DROP INDEX feed_entry_entity;
