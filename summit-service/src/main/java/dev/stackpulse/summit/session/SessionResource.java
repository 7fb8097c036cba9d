package dev.stackpulse.summit.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stackpulse.summit.support.Json;
import dev.stackpulse.summit.support.Page;
import dev.stackpulse.summit.support.Paging;
import dev.stackpulse.summit.support.Params;
import dev.stackpulse.web.PublicLinks;
import dev.stackpulse.web.Versions;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** HTTP API of design-summit sessions and their action items. */
@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final SessionService service;
    private final Json json;
    private final PublicLinks links;

    public SessionResource(SessionService service, Json json, PublicLinks links) {
        this.service = service;
        this.json = json;
        this.links = links;
    }

    @GET
    @PermitAll
    @Operation(summary = "List sessions", description = "Filters: summit, release, project, itemStatus (sessions with "
            + "an action item in that status), q (case-insensitive text in title, summary, topics, action items and current notes; "
            + "Japanese works). Ordered by id; page from 0, size 1..100.")
    @APIResponse(responseCode = "200", description = "A page with items, page, size, total and the next link")
    @APIResponse(responseCode = "400", description = "A malformed parameter, named in the problem")
    public Page<SessionView> list(@QueryParam("summit") String summit, @QueryParam("release") String release,
                                  @QueryParam("project") String project, @QueryParam("itemStatus") String itemStatus,
                                  @QueryParam("q") String q, @QueryParam("page") String page,
                                  @QueryParam("size") String size, @Context UriInfo uri) {
        Paging paging = Paging.parse(page, size);
        SessionService.Filter filter = new SessionService.Filter(blankToNull(summit), blankToNull(release),
                blankToNull(project), Params.oneOf("itemStatus", itemStatus, null, "ready-to-merge", "needs-work", "done"),
                blankToNull(q));
        SessionService.Listing listing = service.list(filter, paging);
        return Page.of(listing.items(), paging, listing.total(), uri, links);
    }

    @GET
    @PermitAll
    @Path("/{id}")
    @Operation(summary = "One session")
    @APIResponse(responseCode = "200", description = "The session, with its version as ETag")
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    @APIResponse(responseCode = "404", description = "No such session")
    public Response get(@PathParam("id") long id, @Context HttpHeaders headers) {
        SessionView view = service.get(id);
        return Versions.current(headers, view, view.version());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Create a session")
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    @APIResponse(responseCode = "400", description = "Invalid field (named) or malformed JSON")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an editor")
    @APIResponse(responseCode = "415", description = "Not application/json")
    @APIResponse(responseCode = "422", description = "The summit does not exist (field summit)")
    public Response create(@Valid @NotNull SessionInput input, @Context UriInfo uri) {
        SessionView view = service.create(input);
        return links.created(uri.getAbsolutePathBuilder().path(Long.toString(view.id())))
                .tag(Versions.etag(view.version())).entity(view).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Replace a session")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "Invalid field or malformed JSON")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "422", description = "The summit does not exist")
    public Response replace(@PathParam("id") long id, @Valid @NotNull SessionInput input,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(service.replace(id, input, ifMatch));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Change a session (JSON merge patch; arrays are replaced whole)")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "400", description = "Invalid result or malformed JSON")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response patch(@PathParam("id") long id, String body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch)
            throws JsonProcessingException {
        return ok(service.patch(id, json.parse(body), ifMatch));
    }

    @PATCH
    @Path("/{id}/items/{n}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Change one action item", description = "n counts from 1; e.g. {\"status\":\"done\"}. "
            + "Answers the whole session; emits one summit.session.updated event.")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "400", description = "Unknown status or malformed JSON")
    @APIResponse(responseCode = "404", description = "No such session or item")
    @APIResponse(responseCode = "412", description = "If-Match names another session version")
    public Response patchItem(@PathParam("id") long id, @PathParam("n") int n, String body,
                              @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) throws JsonProcessingException {
        return ok(service.patchItem(id, n, json.parse(body), ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("admin")
    @Operation(summary = "Delete a session and its notes (admin)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such session")
    public Response delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    private static Response ok(SessionView view) {
        return Versions.tagged(view, view.version());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
