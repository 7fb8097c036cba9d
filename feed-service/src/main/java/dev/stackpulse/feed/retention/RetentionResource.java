package dev.stackpulse.feed.retention;

import dev.stackpulse.feed.entry.FeedService;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
    @Operation(summary = "Prune the feed now",
            description = "Deletes the entries that arrived before `before`, or every position up to `through` "
                    + "(exactly one of them); cursors inside the pruned prefix then answer 410 gone. Entities' latest "
                    + "states are kept. Admin only.")
    @APIResponse(responseCode = "200", description = "Pruned; the new watermark",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "pruned", value = "{\"prunedThrough\":4711}")))
    @APIResponse(responseCode = "400", description = "Neither or both of before/through, malformed, or through beyond "
            + "the head")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Token without role admin")
    public PruneResult prune(
            @Parameter(description = "Prune entries that arrived before this time (RFC 3339)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("before") String before,
            @Parameter(description = "Prune every position up to this one",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0",
                            maximum = "9223372036854775807"))
            @QueryParam("through") String through) {
        OffsetDateTime cutoff = QueryParams.time("before", before);
        Long position = QueryParams.longInteger("through", through, 0, Long.MAX_VALUE);
        boolean byPosition = position != null;
        if ((cutoff == null) == !byPosition) {
            throw ProblemException.badRequest("before", "give exactly one of before (RFC 3339) or through (position)");
        }
        if (byPosition) {
            // A watermark past the head would make positions not yet assigned "pruned" before they exist.
            feed.checkNotBeyondHead("through", position);
        }
        long watermark = byPosition ? retention.pruneThrough(position) : retention.pruneArrivedBefore(cutoff);
        return new PruneResult(watermark);
    }
}
