package dev.stackpulse.summit.notes;

import dev.stackpulse.web.ListResponses;
import dev.stackpulse.web.Precondition;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.QueryParams;
import dev.stackpulse.web.Text;
import dev.stackpulse.web.Versions;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

/** HTTP API of a session's notes and their revisions; the ETag of the notes is the revision number. */
@Path("/sessions/{id}/notes")
@Produces(MediaType.APPLICATION_JSON)
public class NotesResource {

    static final String MARKDOWN = "text/markdown";
    static final String NOTES = "{\"sessionId\":1,\"revision\":2,\"author\":\"alice\","
            + "\"editedAt\":\"2015-10-28T10:15:00.000Z\",\"body\":\"# Liberty backlog\\n- ovs_agent rework: ready to "
            + "merge\\n\"}";
    static final String PAGE = "{\"items\":[{\"revision\":1,\"author\":\"alice\",\"editedAt\":"
            + "\"2015-10-28T10:15:00.000Z\",\"bytes\":42}],\"limit\":1,"
            + "\"next\":\"/sessions/1/notes/revisions?after=cmV2aXNpb24fMQ&limit=1\"}";
    static final String EDIT = " Role editor or admin. If-Match with the current revision is required (\"0\" before "
            + "the first edit; \"*\" is not accepted): of two edits of the same revision one wins, the other gets 412 "
            + "and must re-read and merge. Body at most 1 MiB of UTF-8; author = the token's subject.";

    private final NotesService service;
    private final SecurityIdentity identity;
    private final ListResponses lists;

    public NotesResource(NotesService service, SecurityIdentity identity, ListResponses lists) {
        this.service = service;
        this.identity = identity;
        this.lists = lists;
    }

    /** The envelope of GET .../notes/revisions, for the OpenAPI document. */
    @Schema(name = "RevisionPage", description = "A page of the notes history (docs/api.md list envelope)")
    record RevisionPage(List<RevisionSummary> items, @Schema(minimum = "1", maximum = "500") int limit,
                        @Schema(nullable = true) String next) {
    }

