package dev.stackpulse.events;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * W3C Trace Context of the change's origin (the writer's span), carried by the CloudEvents Distributed Tracing
 * extension as {@code ce_traceparent} and {@code ce_tracestate}. It is the context at the event's creation, stored with
 * the outbox row, so every re-send of one event carries the same one.
 *
 * @param traceparent {@code <version>-<trace-id>-<parent-id>-<flags>}, lower-case hex, ids not all zero
 * @param tracestate  vendor entries, or null when there are none
 */
public record TraceContext(String traceparent, String tracestate) {

    /** W3C: version ff and all-zero ids are invalid; later versions may append fields after the flags. */
    private static final Pattern TRACEPARENT = Pattern.compile(
            "(?!ff)[0-9a-f]{2}-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}(-[ -~]*)?");
    /** W3C: at most 32 list members of at most 256 characters each; what is longer is dropped, not truncated. */
    public static final int MAX_TRACESTATE_LENGTH = 8192;

    public TraceContext {
        if (traceparent == null || traceparent.length() > 512 || !TRACEPARENT.matcher(traceparent).matches()) {
            throw new IllegalArgumentException("not a W3C traceparent: '" + traceparent + "'");
        }
        tracestate = printable(tracestate) ? tracestate : null;
    }

    /** The context, or empty when the traceparent is absent or malformed (tracing is best effort, never a refusal). */
    public static Optional<TraceContext> of(String traceparent, String tracestate) {
        try {
            return Optional.of(new TraceContext(traceparent, tracestate));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** The trace id (32 hex digits). */
    public String traceId() {
        return traceparent.substring(3, 35);
    }

    /** The id of the span the event was created in (16 hex digits). */
    public String spanId() {
        return traceparent.substring(36, 52);
    }

    private static boolean printable(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_TRACESTATE_LENGTH) {
            return false;
        }
        return value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }
}
