package dev.stackpulse.feed.entry;

import dev.stackpulse.feed.config.FeedConfig;
import dev.stackpulse.web.ListPage;
import dev.stackpulse.web.ListResponses;
import dev.stackpulse.web.QueryParams;
import dev.stackpulse.web.Versions;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The feed in position order, from this service's database (any replica answers the same). */
@PermitAll
@Path("/feed")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    /** Seconds a poller should wait before asking again (GitHub's events API uses the same header). */
    public static final String POLL_INTERVAL = "X-Poll-Interval";

    /** An entry as pages, history and SSE data show it (the README's example). */
    public static final String ENTRY_EXAMPLE = "{\"position\":42,\"id\":\"5d3c1f0e-8a2b-4c6d-9e0f-1a2b3c4d5e6f\","
            + "\"source\":\"/catalog-service\",\"type\":\"catalog.project.updated\",\"subject\":\"nova\","
            + "\"time\":\"2015-10-27T09:00:00.000Z\",\"entityversion\":3,\"stale\":false,"
            + "\"data\":{\"slug\":\"nova\",\"name\":\"Nova\",\"version\":3}}";

    private final FeedService feed;
    private final FeedConfig config;
    private final ListResponses lists;

    public FeedResource(FeedService feed, FeedConfig config, ListResponses lists) {
        this.feed = feed;
        this.config = config;
        this.lists = lists;
    }

    @GET
    @Operation(summary = "A page of the feed after a position",
            description = "Entries in position order after the cursor `after` (a feed position: the `position` of an "
                    + "entry, or the SSE `id`; 0 or absent = from the oldest entry kept), at most `limit` and at most "
                    + "feed.page-max-bytes of them (always one when any follows). The feed is endless: `next` is never "
                    + "null; an empty page's `next` repeats the cursor, to poll again after X-Poll-Interval seconds. "
                    + "Send the ETag as If-None-Match: 304 while nothing new matches.")
    @APIResponse(responseCode = "200", description = "A page of entries; next link in the body and the Link header",
            headers = {
                    @Header(name = ListResponses.LINK, description = "<next page>; rel=\"next\" (RFC 8288)",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = HttpHeaders.ETAG, description = "Changes when the page's content does",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = POLL_INTERVAL, description = "Seconds to wait before polling again",
                            schema = @Schema(type = SchemaType.INTEGER))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ListPage.class, properties = @SchemaProperty(name = "items",
                            type = SchemaType.ARRAY, implementation = FeedEntryView.class)),
                    examples = @ExampleObject(name = "page",
                    value = "{\"items\":[" + ENTRY_EXAMPLE + "],\"limit\":1,"
                            + "\"next\":\"/feed?type=catalog.project.*&limit=1&after=42\"}")))
    @APIResponse(responseCode = "304", description = "If-None-Match names this page's ETag: nothing new")
    @APIResponse(responseCode = "400", description = "Malformed, unknown or repeated parameter, or `after` beyond the "
            + "newest position (the problem names it)")
    @APIResponse(responseCode = "410", description = "`after` is older than the retention window")
    public Response page(
            @Parameter(description = "Cursor: a feed position (the last entry seen); 0 = from the start",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{1,19}$"))
            @QueryParam("after") String after,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
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
            @Context UriInfo uri, @Context HttpHeaders headers) {
        long cursor = FeedService.position("after", after);
        int size = QueryParams.limit(limit);
        FeedQuery query = FeedQuery.parse(source, type, subject, since, until);
        FeedService.Shape shape = new FeedService.Shape(cursor, size, query);
        if (headers.getHeaderString(HttpHeaders.IF_NONE_MATCH) != null) {
            // The tag this replica gave the same request while the feed was in the same state: no page to read.
            EntityTag known = feed.knownTag(shape);
            Response notModified = known == null ? null : Versions.notModified(headers, known);
            if (notModified != null) {
                return Response.fromResponse(notModified).header(POLL_INTERVAL, config.pollIntervalSeconds()).build();
            }
        }
        FeedService.Page page = feed.page(cursor, size, query);
        // Changes exactly when the page's content does: same query, new entries => new next or count.
        EntityTag tag = new EntityTag(page.slice().nextCursor() + "-" + page.slice().items().size() + "-"
                + Integer.toHexString(Objects.hash(cursor, size, query)));
        feed.rememberTag(shape, page.version(), tag);
        Response notModified = Versions.notModified(headers, tag);
        Response.ResponseBuilder response = notModified != null ? Response.fromResponse(notModified)
                : lists.ok(page.slice(), uri).tag(tag);
        return response.header(POLL_INTERVAL, config.pollIntervalSeconds()).build();
    }
}
