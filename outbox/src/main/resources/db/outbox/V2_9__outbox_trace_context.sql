-- W3C trace context of the write that recorded the event (CloudEvents Distributed Tracing extension); null when the
-- write was not traced. Versioned above every service migration so far (they share one history table).
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(512);
ALTER TABLE outbox_event ADD COLUMN tracestate  VARCHAR(8192);
