package dev.stackpulse.feed.entry;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An entry as subscribers see it: its feed position, the CloudEvent attributes and the entity's state;
 * {@code stale} marks an out-of-order or replayed version that did not change the entity's latest state;
 * {@code traceParent} (not shown) is the W3C context of the span that stored it, when tracing was on.
 */
public record FeedEntryView(long position, UUID id, String source, String type, String subject, OffsetDateTime time,
                            long entityversion, boolean stale, @JsonRawValue String data,
                            @JsonIgnore String traceParent) {

    /** Fixed part of an entry on the heap (object headers, UUID, time, boxed fields): an estimate that errs high. */
    private static final long OVERHEAD_BYTES = 256;

    /** Approximate heap bytes this entry holds (two bytes per char, as a non-Latin-1 string takes). */
    @JsonIgnore
    public long footprint() {
        return OVERHEAD_BYTES + 2L * (data.length() + source.length() + type.length() + subject.length());
    }

    public static FeedEntryView of(FeedEntry e) {
        return new FeedEntryView(e.position, e.eventId, e.source, e.type, e.subject, e.eventTime, e.entityVersion,
                e.stale, e.data, null);
    }
}
