package dev.stackpulse.feed.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.feed.config.FeedConfig;
import dev.stackpulse.feed.entry.FeedQuery;
import dev.stackpulse.feed.entry.FeedResource;
import dev.stackpulse.feed.entry.FeedService;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The feed as Server-Sent Events: replay after the cursor from the database, then live. */
@PermitAll
@Path("/feed/stream")
public class StreamResource {

    private final StreamHub hub;
    private final FeedService feed;
    private final ObjectMapper mapper;
    private final FeedConfig config;

    public StreamResource(StreamHub hub, FeedService feed, ObjectMapper mapper, FeedConfig config) {
        this.hub = hub;
        this.feed = feed;
        this.mapper = mapper;
        this.config = config;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The feed as Server-Sent Events",
            description = "Replays every entry after the cursor from the database, then continues live. Each entry "
                    + "is one event: `id:` = its position, `data:` = the entry JSON (as in /feed pages). The cursor is "
                    + "the Last-Event-ID header when present (EventSource sends it on reconnect), else `after`, else "
                    + "0. Same filters as /feed. While idle a `: heartbeat` comment comes every feed.stream.heartbeat; "
                    + "a subscriber that falls behind the retention window gets an event named `gone` and the stream "
                    + "closes.")
    @APIResponse(responseCode = "200", description = "text/event-stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, examples = @ExampleObject(name = "stream",
                    value = ": stream after position 41\nretry: 2000\n\nid: 42\ndata: " + FeedResource.ENTRY_EXAMPLE
                            + "\n\n")))
    @APIResponse(responseCode = "400", description = "Malformed, unknown or repeated parameter, or a cursor beyond the "
            + "head")
    @APIResponse(responseCode = "410", description = "Cursor older than the retention window")
    @APIResponse(responseCode = "503", description = "This replica has feed.stream.max-subscribers connections; see "
            + "Retry-After", headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds to wait",
            schema = @Schema(type = SchemaType.INTEGER)))
    public void stream(
            @Parameter(description = "The last position received (wins over `after`)",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{1,19}$"))
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(description = "Cursor: a feed position; 0 = from the start",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{1,19}$"))
            @QueryParam("after") String after,
            @Parameter(description = "Source, with or without the leading '/'", example = "catalog-service")
            @QueryParam("source") String source,
            @Parameter(description = "Type, exact or a prefix ending in '*'", example = "catalog.project.*")
            @QueryParam("type") String type,
            @Parameter(description = "Subject (the entity key), exact", example = "nova")
            @QueryParam("subject") String subject,
            @Parameter(description = "Only events at or after this time (RFC 3339)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("since") String since,
            @Parameter(description = "Only events before this time (RFC 3339)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("until") String until,
            @Context SseEventSink sink, @Context Sse sse, @Context HttpServerRequest request,
            @Context HttpServerResponse response) {
        // A reconnecting EventSource sends Last-Event-ID: it wins over the ?after= of the original URL.
        boolean resumed = lastEventId != null && !lastEventId.isBlank();
        String parameter = resumed ? "Last-Event-ID" : "after";
        long cursor = FeedService.position(parameter, resumed ? lastEventId : after);
        FeedQuery query = FeedQuery.parse(source, type, subject, since, until);
        feed.checkNotPruned(parameter, cursor);
        if (cursor > hub.knownHead()) {
            feed.checkNotBeyondHead(parameter, cursor); // only then ask the database: a burst of connects needs no query each
        }
        if (!hub.admit()) {
            throw new StreamBusy(config.stream().maxSubscribers(), config.stream().busyRetryAfterSeconds());
        }
        // Everything after the greeting runs on the connection's event loop: no thread waits for this client.
        io.vertx.core.Context context = request instanceof HttpServerRequestInternal internal ? internal.context()
                : Vertx.currentContext();
        Subscriber subscriber = new Subscriber(hub, cursor, query, sink, response, context, mapper,
                (int) config.stream().sendBuffer().asLongValue());
        // The sink sends the headers and the first comment; the subscriber's own writes follow once it is out.
        sink.send(sse.newEventBuilder().comment("stream after position " + cursor)
                        .reconnectDelay(config.stream().clientRetry().toMillis()).build())
                .whenComplete((sent, clientGone) -> {
                    if (clientGone == null) {
                        hub.subscribe(subscriber);
                    } else {
                        subscriber.abandon(); // the connection is gone: nothing to end
                    }
                });
    }
}
