package dev.stackpulse.catalog.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stackpulse.web.ListResponses;
import dev.stackpulse.web.MergePatch;
import dev.stackpulse.web.Precondition;
import dev.stackpulse.web.PublicLinks;
import dev.stackpulse.web.QueryParams;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HTTP API of release series: the list, and each release's GET, POST, PUT, PATCH and DELETE. */
@Path("/releases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "releases", description = "Release series (Austin to today), their highlights per project")
public class ReleaseResource {

    static final String RELEASE_EXAMPLE = """
            {"name":"liberty","displayName":"Liberty","sequence":12,"versionLabel":"2015.2",
             "releaseDate":"2015-10-15","status":"released",
             "keywords":["Manageability","Scalability","Extensibility"],"version":0,
             "createdAt":"2015-10-15T09:00:00.000Z","updatedAt":"2015-10-15T09:00:00.000Z"}""";
    static final String INPUT_EXAMPLE = """
            {"name":"mitaka","displayName":"Mitaka","sequence":13,"versionLabel":"2016.1",
             "releaseDate":"2016-04-07","status":"under-development","keywords":["Manageability"]}""";
    static final String PAGE_EXAMPLE = """
            {"items":[{"name":"austin","displayName":"Austin","sequence":1,"versionLabel":"2010.1",
                       "releaseDate":"2010-10-21","status":"released","keywords":[],"version":0,
                       "createdAt":"2015-10-15T09:00:00.000Z","updatedAt":"2015-10-15T09:00:00.000Z"}],
             "limit":1,"next":"/releases?limit=1&after=c2VxdWVuY2UfMQ"}""";

    private final ReleaseService releases;
    private final ListResponses lists;
    private final PublicLinks links;

    public ReleaseResource(ReleaseService releases, ListResponses lists, PublicLinks links) {
        this.releases = releases;
        this.lists = lists;
        this.links = links;
    }

    @GET
    @PermitAll
    @Operation(summary = "List release series, oldest first",
            description = "Release series by sequence (Austin = 1 ... Liberty = 12), the one natural order of this "
                    + "list (no sort). Paged by cursor: follow `next` (also in the `Link` header) until it is null.")
    @APIResponse(responseCode = "200", description = "A page of release series",
            headers = @Header(name = ListResponses.LINK, description = "`<next>; rel=\"next\"` (RFC 8288) when a next "
                    + "page exists", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.OBJECT, description = "The list envelope (docs/api.md)",
                            requiredProperties = {"items", "limit", "next"}, properties = {
                            @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = ReleaseView.class),
                            @SchemaProperty(name = "limit", type = SchemaType.INTEGER, minimum = "1", maximum = "500"),
                            @SchemaProperty(name = "next", type = SchemaType.STRING, nullable = true,
                                    description = "The next page's link, also in the Link header; null on the last")}),
                    examples = @ExampleObject(name = "first", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A malformed, out-of-range, unknown or repeated parameter "
            + "(invalid-parameter, unknown-parameter), named in errors")
    public Response list(
            @Parameter(description = "Only releases with this status",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"released", "under-development", "planned"}))
            @QueryParam("status") String status,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = "Cursor of the page to continue after: take it from `next`",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("after") String after,
            @Context UriInfo uri) {
        String s = QueryParams.oneOf("status", status, List.of("released", "under-development", "planned"));
        int l = QueryParams.limit(limit);
        return lists.ok(releases.list(s, QueryParams.text("after", after), l), uri).build();
    }

    @GET
    @PermitAll
    @Path("/{name}")
    @Operation(summary = "Get one release series",
            description = "The release as stored. `ETag` is its version; `If-None-Match` with it answers 304.")
    @APIResponse(responseCode = "200", description = "The release", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleaseView.class),
            examples = @ExampleObject(name = "liberty", value = RELEASE_EXAMPLE)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    @APIResponse(responseCode = "400", description = "A query parameter was given (this endpoint takes none)")
    @APIResponse(responseCode = "404", description = "No such release (not-found)")
    public Response get(@Parameter(description = "Release name", example = "liberty") @PathParam("name") String name,
                        @Context HttpHeaders headers) {
        ReleaseView view = releases.get(name);
        return Versions.current(headers, view, view.version());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Create a release series",
            description = "Role editor. `name` and `sequence` must be free. Answers the release with `Location` and "
                    + "`ETag`.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReleaseInput.class),
            examples = @ExampleObject(name = "mitaka", value = INPUT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleaseView.class),
            examples = @ExampleObject(name = "liberty", value = RELEASE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid, unknown or duplicate field, or not JSON (invalid-body)")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role editor")
    @APIResponse(responseCode = "409", description = "Name or sequence already used (conflict)")
    @APIResponse(responseCode = "415", description = "Content-Type is not application/json")
    public Response create(@Valid @NotNull ReleaseInput input, @Context UriInfo uri) {
        ReleaseView view = releases.create(input);
        return links.created(uri.getAbsolutePathBuilder().path(view.name()))
                .tag(Versions.etag(view.version())).entity(view).build();
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Replace a release series",
            description = "Role editor. The whole release: absent optional fields reset; `name` must equal the path. "
                    + "`If-Match` (optional) guards against lost updates.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReleaseInput.class),
            examples = @ExampleObject(name = "mitaka", value = INPUT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced; the new ETag", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleaseView.class),
            examples = @ExampleObject(name = "liberty", value = RELEASE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid field, or name differs from the path (invalid-body)")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role editor")
    @APIResponse(responseCode = "404", description = "No such release")
    @APIResponse(responseCode = "409", description = "Sequence already used by another release")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "415", description = "Content-Type is not application/json")
    public Response replace(@Parameter(description = "Release name", example = "liberty") @PathParam("name") String name,
                            @Valid @NotNull ReleaseInput input,
                            @Parameter(description = "The version to replace, e.g. \"0\"") @HeaderParam("If-Match") String ifMatch) {
        ReleaseView view = releases.replace(name, input, Precondition.ifMatch(ifMatch));
        return Versions.tagged(view, view.version());
    }

    @PATCH
    @Path("/{name}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Change some fields of a release series",
            description = "Role editor. A JSON merge patch (RFC 7396, `application/merge-patch+json` only): `null` "
                    + "removes an optional field; the result must be a valid PUT body. `If-Match` is optional.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "released", value = "{\"status\":\"released\",\"versionLabel\":null}")))
    @APIResponse(responseCode = "200", description = "Patched; the new ETag", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleaseView.class),
            examples = @ExampleObject(name = "liberty", value = RELEASE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Not a JSON object, or the merged result is invalid (invalid-body)")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role editor")
    @APIResponse(responseCode = "404", description = "No such release")
    @APIResponse(responseCode = "409", description = "Sequence already used by another release")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "415", description = "Content-Type is not application/merge-patch+json")
    public Response patch(@Parameter(description = "Release name", example = "liberty") @PathParam("name") String name,
                          String patch,
                          @Parameter(description = "The version to change, e.g. \"0\"") @HeaderParam("If-Match") String ifMatch)
            throws JsonProcessingException {
        ReleaseView view = releases.patch(name, patch, Precondition.ifMatch(ifMatch));
        return Versions.tagged(view, view.version());
    }

    @DELETE
    @Path("/{name}")
    @RolesAllowed("admin")
    @Operation(summary = "Delete a release series",
            description = "Role admin. Refused (409) while a project names it as its first release or per-project "
                    + "records use it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role admin")
    @APIResponse(responseCode = "404", description = "No such release")
    @APIResponse(responseCode = "409", description = "Still referenced (first release of a project, or records)")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    public Response delete(@Parameter(description = "Release name", example = "liberty") @PathParam("name") String name,
                           @Parameter(description = "The version to delete, e.g. \"0\"") @HeaderParam("If-Match") String ifMatch) {
        releases.delete(name, Precondition.ifMatch(ifMatch));
        return Response.noContent().build();
    }
}
