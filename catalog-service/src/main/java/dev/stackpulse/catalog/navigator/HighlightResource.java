package dev.stackpulse.catalog.navigator;

import dev.stackpulse.web.ListResponses;
import dev.stackpulse.web.QueryParams;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HTTP API of a release's highlights: the projects with highlight topics in it. */
@Path("/releases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "releases", description = "Release series (Austin to today), their highlights per project")
public class HighlightResource {

    private static final String PAGE_EXAMPLE = """
            {"items":[{"project":"neutron","name":"Neutron","adoption":89,
                       "highlights":["role-based access control (RBAC) for networks","initial QoS implementation",
                                     "data-plane connectivity kept while the OVS agent restarts"]}],
             "limit":1,"next":"/releases/liberty/highlights?limit=1&after=bmFtZR9uZXV0cm9uH25ldXRyb24"}""";

    private final NavigatorService navigator;
    private final ListResponses lists;

    public HighlightResource(NavigatorService navigator, ListResponses lists) {
        this.navigator = navigator;
        this.lists = lists;
    }

    @GET
    @PermitAll
    @Path("/{name}/highlights")
    @Operation(summary = "List the projects with highlight topics in a release",
            description = "Each project that has highlight topics in the release, by project name (the one order of "
                    + "this list; no sort), with its adoption and its topics in order. Paged by cursor: follow `next` "
                    + "(also in the `Link` header) until it is null.")
    @APIResponse(responseCode = "200", description = "A page of highlights",
            headers = @Header(name = ListResponses.LINK, description = "`<next>; rel=\"next\"` (RFC 8288) when a next "
                    + "page exists", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.OBJECT, description = "The list envelope (docs/api.md)",
                            requiredProperties = {"items", "limit", "next"}, properties = {
                            @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = HighlightView.class),
                            @SchemaProperty(name = "limit", type = SchemaType.INTEGER, minimum = "1", maximum = "500"),
                            @SchemaProperty(name = "next", type = SchemaType.STRING, nullable = true,
                                    description = "The next page's link, also in the Link header; null on the last")}),
                    examples = @ExampleObject(name = "liberty", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A malformed, unknown or repeated parameter "
            + "(invalid-parameter, unknown-parameter), named in errors")
    @APIResponse(responseCode = "404", description = "No such release")
    public Response highlights(
            @Parameter(description = "Release name", example = "liberty") @PathParam("name") String name,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = "Cursor of the page to continue after: take it from `next`",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("after") String after,
            @Context UriInfo uri) {
        int l = QueryParams.limit(limit);
        return lists.ok(navigator.highlights(name, QueryParams.text("after", after), l), uri).build();
    }
}
