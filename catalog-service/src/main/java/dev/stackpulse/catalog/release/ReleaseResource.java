package dev.stackpulse.catalog.release;

import dev.stackpulse.catalog.adoption.AdoptionInput;
import dev.stackpulse.catalog.adoption.AdoptionService;
import dev.stackpulse.catalog.adoption.AdoptionView;
import dev.stackpulse.catalog.adoption.HighlightView;
import dev.stackpulse.catalog.support.Page;
import dev.stackpulse.catalog.support.Params;
import dev.stackpulse.catalog.support.Responses;
import dev.stackpulse.web.Problem;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HTTP API of release series and of the per-project records inside a release. */
@Path("/releases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "releases")
public class ReleaseResource {

    private final ReleaseService releases;
    private final AdoptionService adoption;
    private final PublicLinks links;

    public ReleaseResource(ReleaseService releases, AdoptionService adoption, PublicLinks links) {
        this.releases = releases;
        this.adoption = adoption;
        this.links = links;
    }

    @GET
    @PermitAll
    @Operation(summary = "Release series, oldest first (by sequence), paged with page (1-based) and size")
    @APIResponse(responseCode = "200", description = "A page of release series")
    @APIResponse(responseCode = "400", description = "page or size malformed or out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Page<ReleaseView> list(@QueryParam("page") String page, @QueryParam("size") String size,
                                  @Context UriInfo uri) {
        int p = Params.intParam("page", page, 1, 1, 1_000_000);
        int s = Params.intParam("size", size, Page.DEFAULT_SIZE, 1, Page.MAX_SIZE);
        return Page.of(releases.list(), p, s, uri, links);
    }

    @GET
    @PermitAll
    @Path("/{name}")
    @Operation(summary = "One release series; ETag = its version, If-None-Match answers 304")
    @APIResponse(responseCode = "200", description = "The release", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "liberty", value = """
            {"name":"liberty","displayName":"Liberty","sequence":12,"versionLabel":"2015.2",
             "releaseDate":"2015-10-15","status":"released",
             "keywords":["Manageability","Scalability","Extensibility"],"version":0}""")))
    @APIResponse(responseCode = "304", description = "If-None-Match matches the current version")
    @APIResponse(responseCode = "404", description = "No such release", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response get(@PathParam("name") String name, @Context HttpHeaders headers) {
        return Responses.conditionalGet(headers, releases.get(name)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Create a release series (role editor)")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set")
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Token lacks role editor")
    @APIResponse(responseCode = "409", description = "Name or sequence already used")
    @APIResponse(responseCode = "415", description = "Body is not application/json")
    public Response create(@Valid @NotNull ReleaseInput input, @Context UriInfo uri) {
        ReleaseView view = releases.create(input);
        return links.created(uri.getAbsolutePathBuilder().path(view.name()))
                .tag(Versions.etag(view.version())).entity(view).build();
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Replace a release series (role editor); If-Match guards against lost updates")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "Invalid field, or name differs from the path")
    @APIResponse(responseCode = "404", description = "No such release")
    @APIResponse(responseCode = "409", description = "Sequence already used")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Response replace(@PathParam("name") String name, @Valid @NotNull ReleaseInput input,
                            @HeaderParam("If-Match") String ifMatch) {
        return Responses.ok(releases.replace(name, input, ifMatch));
    }

    @DELETE
    @Path("/{name}")
    @RolesAllowed("admin")
    @Operation(summary = "Delete a release series (role admin); refused while projects reference it")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Token lacks role admin")
    @APIResponse(responseCode = "404", description = "No such release")
    @APIResponse(responseCode = "409", description = "A project's first release, or per-project records exist")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Response delete(@PathParam("name") String name, @HeaderParam("If-Match") String ifMatch) {
        releases.delete(name, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @PermitAll
    @Path("/{name}/highlights")
    @Operation(summary = "Highlight topics per project in this release, by project name")
    @APIResponse(responseCode = "200", description = "Highlights", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "liberty", value = """
            [{"project":"neutron","name":"Neutron","adoption":89,"highlights":["role-based access control (RBAC) \
            for networks","initial QoS implementation","data-plane connectivity kept while the OVS agent restarts"]}]""")))
    @APIResponse(responseCode = "404", description = "No such release")
    public List<HighlightView> highlights(@PathParam("name") String name) {
        return adoption.highlights(name);
    }

    @GET
    @PermitAll
    @Path("/{name}/projects/{slug}")
    @Operation(summary = "One project's record in this release (adoption, highlights); ETag = its version")
    @APIResponse(responseCode = "200", description = "The record")
    @APIResponse(responseCode = "304", description = "If-None-Match matches")
    @APIResponse(responseCode = "404", description = "No such release, project or record")
    public Response record(@PathParam("name") String name, @PathParam("slug") String slug,
                           @Context HttpHeaders headers) {
        return Responses.conditionalGet(headers, adoption.get(name, slug)).build();
    }

    @PUT
    @Path("/{name}/projects/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Set a project's adoption and highlights in this release (role editor)")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "adoption outside 0-100, bad highlights, unknown field")
    @APIResponse(responseCode = "404", description = "Unknown release or project")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Response putRecord(@PathParam("name") String name, @PathParam("slug") String slug,
                              @Valid @NotNull AdoptionInput input, @HeaderParam("If-Match") String ifMatch,
                              @Context UriInfo uri) {
        AdoptionService.Upsert result = adoption.put(name, slug, input, ifMatch);
        AdoptionView view = result.view();
        Response.ResponseBuilder builder = result.created()
                ? links.created(uri.getAbsolutePathBuilder()) : Response.ok();
        return builder.tag(Versions.etag(view.version())).entity(view).build();
    }

    @DELETE
    @Path("/{name}/projects/{slug}")
    @RolesAllowed("admin")
    @Operation(summary = "Remove a project's record in this release (role admin)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such release, project or record")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Response deleteRecord(@PathParam("name") String name, @PathParam("slug") String slug,
                                 @HeaderParam("If-Match") String ifMatch) {
        adoption.delete(name, slug, ifMatch);
        return Response.noContent().build();
    }
}
