package dev.stackpulse.summit.notes;

import dev.stackpulse.summit.support.Params;
import dev.stackpulse.web.ProblemException;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** HTTP API of a session's notes and their revisions; the ETag of the notes is the revision number. */
@Path("/sessions/{id}/notes")
@Produces(MediaType.APPLICATION_JSON)
public class NotesResource {

    static final String MARKDOWN = "text/markdown";

    private final NotesService service;
    private final SecurityIdentity identity;

    public NotesResource(NotesService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @PermitAll
    @Operation(summary = "Current notes", description = "Revision 0 with an empty body before the first edit.")
    @APIResponse(responseCode = "200", description = "The notes; ETag = revision number")
    @APIResponse(responseCode = "304", description = "If-None-Match names the current revision")
    @APIResponse(responseCode = "404", description = "No such session")
    public Response current(@PathParam("id") long id, @Context HttpHeaders headers) {
        NotesView view = service.current(id);
        return Versions.current(headers, view, view.revision());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Edit the notes (new revision)", description = "JSON {\"body\": \"...markdown...\"}. "
            + "If-Match with the current revision is required (\"0\" before the first edit); body at most 1 MiB.")
    @APIResponse(responseCode = "200", description = "Saved as a new revision; ETag = its number")
    @APIResponse(responseCode = "400", description = "Malformed JSON or no body")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "412", description = "Another edit came first: If-Match is not the current revision")
    @APIResponse(responseCode = "413", description = "Body larger than 1 MiB")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response edit(@PathParam("id") long id, @Valid @NotNull NotesInput input,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return saved(service.edit(id, input.body(), ifMatch, author()));
    }

    @PUT
    @Consumes({MARKDOWN, MediaType.TEXT_PLAIN})
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Edit the notes with a raw Markdown body", description = "Same rules as the JSON form.")
    public Response editMarkdown(@PathParam("id") long id, String body,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return saved(service.edit(id, body == null ? "" : Text.require("body", body), ifMatch, author()));
    }

    @GET
    @PermitAll
    @Path("/revisions")
    @Operation(summary = "Revision history, oldest first (no bodies)")
    @APIResponse(responseCode = "200", description = "The revisions")
    @APIResponse(responseCode = "404", description = "No such session")
    public List<RevisionSummary> revisions(@PathParam("id") long id) {
        return service.revisions(id);
    }

    @GET
    @PermitAll
    @Path("/revisions/{n}")
    @Operation(summary = "One revision with its body")
    @APIResponse(responseCode = "200", description = "The revision")
    @APIResponse(responseCode = "404", description = "No such session or revision")
    public NotesView revision(@PathParam("id") long id, @PathParam("n") int n) {
        return service.revision(id, n);
    }

    @GET
    @PermitAll
    @Path("/diff")
    @Produces(MediaType.TEXT_PLAIN + ";charset=utf-8")
    @Operation(summary = "Unified diff between two revisions", description = "from and to are revision numbers; "
            + "0 is the empty text before the first edit.")
    @APIResponse(responseCode = "200", description = "The diff (empty when equal)")
    @APIResponse(responseCode = "400", description = "from or to missing or not a number")
    @APIResponse(responseCode = "404", description = "No such session or revision")
    public String diff(@PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return service.diff(id, revisionNumber("from", from), revisionNumber("to", to));
    }

    /** A required revision number: 400 naming the parameter when absent, not a number or negative. */
    private static int revisionNumber(String name, String raw) {
        Integer value = Params.integer(name, Params.required(name, raw), null);
        if (value == null || value < 0) {
            throw ProblemException.badRequest(name, "must be a revision number (0 or more)");
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
