package dev.stackpulse.summit.session;

import dev.stackpulse.outbox.Versioned;
import java.time.OffsetDateTime;
import java.util.List;

/** A session as the API and the {@code summit.session.*} events show it. */
public record SessionView(long id, String summit, String release, String project, String title, String kind,
                          String etherpad, String reference, String summary, List<String> topics,
                          List<ItemView> items, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt)
        implements Versioned {
}
