package dev.stackpulse.catalog.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stackpulse.catalog.support.Language;
import dev.stackpulse.catalog.support.MergePatch;
import dev.stackpulse.catalog.support.Page;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HTTP API of projects: the catalog list, the Navigator view, single projects and their adoption trend. */
@Path("/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "projects")
public class ProjectResource {

    private static final String NAVIGATOR_EXAMPLE = """
            {"release":"liberty","releaseDisplayName":"Liberty","releaseDate":"2015-10-15",
             "core":[{"slug":"neutron","name":"Neutron","serviceName":"Networking service","serviceType":"network",
                      "tier":"core","description":"Network management for IaaS","descriptionLanguage":"en",
                      "firstRelease":"folsom","release":"liberty","adoption":89,
                      "maturity":{"score":5,"rules":[{"rule":"adoption","description":"adoption above 75%","scored":true}]},
                      "ageYears":4}],
             "optional":[]}""";

    private final ProjectService service;
    private final ProjectCatalog catalog;
    private final PublicLinks links;

    public ProjectResource(ProjectService service, ProjectCatalog catalog, PublicLinks links) {
        this.service = service;
        this.catalog = catalog;
        this.links = links;
    }

    @GET
    @PermitAll
    @Operation(summary = "Projects with adoption, maturity and age for a release; filtered, sorted, paged")
    @APIResponse(responseCode = "200", description = "A page: items, page, size, total, next (null on the last page)")
    @APIResponse(responseCode = "400", description = "A malformed or out-of-range parameter (named in errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response list(
            @Parameter(description = "core or optional") @QueryParam("tier") String tier,
            @Parameter(description = "service type, e.g. compute") @QueryParam("serviceType") String serviceType,
            @Parameter(description = "text in name, service name or descriptions (English or Japanese)") @QueryParam("q") String q,
            @Parameter(description = "0-100") @QueryParam("minAdoption") String minAdoption,
            @Parameter(description = "0-5") @QueryParam("minMaturity") String minMaturity,
            @Parameter(description = "years") @QueryParam("minAge") String minAge,
            @Parameter(description = "release whose figures to use; default: the newest with data") @QueryParam("release") String release,
            @Parameter(description = "name|adoption|maturity|age, '-' prefix for descending; default name") @QueryParam("sort") String sort,
            @Parameter(description = "1-based page, default 1") @QueryParam("page") String page,
            @Parameter(description = "1-100, default 20") @QueryParam("size") String size,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        ProjectQuery query = ProjectQuery.parse(tier, serviceType, q, minAdoption, minMaturity, minAge, release, sort,
                page, size);
        Language language = Language.from(headers);
        Page<ProjectEntry> result = catalog.list(query, language, uri, links);
        return localized(Response.ok(result), language).build();
    }

    @GET
    @PermitAll
    @Path("/navigator")
    @Operation(summary = "The Project Navigator: core and optional services with adoption, maturity (and why) and age")
    @APIResponse(responseCode = "200", description = "The Navigator view", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "liberty", value = NAVIGATOR_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Unknown release", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response navigator(@QueryParam("release") String release, @Context HttpHeaders headers) {
        Language language = Language.from(headers);
        NavigatorView view = catalog.navigator(release == null || release.isBlank() ? null : release.trim(), language);
        return localized(Response.ok(view), language).build();
    }

    @GET
    @PermitAll
    @Path("/{slug}")
    @Operation(summary = "One project; ETag = its version, If-None-Match answers 304; Accept-Language: ja for Japanese")
    @APIResponse(responseCode = "200", description = "The project (Content-Language says the description's language)")
    @APIResponse(responseCode = "304", description = "If-None-Match matches the current version")
    @APIResponse(responseCode = "404", description = "No such project", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response get(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        return single(ProjectView.of(service.get(slug), Language.from(headers)), headers);
    }

    @GET
    @PermitAll
    @Path("/{slug}/adoption")
    @Operation(summary = "The project's adoption trend across releases, with maturity and age per release")
    @APIResponse(responseCode = "200", description = "The trend, oldest release first")
    @APIResponse(responseCode = "404", description = "No such project")
    public AdoptionTrend adoption(@PathParam("slug") String slug) {
        return catalog.trend(slug);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Create a project (role editor)")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set")
    @APIResponse(responseCode = "400", description = "Invalid or unknown field, unknown firstRelease, body not JSON")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Token lacks role editor")
    @APIResponse(responseCode = "409", description = "Slug already exists")
    @APIResponse(responseCode = "413", description = "Body larger than the limit (answered by the HTTP layer)")
    @APIResponse(responseCode = "415", description = "Body is not application/json")
    public Response create(@Valid @NotNull ProjectInput input, @Context UriInfo uri) {
        ProjectView view = service.create(input);
        return links.created(uri.getAbsolutePathBuilder().path(view.slug()))
                .tag(Versions.etag(view.version())).entity(view).build();
    }

    @PUT
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Replace a project (role editor); absent optional fields reset; If-Match guards lost updates")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "Invalid field, or slug differs from the path")
    @APIResponse(responseCode = "404", description = "No such project")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Response replace(@PathParam("slug") String slug, @Valid @NotNull ProjectInput input,
                            @HeaderParam("If-Match") String ifMatch, @Context HttpHeaders headers) {
        return single(ProjectView.of(service.replace(slug, input, ifMatch), Language.from(headers)), null);
    }

    @PATCH
    @Path("/{slug}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Change some fields with a JSON merge patch (RFC 7386; role editor); null removes a field")
    @APIResponse(responseCode = "200", description = "Patched")
    @APIResponse(responseCode = "400", description = "Patch not a JSON object, or the result is invalid")
    @APIResponse(responseCode = "404", description = "No such project")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    @APIResponse(responseCode = "415", description = "Content-Type is not application/merge-patch+json")
    public Response patch(@PathParam("slug") String slug, String body, @HeaderParam("If-Match") String ifMatch,
                          @Context HttpHeaders headers) throws JsonProcessingException {
        return single(ProjectView.of(service.patch(slug, body, ifMatch), Language.from(headers)), null);
    }

    @DELETE
    @Path("/{slug}")
    @RolesAllowed("admin")
    @Operation(summary = "Delete a project and its per-release records (role admin)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Token lacks role admin")
    @APIResponse(responseCode = "404", description = "No such project")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Response delete(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch) {
        service.delete(slug, ifMatch);
        return Response.noContent().build();
    }

    /** The tag follows the language the description is in (English when no Japanese text exists). */
    private static Response single(ProjectView view, HttpHeaders conditional) {
        Language language = Language.JA.tag().equals(view.descriptionLanguage()) ? Language.JA : Language.EN;
        return Responses.localized(conditional, view, view.version(), language);
    }

    private static Response.ResponseBuilder localized(Response.ResponseBuilder builder, Language language) {
        return builder.header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }
}