    @GET
    @PermitAll
    @Operation(summary = "A session's current notes", description = "Markdown; revision 0 with an empty body before "
            + "the first edit. ETag = the revision number; If-None-Match with it answers 304.")
    @APIResponse(responseCode = "200", description = "The notes; ETag = revision number", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotesView.class),
            examples = @ExampleObject(name = "notes", value = NOTES)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current revision")
    @APIResponse(responseCode = "400", description = "A query parameter was given (unknown-parameter)")
    @APIResponse(responseCode = "404", description = "No such session")
    public Response current(@Parameter(description = "The session's id", schema = @Schema(type = SchemaType.INTEGER, format = "int64",
            minimum = "1", maximum = "9223372036854775807")) @PathParam("id") long id, @Context HttpHeaders headers) {
        NotesView view = service.current(id);
        return Versions.current(headers, view, view.revision());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Edit a session's notes (a new revision)", description = "JSON {\"body\": \"...markdown...\"}, "
            + "or the Markdown itself as text/markdown or text/plain." + EDIT)
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotesInput.class),
                    examples = @ExampleObject(name = "json", value = "{\"body\":\"# Liberty backlog\\n\"}")),
            @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "markdown", value = "# Liberty backlog\n")),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "text", value = "# Liberty backlog\n"))})
    @APIResponse(responseCode = "200", description = "Saved as a new revision; ETag = its number", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotesView.class),
            examples = @ExampleObject(name = "notes", value = NOTES)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or no body")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an editor")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "412", description = "Another edit came first: If-Match is not the current revision")
    @APIResponse(responseCode = "413", description = "Body larger than 1 MiB")
    @APIResponse(responseCode = "415", description = "Not JSON, Markdown or plain text")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response edit(@Parameter(description = "The session's id", schema = @Schema(type = SchemaType.INTEGER, format = "int64",
            minimum = "1", maximum = "9223372036854775807")) @PathParam("id") long id, @Valid @NotNull NotesInput input,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return saved(service.edit(id, input.body(), Precondition.ifMatch(ifMatch), author()));
    }

    @PUT
    @Consumes({MARKDOWN, MediaType.TEXT_PLAIN})
    @RolesAllowed({"editor", "admin"})
    @Operation(hidden = true, summary = "Edit the notes with a raw Markdown body",
            description = "Documented with the JSON form: the same operation")
    public Response editMarkdown(@Parameter(description = "The session's id", schema = @Schema(type = SchemaType.INTEGER, format = "int64",
            minimum = "1", maximum = "9223372036854775807")) @PathParam("id") long id, String body,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return saved(service.edit(id, body == null ? "" : Text.require("body", body), Precondition.ifMatch(ifMatch),
                author()));
    }

    @GET
    @PermitAll
    @Path("/revisions")
    @Operation(summary = "A session's notes history", description = "Every revision, oldest first (the natural "
            + "order of a history: no sort), without bodies. Paged by cursor: follow next (also in the Link header) "
            + "until it is null; new revisions come at the end, so a walk never skips one.")
    @APIResponse(responseCode = "200", description = "A page of revisions",
            headers = @Header(name = ListResponses.LINK, description = "Link to the next page (RFC 8288), present "
                    + "exactly when next is not null", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevisionPage.class),
                    examples = @ExampleObject(name = "page", value = PAGE)))
    @APIResponse(responseCode = "400", description = "A malformed, repeated or unknown parameter, named in errors")
    @APIResponse(responseCode = "404", description = "No such session")
    public Response revisions(@Parameter(description = "The session's id", schema = @Schema(type = SchemaType.INTEGER, format = "int64",
            minimum = "1", maximum = "9223372036854775807")) @PathParam("id") long id,
            @Parameter(description = "Page size, 1-500 (default 50)", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = "Cursor of the next page: follow next; opaque",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("after") String after,
            @Context UriInfo uri) {
        return lists.ok(service.revisions(id, QueryParams.text("after", after), QueryParams.limit(limit)), uri).build();
    }

    @GET
    @PermitAll
    @Path("/revisions/{n}")
    @Operation(summary = "One revision of a session's notes", description = "The revision with its body; revisions "
            + "never change.")
    @APIResponse(responseCode = "200", description = "The revision", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotesView.class),
            examples = @ExampleObject(name = "notes", value = NOTES)))
    @APIResponse(responseCode = "400", description = "A query parameter was given (unknown-parameter)")
    @APIResponse(responseCode = "404", description = "No such session or revision")
    public NotesView revision(@Parameter(description = "The session's id", schema = @Schema(type = SchemaType.INTEGER, format = "int64",
            minimum = "1", maximum = "9223372036854775807")) @PathParam("id") long id,
                              @Parameter(description = "Revision number, from 1", schema = @Schema(
                                      type = SchemaType.INTEGER, minimum = "1", maximum = "2147483647"))
                              @PathParam("n") int n) {
        return service.revision(id, n);
    }

    @GET
    @PermitAll
    @Path("/diff")
    @Produces(MediaType.TEXT_PLAIN + ";charset=utf-8")
    @Operation(summary = "Unified diff between two revisions", description = "from and to are revision numbers; "
            + "0 is the empty text before the first edit. Empty when equal.")
    @APIResponse(responseCode = "200", description = "The diff", content = @Content(mediaType = MediaType.TEXT_PLAIN,
            schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "diff", value = """
                    --- revision/1
                    +++ revision/2
                    @@ -1,2 +1,2 @@
                     # Notes
                    -old line
                    +new line
                    """)))
    @APIResponse(responseCode = "400", description = "from or to missing or not a revision number")
    @APIResponse(responseCode = "404", description = "No such session or revision")
    public String diff(@Parameter(description = "The session's id", schema = @Schema(type = SchemaType.INTEGER, format = "int64",
            minimum = "1", maximum = "9223372036854775807")) @PathParam("id") long id,
                       @Parameter(description = "The revision to diff from (0: the empty text)", required = true,
                               schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "2147483647"))
                       @QueryParam("from") String from,
                       @Parameter(description = "The revision to diff to (0: the empty text)", required = true,
                               schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "2147483647"))
                       @QueryParam("to") String to) {
        return service.diff(id, revisionNumber("from", from), revisionNumber("to", to));
    }

    /** A required revision number: 400 naming the parameter when absent, not a number or negative. */
    private static int revisionNumber(String name, String raw) {
        Integer value = QueryParams.integer(name, raw, 0, Integer.MAX_VALUE);
        if (value == null) {
            throw ProblemException.badRequest(name, "is required (a revision number, 0 or more)");
        }
        return value;
    }

    private String author() {
        return identity.getPrincipal().getName();
    }

    private static Response saved(NotesView view) {
        return Versions.tagged(view, view.revision());
    }
}
