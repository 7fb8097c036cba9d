package dev.stackpulse.feed.entity;

import dev.stackpulse.feed.entry.FeedQuery;
import dev.stackpulse.feed.entry.FeedService;
import dev.stackpulse.feed.ingest.EventStore;
import dev.stackpulse.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Operator repair of an entity whose state a forged or broken event took over (admin only): removes the named
 * history entries and re-derives the state from the rest, so the next real change is applied again.
 */
@Path("/feed/admin/entities/{source}")
@Produces(MediaType.APPLICATION_JSON)
public class RepairResource {

    private final EventStore store;
    private final EntityService entities;

    public RepairResource(EventStore store, EntityService entities) {
        this.store = store;
        this.entities = entities;
    }

    /** The entries removed and the entity's state afterwards (null when no entry is left). */
    public record RepairResult(List<Long> discarded, EntityView entity) {
    }

    @POST
    @Path("{subject: .+}/repair")
    @RolesAllowed("admin")
    @Operation(summary = "Repair an entity: remove forged history entries and re-derive its state",
            description = "Removes the history entries named by `discard` (feed positions, comma-separated; may be "
                    + "empty) and re-derives the entity's stale flags and latest state from the remaining history, "
                    + "so the next real change applies again. Admin only.")
    @APIResponse(responseCode = "200", description = "Repaired; the entity's state now (null when no entry is left)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "repaired",
                    value = "{\"discarded\":[4711],\"entity\":{\"source\":\"/catalog-service\",\"subject\":\"nova\","
                            + "\"version\":3,\"type\":\"catalog.project.updated\","
                            + "\"eventId\":\"5d3c1f0e-8a2b-4c6d-9e0f-1a2b3c4d5e6f\",\"time\":\"2015-10-27T09:00:00.000Z\","
                            + "\"position\":42,\"deleted\":false,\"data\":{\"slug\":\"nova\",\"version\":3}}}")))
    @APIResponse(responseCode = "400", description = "discard is malformed or names an entry of another entity")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Token without role admin")
    @APIResponse(responseCode = "404", description = "The feed never saw this entity")
    public RepairResult repair(@PathParam("source") String source, @PathParam("subject") String subject,
                               @Parameter(description = "Feed positions of the entries to remove, comma-separated",
                                       example = "4711,4712") @QueryParam("discard") String discard) {
        List<Long> positions = new ArrayList<>();
        if (discard != null && !discard.isBlank()) {
            for (String position : discard.split(",", -1)) {
                positions.add(FeedService.position("discard", position));
            }
        }
        EventStore.Repair repair;
        try {
            repair = store.repair(FeedQuery.source(source), subject, positions);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("discard", e.getMessage());
        }
        if (repair == null) {
            throw ProblemException.notFound("entity", source + "/" + subject);
        }
        return new RepairResult(repair.discarded(), repair.hasState() ? entities.latest(source, subject) : null);
    }
}
