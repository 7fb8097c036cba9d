package dev.stackpulse.feed.stats;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@PermitAll
@Path("/feed/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final StatsService stats;

    public StatsResource(StatsService stats) {
        this.stats = stats;
    }

    @GET
    @Operation(summary = "Feed statistics",
            description = "Entries stored, the newest position (`head`), the retention watermark (`prunedThrough`), "
                    + "the last event time, counts per source and type, dead-lettered records, and the consumer "
                    + "group's lag per partition (null with `consumerLagError` while Kafka does not answer).")
    @APIResponse(responseCode = "200", description = "Statistics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "stats",
                    value = "{\"entries\":42,\"head\":42,\"prunedThrough\":0,\"lastEventTime\":\"2015-10-27T09:00:00.000Z\","
                            + "\"counts\":[{\"source\":\"/catalog-service\",\"type\":\"catalog.project.updated\","
                            + "\"count\":42,\"lastEventTime\":\"2015-10-27T09:00:00.000Z\"}],\"deadLettered\":0,"
                            + "\"consumerLag\":[{\"topic\":\"catalog.events\",\"partition\":0,\"committed\":42,"
                            + "\"end\":42,\"lag\":0}],\"consumerLagError\":null}")))
    @APIResponse(responseCode = "400", description = "An unknown query parameter")
    public StatsView stats() {
        return stats.stats();
    }
}
