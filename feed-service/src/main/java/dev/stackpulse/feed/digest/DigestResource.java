package dev.stackpulse.feed.digest;

import dev.stackpulse.feed.entry.FeedQuery;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@PermitAll
@Path("/feed/digest")
@Produces(MediaType.APPLICATION_JSON)
public class DigestResource {

    private final DigestService digests;

    public DigestResource(DigestService digests) {
        this.digests = digests;
    }

    @GET
    @Operation(summary = "Per changed entity since a time (default: the last 24 hours): count, first/last, types, latest state")
    @APIResponse(responseCode = "200", description = "Grouped by source")
    @APIResponse(responseCode = "400", description = "since is not RFC 3339")
    public DigestView digest(@QueryParam("since") String since) {
        OffsetDateTime from = FeedQuery.time("since", since);
        return digests.digest(from != null ? from : OffsetDateTime.now(ZoneOffset.UTC).minusDays(1));
    }
}
