package dev.stackpulse.feed.entry;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An entry as subscribers see it: its feed position, the CloudEvent attributes and the entity's state. */
public record FeedEntryView(long position, UUID id, String source, String type, String subject, OffsetDateTime time,
                            long entityversion, @JsonRawValue String data) {

    static FeedEntryView of(FeedEntry e) {
        return new FeedEntryView(e.position, e.eventId, e.source, e.type, e.subject, e.eventTime, e.entityVersion,
                e.data);
    }
}
