package dev.stackpulse.feed.entity;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An entity's latest state: the version, the event that set it, and the state itself. */
public record EntityView(String source, String subject, long version, String type, UUID eventId,
                         OffsetDateTime time, long position, boolean deleted, @JsonRawValue String data) {

    static EntityView of(FeedEntity e) {
        return new EntityView(e.source, e.subject, e.version, e.type, e.eventId, e.eventTime, e.position, e.deleted,
                e.data);
    }
}
