package dev.stackpulse.summit.summit;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** HTTP API of summits, their attendance series and comparisons. */
@Path("/summits")
@Produces(MediaType.APPLICATION_JSON)
public class SummitResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final SummitService service;
    private final Json json;
    private final PublicLinks links;

    public SummitResource(SummitService service, Json json, PublicLinks links) {
        this.service = service;
        this.json = json;
        this.links = links;
    }

    @GET
    @PermitAll
    @Operation(summary = "List summits", description = "Filter by year (of the start date) and status; sort by date "
            + "(default) or attendees, direction asc (default) or desc; page from 0, size 1..100 (default 20).")
    @APIResponse(responseCode = "200", description = "A page with items, page, size, total and the next link")
    @APIResponse(responseCode = "400", description = "A malformed parameter, named in the problem")
    public Page<SummitView> list(@QueryParam("year") String year, @QueryParam("status") String status,
                                 @QueryParam("sort") String sort, @QueryParam("direction") String direction,
                                 @QueryParam("page") String page, @QueryParam("size") String size,
                                 @Context UriInfo uri) {
        Paging paging = Paging.parse(page, size);
        SummitService.Listing listing = service.list(Params.integer("year", year, null),
                Params.oneOf("status", status, null, "planned", "held"),
                Params.oneOf("sort", sort, "date", "date", "attendees"),
                "desc".equals(Params.oneOf("direction", direction, "asc", "asc", "desc")), paging);
        return Page.of(listing.items(), paging, listing.total(), uri, links);
    }

    @GET
    @PermitAll
    @Path("/attendance")
    @Operation(summary = "Attendance series", description = "Summits with an attendance figure in date order, each "
            + "with growth from the previous one (absolute and percent, one decimal); summits without a figure are "
            + "listed in withoutAttendance.")
    @APIResponse(responseCode = "200", description = "The series", content = @Content(examples = @ExampleObject(
            name = "series", value = "{\"series\":[{\"slug\":\"hong-kong-2013\",\"attendees\":3000,\"growth\":null,"
            + "\"growthPercent\":null},{\"slug\":\"atlanta-2014\",\"attendees\":4500,\"growth\":1500,"
            + "\"growthPercent\":50.0}],\"withoutAttendance\":[\"austin-2016\"]}")))
    public Attendance attendance() {
        return service.attendance();
    }

    @GET
    @PermitAll
    @Path("/compare")
    @Operation(summary = "Compare two summits", description = "Figures of a and b side by side; difference = b - a.")
    @APIResponse(responseCode = "200", description = "The comparison")
    @APIResponse(responseCode = "400", description = "a or b missing")
    @APIResponse(responseCode = "404", description = "a or b does not exist")
    public Comparison compare(@QueryParam("a") String a, @QueryParam("b") String b) {
        return service.compare(Params.required("a", a), Params.required("b", b));
    }

    @GET
    @PermitAll
    @Path("/{slug}")
    @Operation(summary = "One summit")
    @APIResponse(responseCode = "200", description = "The summit, with its version as ETag")
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    @APIResponse(responseCode = "404", description = "No such summit")
    public Response get(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        return tagged(service.get(slug), headers);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Create a summit")
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    @APIResponse(responseCode = "400", description = "Invalid field (named in errors) or malformed JSON")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an editor")
    @APIResponse(responseCode = "409", description = "The slug exists")
    @APIResponse(responseCode = "415", description = "Not application/json")
    public Response create(@Valid @NotNull SummitInput input, @Context UriInfo uri) {
        SummitView view = service.create(input);
        return links.created(uri.getAbsolutePathBuilder().path(view.slug()))
                .tag(Versions.etag(view.version())).entity(view).build();
    }

    @PUT
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Replace a summit's figures", description = "If-Match (optional) must name the version.")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "Invalid field or malformed JSON")
    @APIResponse(responseCode = "404", description = "No such summit")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response replace(@PathParam("slug") String slug, @Valid @NotNull SummitInput input,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        SummitView view = service.replace(slug, input, ifMatch);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @PATCH
    @Path("/{slug}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Change some figures (JSON merge patch, RFC 7396)", description = "null removes a figure.")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "400", description = "Invalid result or malformed JSON")
    @APIResponse(responseCode = "404", description = "No such summit")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response patch(@PathParam("slug") String slug, String body,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) throws JsonProcessingException {
        SummitView view = service.patch(slug, json.parse(body), ifMatch);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @DELETE
    @Path("/{slug}")
    @RolesAllowed("admin")
    @Operation(summary = "Delete a summit (admin)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such summit")
    @APIResponse(responseCode = "409", description = "The summit still has design-summit sessions")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response delete(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(slug, ifMatch);
        return Response.noContent().build();
    }

    static Response tagged(SummitView view, HttpHeaders headers) {
        return Versions.current(headers, view, view.version());
    }
}
