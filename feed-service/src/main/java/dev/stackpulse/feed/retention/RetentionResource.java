package dev.stackpulse.feed.retention;

import dev.stackpulse.feed.entry.FeedQuery;
import dev.stackpulse.feed.entry.FeedService;
import dev.stackpulse.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Management: prune now (admin only), e.g. before a planned retention change. */
@Path("/feed/admin/prune")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    private final RetentionService retention;
    private final FeedService feed;

    public RetentionResource(RetentionService retention, FeedService feed) {
        this.retention = retention;
        this.feed = feed;
    }

    /** The watermark after pruning: cursors below it get 410 Gone. */
    public record PruneResult(long prunedThrough) {
    }

    @POST
    @RolesAllowed("admin")
    @Operation(summary = "Prune entries that arrived before a time, or up to a position (exactly one of them)")
    @APIResponse(responseCode = "200", description = "Pruned; the new watermark")
    @APIResponse(responseCode = "400", description = "Neither or both of before/through, malformed, or through beyond the head")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Token without role admin")
    public PruneResult prune(@QueryParam("before") String before, @QueryParam("through") String through) {
        OffsetDateTime cutoff = FeedQuery.time("before", before);
        boolean byPosition = through != null && !through.isBlank();
        if ((cutoff == null) == !byPosition) {
            throw ProblemException.badRequest("before", "give exactly one of before (RFC 3339) or through (position)");
        }
        long position = byPosition ? FeedQuery.cursor("through", through) : 0;
        if (byPosition) {
            // A watermark past the head would make positions not yet assigned "pruned" before they exist.
            feed.checkNotBeyondHead("through", position);
        }
        long watermark = byPosition ? retention.pruneThrough(position) : retention.pruneArrivedBefore(cutoff);
        return new PruneResult(watermark);
    }
}
