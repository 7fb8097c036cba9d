package dev.stackpulse.feed.stats;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "Counts per source and type, newest position, last event time, consumer lag, dead letters")
    @APIResponse(responseCode = "200", description = "Statistics")
    public StatsView stats() {
        return stats.stats();
    }
}
