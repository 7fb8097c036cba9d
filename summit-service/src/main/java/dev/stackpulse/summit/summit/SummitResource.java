package dev.stackpulse.summit.summit;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stackpulse.web.ListResponses;
import dev.stackpulse.web.MergePatch;
import dev.stackpulse.web.Precondition;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.PublicLinks;
import dev.stackpulse.web.QueryParams;
import dev.stackpulse.web.Sort;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** HTTP API of summits, their attendance series and comparisons. */
@Path("/summits")
@Produces(MediaType.APPLICATION_JSON)
public class SummitResource {

    static final String SUMMIT_EXAMPLE = """
            {"slug":"tokyo-2015","city":"Tokyo","season":"2015 autumn","startDate":"2015-10-27",\
            "endDate":"2015-10-30","days":4,"status":"held","attendees":5000,"countries":56,"companies":736,\
            "pressAndAnalysts":110,"sponsors":86,"firstTimePercent":50,"minSessions":300,\
            "links":{"site":"https://www.openstack.org/summit/tokyo-2015/",\
            "videos":"https://www.openstack.org/summit/tokyo-2015/videos/"},"version":1,\
            "createdAt":"2015-10-30T09:00:00.000Z","updatedAt":"2015-10-30T09:00:00.000Z"}""";
    static final String INPUT_EXAMPLE = """
            {"slug":"austin-2016","city":"Austin","season":"2016 spring","startDate":"2016-04-25",\
            "endDate":"2016-04-29","status":"planned","attendees":null,"countries":null,"companies":null,\
            "pressAndAnalysts":null,"sponsors":null,"firstTimePercent":null,"minSessions":null,\
            "links":{"site":"https://www.openstack.org/summit/austin-2016/","videos":null}}""";
    static final String PAGE_EXAMPLE = """
            {"items":[{"slug":"austin-2016","city":"Austin","season":"2016 spring","startDate":"2016-04-25",\
            "endDate":"2016-04-29","days":5,"status":"planned","attendees":null,"countries":null,"companies":null,\
            "pressAndAnalysts":null,"sponsors":null,"firstTimePercent":null,"minSessions":null,\
            "links":{"site":"https://www.openstack.org/summit/austin-2016/","videos":null},"version":1,\
            "createdAt":"2015-10-30T09:00:00.000Z","updatedAt":"2015-10-30T09:00:00.000Z"}],\
            "limit":1,"next":"/summits?sort=-year&after=LXllYXIfMjAxNh9hdXN0aW4tMjAxNg&limit=1"}""";
    static final String LINK = "Link to the next page (RFC 8288: <...>; rel=\"next\"), present exactly when next is "
            + "not null";
    static final String LIMIT = "Page size, 1-500 (default 50)";
    static final String AFTER = "Cursor of the next page: follow next; opaque, bound to the sort order";
    static final String MERGE_EXAMPLE = "{\"attendees\":5001,\"sponsors\":null}";

    /** What GET of a summit answers, as the JSON message body writer labels it. */
    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private final SummitService service;
    private final SummitReadModel readModel;
    private final ListResponses lists;
    private final PublicLinks links;

    public SummitResource(SummitService service, SummitReadModel readModel, ListResponses lists, PublicLinks links) {
        this.service = service;
        this.readModel = readModel;
        this.lists = lists;
        this.links = links;
    }

    /** The envelope of GET /summits, for the OpenAPI document. */
    @Schema(name = "SummitPage", description = "A page of summits (docs/api.md list envelope)")
    record SummitPage(List<SummitView> items, @Schema(minimum = "1", maximum = "500") int limit,
                      @Schema(nullable = true) String next) {
    }

