-- Positions come from this counter, advanced once per batch by the ingest (under its lock) by the number of events it
-- actually stores: a redelivery or a rolled-back batch spends no position, so positions are gap-free (only retention
-- and an operator's repair remove entries). It starts above every position the identity ever handed out.
CREATE TABLE feed_position (
    id   SMALLINT PRIMARY KEY CHECK (id = 1),
    last BIGINT NOT NULL
);
INSERT INTO feed_position (id, last)
SELECT 1, GREATEST(COALESCE((SELECT MAX(position) FROM feed_entry), 0),
                   (SELECT pruned_through FROM feed_retention WHERE id = 1),
                   COALESCE(pg_sequence_last_value(pg_get_serial_sequence('feed_entry', 'position')), 0));
ALTER TABLE feed_entry ALTER COLUMN position DROP IDENTITY;
