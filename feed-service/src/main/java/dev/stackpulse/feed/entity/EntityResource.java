package dev.stackpulse.feed.entity;

import dev.stackpulse.feed.entry.FeedEntryView;
import dev.stackpulse.feed.entry.FeedResource;
import dev.stackpulse.feed.entry.FeedService;
import dev.stackpulse.web.ListPage;
import dev.stackpulse.web.ListResponses;
import dev.stackpulse.web.QueryParams;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
    private final ListResponses lists;

    public EntityResource(EntityService entities, ListResponses lists) {
        this.entities = entities;
        this.lists = lists;
    }

    @GET
    @Path("{subject: .+}")
    @Operation(summary = "The entity's latest state",
            description = "The newest version of the entity the feed received (an older version arriving later is "
                    + "kept in the history only). ETag = the version; If-None-Match with it answers 304.")
    @APIResponse(responseCode = "200", description = "Latest state",
            headers = @Header(name = HttpHeaders.ETAG, description = "The entity's version",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "entity",
                    value = "{\"source\":\"/catalog-service\",\"subject\":\"nova\",\"version\":3,"
                            + "\"type\":\"catalog.project.updated\",\"eventId\":\"5d3c1f0e-8a2b-4c6d-9e0f-1a2b3c4d5e6f\","
                            + "\"time\":\"2015-10-27T09:00:00.000Z\",\"position\":42,\"deleted\":false,"
                            + "\"data\":{\"slug\":\"nova\",\"name\":\"Nova\",\"version\":3}}")))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    @APIResponse(responseCode = "400", description = "An unknown query parameter")
    @APIResponse(responseCode = "404", description = "No event for this entity was ever received")
    public Response latest(
            @Parameter(description = "Source without the leading '/'", example = "catalog-service")
            @PathParam("source") String source,
            @Parameter(description = "Entity key; may contain '/'", example = "nova") @PathParam("subject") String subject,
            @Context HttpHeaders headers) {
        EntityView view = entities.latest(source, subject);
        return Versions.current(headers, view, view.version());
    }

    @GET
    @Path("{subject: .+}/history")
    @Operation(summary = "The entity's changes in feed order",
            description = "Every stored change of the entity, in position order, paged by `after` (a feed position) "
                    + "and `limit`; versions that arrived out of order are kept and flagged `stale`. `next` is null "
                    + "on the last page (follow the feed for later changes).")
    @APIResponse(responseCode = "200", description = "A page of changes; next link in the body and the Link header",
            headers = @Header(name = ListResponses.LINK, description = "<next page>; rel=\"next\" (RFC 8288), "
                    + "absent on the last page", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ListPage.class, properties = @SchemaProperty(name = "items",
                            type = SchemaType.ARRAY, implementation = FeedEntryView.class)),
                    examples = @ExampleObject(name = "history",
                    value = "{\"items\":[" + FeedResource.ENTRY_EXAMPLE + "],\"limit\":1,"
                            + "\"next\":\"/feed/entities/catalog-service/nova/history?limit=1&after=42\"}")))
    @APIResponse(responseCode = "400", description = "Malformed, unknown or repeated parameter")
    @APIResponse(responseCode = "404", description = "No event for this entity was ever received")
    public Response history(
            @Parameter(description = "Source without the leading '/'", example = "catalog-service")
            @PathParam("source") String source,
            @Parameter(description = "Entity key; may contain '/'", example = "nova") @PathParam("subject") String subject,
            @Parameter(description = "Cursor: a feed position (the last change seen); 0 = from the start",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{1,19}$"))
            @QueryParam("after") String after,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        long cursor = FeedService.position("after", after);
        int size = QueryParams.limit(limit);
        return lists.ok(entities.history(source, subject, cursor, size), uri).build();
    }
}