    @GET
    @PermitAll
    @Operation(summary = "List summits", description = "Summits filtered by year (of the start date) and status, "
            + "sorted by sort (keys startDate, year, attendees, city; '-' for descending; default startDate), ties "
            + "broken by slug; summits without an attendance figure sort last either way. Paged by cursor: follow "
            + "next (also in the Link header) until it is null.")
    @APIResponse(responseCode = "200", description = "A page of summits",
            headers = @Header(name = ListResponses.LINK, description = LINK, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SummitPage.class),
                    examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A malformed, repeated or unknown parameter, named in errors "
            + "(invalid-parameter, unknown-parameter)")
    public Response list(
            @Parameter(description = "Year of the start date", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "0", maximum = "9999")) @QueryParam("year") String year,
            @Parameter(description = "Planned or held", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"planned", "held"})) @QueryParam("status") String status,
            @Parameter(description = "Comma-separated keys startDate, year, attendees, city; '-' for descending",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^-?(startDate|year|attendees|city)"
                            + "(,-?(startDate|year|attendees|city))*$", defaultValue = "startDate"),
                    example = "-year") @QueryParam("sort") String sort,
            @Parameter(description = LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = AFTER, schema = @Schema(type = SchemaType.STRING)) @QueryParam("after") String after,
            @Context UriInfo uri) {
        SummitList.Filter filter = new SummitList.Filter(QueryParams.integer("year", year, 0, 9999),
                QueryParams.oneOf("status", status, List.of("planned", "held")));
        Sort order = Sort.parse(sort, SummitList.SORT_KEYS, SummitList.DEFAULT_SORT);
        return lists.ok(service.list(filter, order, QueryParams.text("after", after), QueryParams.limit(limit)), uri)
                .build();
    }

    @GET
    @PermitAll
    @Path("/attendance")
    @Operation(summary = "Attendance series", description = "A view, not a list: one document computed over all "
            + "summits (a bounded set, two a year), so it has no envelope and no paging; a page of it would cut the "
            + "growth chain. Summits with an attendance figure in date order, each with growth from the previous "
            + "one (absolute and percent, one decimal; null for the first); summits without a figure are listed in "
            + "withoutAttendance.")
    @APIResponse(responseCode = "200", description = "The series", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Attendance.class),
            examples = @ExampleObject(name = "series", value = "{\"series\":[{\"slug\":\"hong-kong-2013\","
            + "\"city\":\"Hong Kong\",\"season\":\"2013 autumn\",\"startDate\":\"2013-11-05\",\"attendees\":3000,"
            + "\"growth\":null,\"growthPercent\":null},{\"slug\":\"atlanta-2014\",\"city\":\"Atlanta\","
            + "\"season\":\"2014 spring\",\"startDate\":\"2014-05-12\",\"attendees\":4500,\"growth\":1500,"
            + "\"growthPercent\":50.0}],\"withoutAttendance\":[\"austin-2016\"]}")))
    @APIResponse(responseCode = "400", description = "A query parameter was given (this view takes none)")
    public Attendance attendance() {
        return service.attendance();
    }

    @GET
    @PermitAll
    @Path("/compare")
    @Operation(summary = "Compare two summits", description = "A view: the figures of a and b side by side and "
            + "difference = b - a per figure (null where either lacks it).")
    @APIResponse(responseCode = "200", description = "The comparison", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Comparison.class),
            examples = @ExampleObject(name = "comparison", value = "{\"a\":" + SUMMIT_EXAMPLE + ",\"b\":"
                    + SUMMIT_EXAMPLE + ",\"difference\":{\"days\":0,\"attendees\":0,\"countries\":0,"
                    + "\"companies\":0,\"pressAndAnalysts\":0,\"sponsors\":0,\"firstTimePercent\":0,"
                    + "\"minSessions\":0}}")))
    @APIResponse(responseCode = "400", description = "a or b missing (invalid-parameter), or an unknown parameter")
    @APIResponse(responseCode = "404", description = "a or b does not exist")
    public Comparison compare(
            @Parameter(description = "Slug of the first summit", required = true, example = "vancouver-2015",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 64)) @QueryParam("a") String a,
            @Parameter(description = "Slug of the second summit", required = true, example = "tokyo-2015",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 64)) @QueryParam("b") String b) {
        return service.compare(required("a", a), required("b", b));
    }

    @GET
    @PermitAll
    @Path("/{slug}")
    @Operation(summary = "One summit", description = "The summit's figures; days is derived from the dates. ETag = "
            + "version; If-None-Match with it answers 304.")
    @APIResponse(responseCode = "200", description = "The summit, with its version as ETag", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SummitView.class),
            examples = @ExampleObject(name = "tokyo", value = SUMMIT_EXAMPLE)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    @APIResponse(responseCode = "400", description = "A query parameter was given (unknown-parameter)")
    @APIResponse(responseCode = "404", description = "No such summit")
    public Response get(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        SummitReadModel.Rendered view = readModel.get(slug, headers.getHeaderString(HttpHeaders.IF_NONE_MATCH));
        Response notModified = Versions.notModified(headers, view.tag());
        return notModified != null ? notModified : Response.ok(view.json(), JSON).tag(view.tag()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Create a summit", description = "Role editor or admin. slug required (lower-case letters, "
            + "digits, '-'; not 'attendance' or 'compare'); counts >= 0, firstTimePercent 0-100, links absolute "
            + "http(s).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SummitInput.class),
            examples = @ExampleObject(name = "austin", value = INPUT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names it, ETag its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SummitView.class),
                    examples = @ExampleObject(name = "tokyo", value = SUMMIT_EXAMPLE)))
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
    @Operation(summary = "Replace a summit's figures", description = "Role editor or admin. The whole figures: "
            + "absent optional fields reset; slug in the body absent or equal to the path. If-Match (optional) "
            + "must name the current version.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SummitInput.class),
            examples = @ExampleObject(name = "austin", value = INPUT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag = the new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SummitView.class),
            examples = @ExampleObject(name = "tokyo", value = SUMMIT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid field or malformed JSON")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an editor")
    @APIResponse(responseCode = "404", description = "No such summit")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "415", description = "Not application/json")
    public Response replace(@PathParam("slug") String slug, @Valid @NotNull SummitInput input,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return saved(service.replace(slug, input, Precondition.ifMatch(ifMatch)));
    }

    @PATCH
    @Path("/{slug}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Change some figures", description = "Role editor or admin. A JSON merge patch (RFC 7396, "
            + "application/merge-patch+json only): null removes a figure; the merged result must be a valid PUT "
            + "body. If-Match (optional) must name the current version.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "attendance", value = MERGE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Changed; ETag = the new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SummitView.class),
            examples = @ExampleObject(name = "tokyo", value = SUMMIT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid result or malformed JSON")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an editor")
    @APIResponse(responseCode = "404", description = "No such summit")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "415", description = "Not application/merge-patch+json")
    public Response patch(@PathParam("slug") String slug, String body,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) throws JsonProcessingException {
        return saved(service.patch(slug, body, Precondition.ifMatch(ifMatch)));
    }

    @DELETE
    @Path("/{slug}")
    @RolesAllowed("admin")
    @Operation(summary = "Delete a summit", description = "Role admin. Refused while design-summit sessions refer "
            + "to it. If-Match (optional) must name the current version.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such summit")
    @APIResponse(responseCode = "409", description = "The summit still has design-summit sessions")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response delete(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(slug, Precondition.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    private static Response saved(SummitView view) {
        return Versions.tagged(view, view.version());
    }

    /** A required text parameter: 400 invalid-parameter naming it when absent or empty. */
    private static String required(String name, String raw) {
        String value = QueryParams.text(name, raw);
        if (value == null) {
            throw ProblemException.badRequest(name, "is required");
        }
        return value;
    }
}
