package dev.stackpulse.feed.digest;

import dev.stackpulse.events.Rfc3339;
import dev.stackpulse.web.QueryParams;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
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

@PermitAll
@Path("/feed/digest")
@Produces(MediaType.APPLICATION_JSON)
public class DigestResource {

    private final DigestService digests;

    public DigestResource(DigestService digests) {
        this.digests = digests;
    }

    @GET
    @Operation(summary = "What changed since a time, per entity",
            description = "Per source, every entity with events at or after `since` (default: the last 24 hours), "
                    + "newest change first: how many changes, the first and last event time, the change types and the "
                    + "entity's latest state. A report, not a paged list.")
    @APIResponse(responseCode = "200", description = "Grouped by source",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "digest",
                    value = "{\"since\":\"2015-10-26T09:00:00.000Z\",\"sources\":[{\"source\":\"/catalog-service\","
                            + "\"entities\":[{\"subject\":\"nova\",\"changes\":2,\"first\":\"2015-10-27T08:00:00.000Z\","
                            + "\"last\":\"2015-10-27T09:00:00.000Z\",\"types\":[\"catalog.project.updated\"],"
                            + "\"latest\":{\"version\":3,\"type\":\"catalog.project.updated\",\"deleted\":false,"
                            + "\"data\":{\"slug\":\"nova\",\"version\":3}}}]}]}")))
    @APIResponse(responseCode = "400", description = "since is not RFC 3339, or an unknown parameter")
    public DigestView digest(@Parameter(description = "Events at or after this time (RFC 3339); default 24 hours ago",
            schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("since") String since) {
        OffsetDateTime from = QueryParams.time("since", since);
        return digests.digest(from != null ? from : Rfc3339.now().minusDays(1));
    }
}
