package dev.stackpulse.feed.entity;

import dev.stackpulse.feed.entry.FeedEntryView;
import dev.stackpulse.feed.entry.FeedQuery;
import dev.stackpulse.web.Versions;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * One entity as the feed knows it: source without the leading '/', e.g. /feed/entities/catalog-service/nova. A
 * subject may contain '/' (adoption's {@code liberty/neutron}, notes' {@code 5/notes}), so it takes the rest of the path.
 */
@PermitAll
@Path("/feed/entities/{source}")
@Produces(MediaType.APPLICATION_JSON)
public class EntityResource {

    private final EntityService entities;

    public EntityResource(EntityService entities) {
        this.entities = entities;
    }

    /** History page: the entity's changes and the cursor for the next page. */
    public record HistoryPage(List<FeedEntryView> changes, long next) {
    }

    @GET
    @Path("{subject: .+}")
    @Operation(summary = "The entity's latest state (ETag = its version)")
    @APIResponse(responseCode = "200", description = "Latest state")
    @APIResponse(responseCode = "304", description = "If-None-Match matched the version")
    @APIResponse(responseCode = "404", description = "No event for this entity was ever received")
    public Response latest(@PathParam("source") String source, @PathParam("subject") String subject,
                           @Context HttpHeaders headers) {
        EntityView view = entities.latest(source, subject);
        return Versions.current(headers, view, view.version());
    }

    @GET
    @Path("{subject: .+}/history")
    @Operation(summary = "The entity's changes in feed order (out-of-order versions are kept and flagged stale)")
    @APIResponse(responseCode = "200", description = "A page of changes")
    @APIResponse(responseCode = "400", description = "Malformed after/limit")
    @APIResponse(responseCode = "404", description = "Unknown entity")
    public HistoryPage history(@PathParam("source") String source, @PathParam("subject") String subject,
                               @QueryParam("after") String after, @QueryParam("limit") String limit) {
        long cursor = FeedQuery.cursor("after", after);
        int size = FeedQuery.number("limit", limit, 1, 500, 100);
        List<FeedEntryView> changes = entities.history(source, subject, cursor, size);
        return new HistoryPage(changes, changes.isEmpty() ? cursor : changes.get(changes.size() - 1).position());
    }
}
