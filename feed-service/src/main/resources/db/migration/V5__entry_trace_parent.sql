-- The W3C traceparent of the span that stored the entry (its ingest), so the live stream's fan-out of the entry
-- continues the change's trace. Absent when tracing was off at ingest.
ALTER TABLE feed_entry ADD COLUMN trace_parent varchar(55);
