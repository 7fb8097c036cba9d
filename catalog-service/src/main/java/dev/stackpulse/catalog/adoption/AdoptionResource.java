package dev.stackpulse.catalog.adoption;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stackpulse.web.MergePatch;
import dev.stackpulse.web.Precondition;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HTTP API of one project's record in one release (adoption, highlights): GET, PUT, PATCH, DELETE. */
@Path("/releases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "adoption", description = "Per-release records of a project: adoption, maturity inputs, highlights")
public class AdoptionResource {

    static final String RECORD_EXAMPLE = """
            {"release":"liberty","project":"neutron","adoption":89,
             "highlights":["role-based access control (RBAC) for networks","initial QoS implementation"],
             "version":0,"createdAt":"2015-10-15T09:00:00.000Z","updatedAt":"2015-10-15T09:00:00.000Z"}""";
    static final String INPUT_EXAMPLE = """
            {"adoption":93,"highlights":["DVR improvements"]}""";

    private final AdoptionService adoption;
    private final PublicLinks links;

    public AdoptionResource(AdoptionService adoption, PublicLinks links) {
        this.adoption = adoption;
        this.links = links;
    }

    @GET
    @PermitAll
    @Path("/{name}/projects/{slug}")
    @Operation(summary = "Get one project's record in a release",
            description = "Adoption percent (null: not surveyed) and highlight topics, in order. `ETag` is its "
                    + "version; `If-None-Match` with it answers 304.")
    @APIResponse(responseCode = "200", description = "The record", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdoptionView.class),
            examples = @ExampleObject(name = "liberty-neutron", value = RECORD_EXAMPLE)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    @APIResponse(responseCode = "400", description = "A query parameter was given (this endpoint takes none)")
    @APIResponse(responseCode = "404", description = "No such release, project or record")
    public Response get(@Parameter(description = "Release name", example = "liberty") @PathParam("name") String name,
                        @Parameter(description = "Project slug", example = "neutron") @PathParam("slug") String slug,
                        @Context HttpHeaders headers) {
        AdoptionView view = adoption.get(name, slug);
        return Versions.current(headers, view, view.version());
    }

    @PUT
    @Path("/{name}/projects/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Set a project's record in a release",
            description = "Role editor. Creates (201, `Location`) or replaces (200) the whole record: absent fields "
                    + "reset. `If-Match` (optional) guards a replace; given for a record not there yet, it is 412.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AdoptionInput.class),
            examples = @ExampleObject(name = "mitaka-neutron", value = INPUT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced; the new ETag", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdoptionView.class),
            examples = @ExampleObject(name = "liberty-neutron", value = RECORD_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdoptionView.class),
            examples = @ExampleObject(name = "liberty-neutron", value = RECORD_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "adoption outside 0-100, bad highlights, unknown field (invalid-body)")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role editor")
    @APIResponse(responseCode = "404", description = "Unknown release or project (named)")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "415", description = "Content-Type is not application/json")
    public Response put(@Parameter(description = "Release name", example = "liberty") @PathParam("name") String name,
                        @Parameter(description = "Project slug", example = "neutron") @PathParam("slug") String slug,
                        @Valid @NotNull AdoptionInput input,
                        @Parameter(description = "The version to replace, e.g. \"0\"") @HeaderParam("If-Match") String ifMatch,
                        @Context UriInfo uri) {
        AdoptionService.Upsert result = adoption.put(name, slug, input, Precondition.ifMatch(ifMatch));
        AdoptionView view = result.view();
        Response.ResponseBuilder builder = result.created()
                ? links.created(uri.getAbsolutePathBuilder()) : Response.ok();
        return builder.tag(Versions.etag(view.version())).entity(view).build();
    }

    @PATCH
    @Path("/{name}/projects/{slug}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Change some fields of a project's record in a release",
            description = "Role editor. A JSON merge patch (RFC 7396, `application/merge-patch+json` only) of an "
                    + "existing record: `null` removes a field (`adoption: null` = not surveyed); the result must be a "
                    + "valid PUT body. `If-Match` is optional.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "adoption", value = "{\"adoption\":91}")))
    @APIResponse(responseCode = "200", description = "Patched; the new ETag", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdoptionView.class),
            examples = @ExampleObject(name = "liberty-neutron", value = RECORD_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Not a JSON object, or the merged result is invalid (invalid-body)")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role editor")
    @APIResponse(responseCode = "404", description = "No such release, project or record")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "415", description = "Content-Type is not application/merge-patch+json")
    public Response patch(@Parameter(description = "Release name", example = "liberty") @PathParam("name") String name,
                          @Parameter(description = "Project slug", example = "neutron") @PathParam("slug") String slug,
                          String patch,
                          @Parameter(description = "The version to change, e.g. \"0\"") @HeaderParam("If-Match") String ifMatch)
            throws JsonProcessingException {
        AdoptionView view = adoption.patch(name, slug, patch, Precondition.ifMatch(ifMatch));
        return Versions.tagged(view, view.version());
    }

    @DELETE
    @Path("/{name}/projects/{slug}")
    @RolesAllowed("admin")
    @Operation(summary = "Remove a project's record in a release", description = "Role admin.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role admin")
    @APIResponse(responseCode = "404", description = "No such release, project or record")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    public Response delete(@Parameter(description = "Release name", example = "liberty") @PathParam("name") String name,
                           @Parameter(description = "Project slug", example = "neutron") @PathParam("slug") String slug,
                           @Parameter(description = "The version to delete, e.g. \"0\"") @HeaderParam("If-Match") String ifMatch) {
        adoption.delete(name, slug, Precondition.ifMatch(ifMatch));
        return Response.noContent().build();
    }
}
