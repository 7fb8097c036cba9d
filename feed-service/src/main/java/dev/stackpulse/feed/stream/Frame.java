package dev.stackpulse.feed.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.feed.entry.FeedEntryView;
import io.vertx.core.buffer.Buffer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One entry as the bytes of its SSE event, serialized once and written as is to every subscriber it matches; beside
 * them only the attributes filters look at (the data itself lives in the bytes alone). {@code woken}: when the
 * wake-up (NOTIFY) that read it arrived ({@link System#nanoTime()}; 0 for catch-up reads), for the delivery metric.
 */
record Frame(FeedEntryView attributes, Buffer bytes, long woken) {

    /** A comment every idle connection gets (the same bytes for all). */
    static final Buffer HEARTBEAT = Buffer.buffer(": heartbeat\n\n");
    // The last thing a stream gets when this replica shuts down: EventSource reconnects (to another replica).
    static final Buffer SHUTDOWN = Buffer.buffer(": shutting down, reconnect\n\n");

    /** Fixed part of a frame on the heap (object headers, UUID, time, buffer): an estimate that errs high. */
    private static final long OVERHEAD_BYTES = 256;

    static Frame of(FeedEntryView entry, ObjectMapper mapper, long woken) {
        // Only what filters read, source and type shared across frames (few distinct values): the window holds many.
        FeedEntryView attributes = new FeedEntryView(entry.position(), null, entry.source().intern(),
                entry.type().intern(), entry.subject(), entry.time(), entry.entityversion(), entry.stale(), null, null);
        return new Frame(attributes, entryEvent(entry, mapper), woken);
    }

    /** The entry's event, its JSON written once as bytes straight into a buffer of the exact size (no String copies). */
    static Buffer entryEvent(FeedEntryView entry, ObjectMapper mapper) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(entry);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        for (byte b : json) {
            if (b == '\n' || b == '\r') { // raw data with a line break: one data: line per line
                return event(Long.toString(entry.position()), null, new String(json, StandardCharsets.UTF_8));
            }
        }
        byte[] id = Long.toString(entry.position()).getBytes(StandardCharsets.US_ASCII);
        Buffer out = Buffer.buffer(ID.length + id.length + DATA.length + json.length + END.length);
        return out.appendBytes(ID).appendBytes(id).appendBytes(DATA).appendBytes(json).appendBytes(END);
    }

    private static final byte[] ID = "id: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "\ndata: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    long position() {
        return attributes.position();
    }

    /** Approximate heap bytes: what the stream window counts against feed.stream.window-bytes. */
    long footprint() {
        return OVERHEAD_BYTES + 2L * attributes.subject().length() + bytes.length();
    }

    /** An SSE event as RESTEasy's SseEventSink writes it: one {@code data:} line per line of the data. */
    static Buffer event(String id, String name, String data) {
        StringBuilder out = new StringBuilder(data.length() + 32);
        if (id != null) {
            out.append("id: ").append(id).append('\n');
        }
        if (name != null) {
            out.append("event: ").append(name).append('\n');
        }
        if (data.indexOf('\n') < 0 && data.indexOf('\r') < 0) {
            out.append("data: ").append(data).append('\n');
        } else {
            for (String line : data.split("\r\n|\r|\n", -1)) {
                out.append("data: ").append(line).append('\n');
            }
        }
        return Buffer.buffer(out.append('\n').toString());
    }

    static String json(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
