package dev.stackpulse.feed.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.feed.config.FeedConfig;
import dev.stackpulse.feed.entry.FeedQuery;
import dev.stackpulse.feed.entry.FeedService;
import dev.stackpulse.feed.retention.RetentionService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The feed as Server-Sent Events: replay after the cursor from the database, then live. */
@PermitAll
@Path("/feed/stream")
public class StreamResource {

    private final StreamHub hub;
    private final RetentionService retention;
    private final FeedService feed;
    private final ObjectMapper mapper;
    private final FeedConfig config;

    public StreamResource(StreamHub hub, RetentionService retention, FeedService feed, ObjectMapper mapper,
                          FeedConfig config) {
        this.hub = hub;
        this.retention = retention;
        this.feed = feed;
        this.mapper = mapper;
        this.config = config;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Stream entries (id: = position) after Last-Event-ID or ?after=, then live; same filters as /feed")
    @APIResponse(responseCode = "200", description = "text/event-stream; a ': heartbeat' comment while idle")
    @APIResponse(responseCode = "400", description = "Malformed cursor or filter, or a cursor beyond the head")
    @APIResponse(responseCode = "410", description = "Cursor older than the retention window")
    @APIResponse(responseCode = "503", description = "This replica has feed.stream.max-subscribers connections; see Retry-After")
    public void stream(@HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("after") String after,
                       @QueryParam("source") String source, @QueryParam("type") String type,
                       @QueryParam("subject") String subject, @QueryParam("since") String since,
                       @Context SseEventSink sink, @Context Sse sse) {
        // A reconnecting EventSource sends Last-Event-ID: it wins over the ?after= of the original URL.
        boolean resumed = lastEventId != null && !lastEventId.isBlank();
        String parameter = resumed ? "Last-Event-ID" : "after";
        long cursor = FeedQuery.cursor(parameter, resumed ? lastEventId : after);
        FeedQuery query = FeedQuery.parse(source, type, subject, since);
        retention.checkCursor(parameter, cursor);
        feed.checkNotBeyondHead(parameter, cursor);
        if (!hub.admit()) {
            throw new StreamBusy(config.stream().maxSubscribers(), config.stream().busyRetryAfterSeconds());
        }
        Subscriber subscriber = new Subscriber(hub, cursor, query, sink, sse, mapper,
                config.stream().clientRetry().toMillis());
        try {
            subscriber.greet();
        } catch (Exception clientGone) {
            subscriber.close();
            return;
        }
        hub.subscribe(subscriber);
    }
}
