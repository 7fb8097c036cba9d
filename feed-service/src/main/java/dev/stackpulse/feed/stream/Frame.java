package dev.stackpulse.feed.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.feed.entry.FeedEntryView;
import io.vertx.core.buffer.Buffer;
import java.io.UncheckedIOException;

/**
 * One entry as the bytes of its SSE event, serialized once and written as is to every subscriber it matches; beside
 * them only the attributes filters look at (the data itself lives in the bytes alone).
 */
record Frame(FeedEntryView attributes, Buffer bytes) {

    /** A comment every idle connection gets (the same bytes for all). */
    static final Buffer HEARTBEAT = Buffer.buffer(": heartbeat\n\n");

    /** Fixed part of a frame on the heap (object headers, UUID, time, buffer): an estimate that errs high. */
    private static final long OVERHEAD_BYTES = 256;

    static Frame of(FeedEntryView entry, ObjectMapper mapper) {
        FeedEntryView attributes = new FeedEntryView(entry.position(), entry.id(), entry.source(), entry.type(),
                entry.subject(), entry.time(), entry.entityversion(), entry.stale(), null);
        return new Frame(attributes, event(Long.toString(entry.position()), null, json(mapper, entry)));
    }

    long position() {
        return attributes.position();
    }

    /** Approximate heap bytes: what the stream window counts against feed.stream.window-bytes. */
    long footprint() {
        return OVERHEAD_BYTES + 2L * (attributes.source().length() + attributes.type().length()
                + attributes.subject().length()) + bytes.length();
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
