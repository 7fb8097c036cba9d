package dev.stackpulse.catalog.navigator;

import dev.stackpulse.web.Language;
import dev.stackpulse.web.ListResponses;
import dev.stackpulse.web.QueryParams;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HTTP API of the computed side of projects: the list with figures, the Navigator view, one project's trend. */
@Path("/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "projects", description = "OpenStack projects, and the Navigator view of them with adoption, maturity and age")
public class NavigatorResource {

    private static final String ENTRY = """
            {"slug":"keystone","name":"Keystone","serviceName":"Identity service","serviceType":"identity",
             "tier":"core","description":"Authentication and authorization","descriptionLanguage":"en",
             "firstRelease":"essex","release":"liberty","adoption":96,
             "maturity":{"score":5,"rules":[{"rule":"adoption","description":"adoption above 75%","scored":true}]},
             "ageYears":4}""";
    private static final String PAGE_EXAMPLE = "{\"items\":[" + ENTRY + "],\"limit\":1,"
            + "\"next\":\"/projects?tier=core&sort=-adoption&limit=1&after=LWFkb3B0aW9uHzk2H2tleXN0b25l\"}";
    private static final String NAVIGATOR_EXAMPLE = """
            {"release":"liberty","releaseDisplayName":"Liberty","releaseDate":"2015-10-15",
             "core":[""" + ENTRY + "],\"optional\":[]}";
    private static final String TREND_EXAMPLE = """
            {"project":"neutron","name":"Neutron","releases":[
              {"release":"kilo","displayName":"Kilo","sequence":11,"releaseDate":"2015-04-30","adoption":79,
               "change":null,"highlights":[],"maturity":{"score":5,"rules":[]},"ageYears":3},
              {"release":"liberty","displayName":"Liberty","sequence":12,"releaseDate":"2015-10-15","adoption":89,
               "change":10,"highlights":["initial QoS implementation"],"maturity":{"score":5,"rules":[]},
               "ageYears":4}]}""";

    private final NavigatorService navigator;
    private final ListResponses lists;

    public NavigatorResource(NavigatorService navigator, ListResponses lists) {
        this.navigator = navigator;
        this.lists = lists;
    }

    @GET
    @PermitAll
    @Operation(summary = "List projects with adoption, maturity and age for a release",
            description = "Each project with its figures for one release (default: the newest release with data): "
                    + "adoption (null: not surveyed), maturity 0-5 with the rule breakdown, age in years. Filters "
                    + "combine (and); `sort` takes `name`, `adoption`, `maturity`, `age`, comma-separated, `-` for "
                    + "descending (default `name`); ties by slug, unknown figures last. Paged by cursor: follow `next` "
                    + "(also in the `Link` header) until it is null. `description` follows `Accept-Language`.")
    @APIResponse(responseCode = "200", description = "A page of projects",
            headers = @Header(name = ListResponses.LINK, description = "`<next>; rel=\"next\"` (RFC 8288) when a next "
                    + "page exists", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.OBJECT, description = "The list envelope (docs/api.md)",
                            requiredProperties = {"items", "limit", "next"}, properties = {
                            @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = ProjectEntry.class),
                            @SchemaProperty(name = "limit", type = SchemaType.INTEGER, minimum = "1", maximum = "500"),
                            @SchemaProperty(name = "next", type = SchemaType.STRING, nullable = true,
                                    description = "The next page's link, also in the Link header; null on the last")}),
                    examples = @ExampleObject(name = "core-by-adoption", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A malformed, out-of-range, unknown or repeated parameter, an "
            + "unknown release or a cursor of another order (invalid-parameter, unknown-parameter), named in errors")
    public Response list(
            @Parameter(description = "Only this tier", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"core", "optional"})) @QueryParam("tier") String tier,
            @Parameter(description = "Service type, exact or a prefix ending in `*` (`comp*`)", example = "compute")
            @QueryParam("serviceType") String serviceType,
            @Parameter(description = "Text in the name, service name or either description (case-insensitive)",
                    example = "network") @QueryParam("q") String q,
            @Parameter(description = "Adoption at least this percent (unsurveyed projects never match)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100"))
            @QueryParam("minAdoption") String minAdoption,
            @Parameter(description = "Maturity at least this score",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "5"))
            @QueryParam("minMaturity") String minMaturity,
            @Parameter(description = "Age at least this many years",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000"))
            @QueryParam("minAge") String minAge,
            @Parameter(description = "The release whose figures to use; default: the newest with data",
                    example = "liberty") @QueryParam("release") String release,
            @Parameter(description = "Sort keys `name`, `adoption`, `maturity`, `age`, comma-separated, `-` for "
                    + "descending", schema = @Schema(type = SchemaType.STRING, defaultValue = "name",
                    pattern = "^-?(name|adoption|maturity|age)(,-?(name|adoption|maturity|age))*$"))
            @QueryParam("sort") String sort,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = "Cursor of the page to continue after: take it from `next` (bound to the sort)",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("after") String after,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        ProjectQuery query = ProjectQuery.parse(tier, serviceType, q, minAdoption, minMaturity, minAge, release, sort,
                after, limit);
        Language language = Language.from(headers);
        return lists.ok(navigator.list(query, language), uri)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    @GET
    @PermitAll
    @Path("/navigator")
    @Operation(summary = "The Project Navigator view of a release",
            description = "A view, not a list (no paging): the projects surveyed in the release (default: the newest "
                    + "with data), `core` and `optional` side by side, each by name with adoption, maturity (and why) "
                    + "and age. Bounded by the catalog's size. `description` follows `Accept-Language`.")
    @APIResponse(responseCode = "200", description = "The Navigator view", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NavigatorView.class),
            examples = @ExampleObject(name = "liberty", value = NAVIGATOR_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Unknown release, or an unknown parameter")
    @APIResponse(responseCode = "404", description = "No release has data yet")
    public Response navigator(
            @Parameter(description = "The release to show; default: the newest with data", example = "liberty")
            @QueryParam("release") String release, @Context HttpHeaders headers) {
        Language language = Language.from(headers);
        NavigatorView view = navigator.navigator(QueryParams.text("release", release), language);
        return Response.ok(view).header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    @GET
    @PermitAll
    @Path("/{slug}/adoption")
    @Operation(summary = "One project's adoption trend across releases",
            description = "A view of one project, not a list (no paging; at most one point per release): per release "
                    + "with a record, oldest first, the adoption, its change since the previous point, the highlights, "
                    + "maturity and age.")
    @APIResponse(responseCode = "200", description = "The trend", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdoptionTrend.class),
            examples = @ExampleObject(name = "neutron", value = TREND_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A query parameter was given (this endpoint takes none)")
    @APIResponse(responseCode = "404", description = "No such project")
    public AdoptionTrend adoption(
            @Parameter(description = "Project slug", example = "neutron") @PathParam("slug") String slug) {
        return navigator.trend(slug);
    }
}
