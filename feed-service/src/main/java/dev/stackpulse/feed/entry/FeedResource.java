package dev.stackpulse.feed.entry;

import dev.stackpulse.feed.config.FeedConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The feed in position order, from this service's database (any replica answers the same). */
@PermitAll
@Path("/feed")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    /** Seconds a poller should wait before asking again (GitHub's events API uses the same header). */
    public static final String POLL_INTERVAL = "X-Poll-Interval";

    private final FeedService feed;
    private final FeedConfig config;

    public FeedResource(FeedService feed, FeedConfig config) {
        this.feed = feed;
        this.config = config;
    }

    @GET
    @Operation(summary = "A page of the feed after a cursor, in position order, with optional filters")
    @APIResponse(responseCode = "200", description = "Entries and the next cursor; ETag and X-Poll-Interval headers")
    @APIResponse(responseCode = "304", description = "If-None-Match matched: nothing new")
    @APIResponse(responseCode = "400", description = "Malformed after/limit/since")
    @APIResponse(responseCode = "410", description = "Cursor older than the retention window")
    public Response page(
            @Parameter(description = "Cursor: the position of the last entry seen (0 = from the start)")
            @QueryParam("after") String after,
            @Parameter(description = "1..500, default 100") @QueryParam("limit") String limit,
            @Parameter(description = "Source, e.g. catalog-service") @QueryParam("source") String source,
            @Parameter(description = "Type, exact or a prefix ending in '.', e.g. catalog.project.")
            @QueryParam("type") String type,
            @Parameter(description = "Subject (entity key), exact") @QueryParam("subject") String subject,
            @Parameter(description = "Only events at or after this RFC 3339 time") @QueryParam("since") String since,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        long cursor = FeedQuery.cursor("after", after);
        int size = FeedQuery.number("limit", limit, 1, 500, 100);
        FeedQuery query = FeedQuery.parse(source, type, subject, since);
        FeedPage page = feed.page(cursor, size, query);
        String etag = page.etag(cursor, size, query);
        Response.ResponseBuilder response = matches(ifNoneMatch, etag) ? Response.notModified()
                : Response.ok(page);
        return response.header(HttpHeaders.ETAG, etag)
                .header(POLL_INTERVAL, config.pollIntervalSeconds())
                .build();
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim().replaceFirst("^W/", "");
            if (tag.equals(etag) || tag.equals("*")) {
                return true;
            }
        }
        return false;
    }
}
