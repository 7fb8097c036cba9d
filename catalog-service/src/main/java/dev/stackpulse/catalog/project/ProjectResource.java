package dev.stackpulse.catalog.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stackpulse.web.Language;
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
import jakarta.ws.rs.POST;
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

/**
 * HTTP API of one project: create, read, replace, merge patch, delete. The lists of projects with their figures
 * (GET /projects, the Navigator, a project's trend) are the navigator feature's.
 */
@Path("/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "projects", description = "OpenStack projects, and the Navigator view of them with adoption, maturity and age")
public class ProjectResource {

    static final String PROJECT_EXAMPLE = """
            {"slug":"neutron","name":"Neutron","serviceName":"Networking service","serviceType":"network",
             "tier":"core","descriptionEn":"Network management for IaaS","descriptionJa":"IaaS基盤のネットワーク管理サービス",
             "description":"Network management for IaaS","descriptionLanguage":"en","firstRelease":"folsom",
             "governanceTags":["release:has-stable-branches","team:diverse-affiliation"],"installGuide":true,
             "sdkCount":12,"version":0,"createdAt":"2015-10-15T09:00:00.000Z","updatedAt":"2015-10-15T09:00:00.000Z"}""";
    static final String INPUT_EXAMPLE = """
            {"slug":"magnum","name":"Magnum","serviceName":"Container Infrastructure Management service",
             "serviceType":"container-infra","tier":"optional","descriptionEn":"Containers","descriptionJa":"コンテナ",
             "firstRelease":"liberty","governanceTags":["release:has-stable-branches"],"installGuide":true,
             "sdkCount":2}""";

    private final ProjectService service;
    private final PublicLinks links;
    private final ProjectReadModel readModel;

    public ProjectResource(ProjectService service, PublicLinks links, ProjectReadModel readModel) {
        this.service = service;
        this.links = links;
        this.readModel = readModel;
    }

    @GET
    @PermitAll
    @Path("/{slug}")
    @Operation(summary = "Get one project",
            description = "The stored project; `description` follows `Accept-Language` (`en`, `ja`) where the text "
                    + "is held, `Content-Language` says which. `ETag` is the version, one tag per language "
                    + "(`\"4\"`, `\"4-ja\"`); `If-None-Match` with it answers 304. Computed figures are in the lists.")
    @APIResponse(responseCode = "200", description = "The project", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class),
            examples = @ExampleObject(name = "neutron", value = PROJECT_EXAMPLE)))
    @APIResponse(responseCode = "304", description = "If-None-Match names this representation's tag")
    @APIResponse(responseCode = "400", description = "A query parameter was given (this endpoint takes none)")
    @APIResponse(responseCode = "404", description = "No such project")
    public Response get(@Parameter(description = "Project slug", example = "neutron") @PathParam("slug") String slug,
                        @Context HttpHeaders headers) {
        // From the read model: no database access unless the client names a newer version than the one held.
        ProjectReadModel.Rendered rendered = readModel.get(slug, headers.getHeaderString(HttpHeaders.IF_NONE_MATCH));
        Language language = Language.from(headers);
        ProjectView view = rendered.view(language);
        boolean english = !Language.JA.tag().equals(view.descriptionLanguage());
        return Versions.localized(headers, rendered.json(language), view.version(), view.descriptionLanguage(), english);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Create a project",
            description = "Role editor. `slug`, `name`, `serviceName`, `serviceType` and `tier` are required; "
                    + "`firstRelease` must name an existing release. Answers the project with `Location` and `ETag`.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProjectInput.class),
            examples = @ExampleObject(name = "magnum", value = INPUT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class),
            examples = @ExampleObject(name = "neutron", value = PROJECT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid, unknown or duplicate field, unknown firstRelease, or "
            + "not JSON (invalid-body)")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role editor")
    @APIResponse(responseCode = "409", description = "The slug exists (conflict)")
    @APIResponse(responseCode = "413", description = "Body larger than the limit")
    @APIResponse(responseCode = "415", description = "Content-Type is not application/json")
    public Response create(@Valid @NotNull ProjectInput input, @Context UriInfo uri) {
        ProjectView view = ProjectView.of(service.create(input));
        return links.created(uri.getAbsolutePathBuilder().path(view.slug()))
                .tag(Versions.etag(view.version())).entity(view).build();
    }

    @PUT
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Replace a project",
            description = "Role editor. The whole project: absent optional fields reset; `slug` must equal the path. "
                    + "`If-Match` (optional) guards against lost updates.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProjectInput.class),
            examples = @ExampleObject(name = "magnum", value = INPUT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced; the new ETag", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class),
            examples = @ExampleObject(name = "neutron", value = PROJECT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid field, or slug differs from the path (invalid-body)")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role editor")
    @APIResponse(responseCode = "404", description = "No such project")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "415", description = "Content-Type is not application/json")
    public Response replace(@Parameter(description = "Project slug", example = "neutron") @PathParam("slug") String slug,
                            @Valid @NotNull ProjectInput input,
                            @Parameter(description = "The version to replace, e.g. \"0\"") @HeaderParam("If-Match") String ifMatch,
                            @Context HttpHeaders headers) {
        Project p = service.replace(slug, input, Precondition.ifMatch(ifMatch));
        return single(ProjectView.of(p, Language.from(headers)), null);
    }

    @PATCH
    @Path("/{slug}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Change some fields of a project",
            description = "Role editor. A JSON merge patch (RFC 7396, `application/merge-patch+json` only): `null` "
                    + "removes an optional field; the result must be a valid PUT body. `If-Match` is optional.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "sdks", value = "{\"sdkCount\":4,\"descriptionJa\":null}")))
    @APIResponse(responseCode = "200", description = "Patched; the new ETag", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class),
            examples = @ExampleObject(name = "neutron", value = PROJECT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Not a JSON object, or the merged result is invalid (invalid-body)")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role editor")
    @APIResponse(responseCode = "404", description = "No such project")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "415", description = "Content-Type is not application/merge-patch+json")
    public Response patch(@Parameter(description = "Project slug", example = "neutron") @PathParam("slug") String slug,
                          String patch,
                          @Parameter(description = "The version to change, e.g. \"0\"") @HeaderParam("If-Match") String ifMatch,
                          @Context HttpHeaders headers) throws JsonProcessingException {
        Project p = service.patch(slug, patch, Precondition.ifMatch(ifMatch));
        return single(ProjectView.of(p, Language.from(headers)), null);
    }

    @DELETE
    @Path("/{slug}")
    @RolesAllowed("admin")
    @Operation(summary = "Delete a project",
            description = "Role admin. Also removes its per-release records (one event each, then the project's).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role admin")
    @APIResponse(responseCode = "404", description = "No such project")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    public Response delete(@Parameter(description = "Project slug", example = "neutron") @PathParam("slug") String slug,
                           @Parameter(description = "The version to delete, e.g. \"0\"") @HeaderParam("If-Match") String ifMatch) {
        service.delete(slug, Precondition.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    /** The tag follows the language the description is in (English when no Japanese text exists). */
    private static Response single(ProjectView view, HttpHeaders conditional) {
        boolean english = !Language.JA.tag().equals(view.descriptionLanguage());
        return Versions.localized(conditional, view, view.version(), view.descriptionLanguage(), english);
    }
}
