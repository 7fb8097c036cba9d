package dev.stackpulse.summit.session;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** HTTP API of design-summit sessions and their action items. */
@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    static final String SESSION = """
            {"id":3,"summit":"tokyo-2015","release":"mitaka","project":"nova","title":"Nova: SR-IOV",\
            "kind":"core track","etherpad":"https://etherpad.openstack.org/p/mitaka-nova-sriov","reference":null,\
            "summary":"SR-IOV and PCI passthrough work for Mitaka.","topics":["SR-IOV"],\
            "items":[{"n":1,"text":"document the PCI whitelist","status":"needs-work","owner":null}],"version":1,\
            "createdAt":"2015-10-30T09:00:00.000Z","updatedAt":"2015-10-30T09:00:00.000Z"}""";
    static final String INPUT = """
            {"summit":"tokyo-2015","release":"mitaka","project":"nova","title":"Nova: SR-IOV","kind":"core track",\
            "etherpad":"https://etherpad.openstack.org/p/mitaka-nova-sriov","reference":null,\
            "summary":"SR-IOV and PCI passthrough work for Mitaka.","topics":["SR-IOV"],\
            "items":[{"text":"document the PCI whitelist","status":"needs-work","owner":null}]}""";
    static final String PAGE = "{\"items\":[" + SESSION + "],\"limit\":1,"
            + "\"next\":\"/sessions?summit=tokyo-2015&after=aWQfMw&limit=1\"}";
    static final String ITEM_STATUSES = "ready-to-merge, needs-work, done";
    static final String WRITE = " Role editor or admin; If-Match (optional) must name the current version.";
    static final String PREFIX = "; exact, or a prefix ending in '*'";

    private final SessionService service;
    private final ListResponses lists;
    private final PublicLinks links;

    public SessionResource(SessionService service, ListResponses lists, PublicLinks links) {
        this.service = service;
        this.lists = lists;
        this.links = links;
    }

    /** The envelope of GET /sessions, for the OpenAPI document. */
    @Schema(name = "SessionPage", description = "A page of sessions (docs/api.md list envelope)")
    record SessionPage(List<SessionView> items, @Schema(minimum = "1", maximum = "500") int limit,
                       @Schema(nullable = true) String next) {
    }

    @GET
    @PermitAll
    @Operation(summary = "List design-summit sessions", description = "Sessions by id (one natural order: no "
            + "sort). Filters: summit, release, project (exact or prefix*), itemStatus (sessions with an action item in "
            + "that status), q (case-insensitive substring of the title, summary, a topic, an action item's text or "
            + "the current notes; not of their JSON; Japanese works). Paged by cursor: follow next (also in the "
            + "Link header) until it is null.")
    @APIResponse(responseCode = "200", description = "A page of sessions",
            headers = @Header(name = ListResponses.LINK, description = "Link to the next page (RFC 8288), present "
                    + "exactly when next is not null", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionPage.class),
                    examples = @ExampleObject(name = "page", value = PAGE)))
    @APIResponse(responseCode = "400", description = "A malformed, repeated or unknown parameter, named in errors")
    public Response list(
            @Parameter(description = "Summit slug" + PREFIX, example = "tokyo-2015",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 65)) @QueryParam("summit") String summit,
            @Parameter(description = "Release" + PREFIX, example = "mitaka",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 65)) @QueryParam("release") String release,
            @Parameter(description = "Project" + PREFIX, example = "neutron",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 65)) @QueryParam("project") String project,
            @Parameter(description = "Sessions with an action item in this status", schema = @Schema(
                    type = SchemaType.STRING, enumeration = {"ready-to-merge", "needs-work", "done"}))
            @QueryParam("itemStatus") String itemStatus,
            @Parameter(description = "Text search, case-insensitive", example = "tacker",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200)) @QueryParam("q") String q,
            @Parameter(description = "Page size, 1-500 (default 50)", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = "Cursor of the next page: follow next; opaque",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("after") String after,
            @Context UriInfo uri) {
        SessionService.Filter filter = new SessionService.Filter(QueryParams.match("summit", summit),
                QueryParams.match("release", release), QueryParams.match("project", project),
                QueryParams.oneOf("itemStatus", itemStatus, List.of("ready-to-merge", "needs-work", "done")),
                QueryParams.text("q", q));
        return lists.ok(service.list(filter, QueryParams.text("after", after), QueryParams.limit(limit)), uri).build();
    }

    @GET
    @PermitAll
    @Path("/{id}")
    @Operation(summary = "One session", description = "The session with its topics and numbered action items. "
            + "ETag = version; If-None-Match with it answers 304.")
    @APIResponse(responseCode = "200", description = "The session, with its version as ETag", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class),
            examples = @ExampleObject(name = "sriov", value = SESSION)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    @APIResponse(responseCode = "400", description = "A query parameter was given (unknown-parameter)")
    @APIResponse(responseCode = "404", description = "No such session")
    public Response get(@Parameter(description = "The session's id", schema = @Schema(type = SchemaType.INTEGER, format = "int64",
            minimum = "1", maximum = "9223372036854775807")) @PathParam("id") long id, @Context HttpHeaders headers) {
        SessionView view = service.get(id);
        return Versions.current(headers, view, view.version());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Create a session", description = "Role editor or admin. The summit must exist (else 422); "
            + "etherpad and reference absolute http(s); item status " + ITEM_STATUSES + ".")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SessionInput.class), examples = @ExampleObject(name = "sriov", value = INPUT)))
    @APIResponse(responseCode = "201", description = "Created; Location names it, ETag its version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class),
            examples = @ExampleObject(name = "sriov", value = SESSION)))
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
    @Operation(summary = "Replace a session", description = "The whole session: absent optional fields reset."
            + WRITE)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SessionInput.class), examples = @ExampleObject(name = "sriov", value = INPUT)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag = the new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class),
            examples = @ExampleObject(name = "sriov", value = SESSION)))
    @APIResponse(responseCode = "400", description = "Invalid field or malformed JSON")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an editor")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "415", description = "Not application/json")
    @APIResponse(responseCode = "422", description = "The summit does not exist")
    public Response replace(@Parameter(description = "The session's id", schema = @Schema(type = SchemaType.INTEGER, format = "int64",
            minimum = "1", maximum = "9223372036854775807")) @PathParam("id") long id, @Valid @NotNull SessionInput input,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return saved(service.replace(id, input, Precondition.ifMatch(ifMatch)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Change a session", description = "A JSON merge patch (RFC 7396, "
            + "application/merge-patch+json only; arrays are replaced whole); the merged result must be a valid PUT "
            + "body." + WRITE)
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "summary", value = "{\"summary\":\"Agreed.\",\"reference\":null}")))
    @APIResponse(responseCode = "200", description = "Changed; ETag = the new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class),
            examples = @ExampleObject(name = "sriov", value = SESSION)))
    @APIResponse(responseCode = "400", description = "Invalid result or malformed JSON")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an editor")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "415", description = "Not application/merge-patch+json")
    @APIResponse(responseCode = "422", description = "The summit does not exist")
    public Response patch(@Parameter(description = "The session's id", schema = @Schema(type = SchemaType.INTEGER, format = "int64",
            minimum = "1", maximum = "9223372036854775807")) @PathParam("id") long id, String body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch)
            throws JsonProcessingException {
        return saved(service.patch(id, body, Precondition.ifMatch(ifMatch)));
    }

    @PATCH
    @Path("/{id}/items/{n}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Change one action item", description = "A JSON merge patch of item n (from 1), "
            + "application/merge-patch+json only, e.g. {\"status\":\"done\"}; status " + ITEM_STATUSES + ". "
            + "Answers the whole session and emits one summit.session.updated event." + WRITE)
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "done", value = "{\"status\":\"done\"}")))
    @APIResponse(responseCode = "200", description = "Changed; ETag = the session's new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class),
            examples = @ExampleObject(name = "sriov", value = SESSION)))
    @APIResponse(responseCode = "400", description = "Unknown status or malformed JSON")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an editor")
    @APIResponse(responseCode = "404", description = "No such session or item")
    @APIResponse(responseCode = "412", description = "If-Match names another session version")
    @APIResponse(responseCode = "415", description = "Not application/merge-patch+json")
    public Response patchItem(@Parameter(description = "The session's id", schema = @Schema(type = SchemaType.INTEGER, format = "int64",
            minimum = "1", maximum = "9223372036854775807")) @PathParam("id") long id,
                              @Parameter(description = "Position of the item, from 1", schema = @Schema(
                                      type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
                              @PathParam("n") int n, String body,
                              @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) throws JsonProcessingException {
        return saved(service.patchItem(id, n, body, Precondition.ifMatch(ifMatch)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("admin")
    @Operation(summary = "Delete a session", description = "Role admin. Deletes its notes too (one "
            + "summit.notes.deleted event). If-Match (optional) must name the current version.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response delete(@Parameter(description = "The session's id", schema = @Schema(type = SchemaType.INTEGER, format = "int64",
            minimum = "1", maximum = "9223372036854775807")) @PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, Precondition.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    private static Response saved(SessionView view) {
        return Versions.tagged(view, view.version());
    }
}
