package dev.stackpulse.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The problem types' documentation, at the URIs the problems name (every service serves the same set). */
@PermitAll
@Path(ProblemType.BASE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "problems")
public class ProblemTypeResource {

    /** One problem type as documented: its URI, status, title and meaning. */
    public record ProblemTypeView(String type, int status, String title, String meaning) {
        static ProblemTypeView of(ProblemType t) {
            return new ProblemTypeView(t.uri(), t.status(), t.title(), t.meaning());
        }
    }

    @GET
    @Operation(summary = "Every problem type", description = "The problem types any Stack Pulse service answers with: "
            + "the stable type URI (compare it, not the title), the status and what it means.")
    @APIResponse(responseCode = "200", description = "The types", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "types", value = "[{\"type\":\"/problems/invalid-parameter\",\"status\":400,"
                    + "\"title\":\"Invalid parameter\",\"meaning\":\"A query, path or header parameter is malformed\"}]")))
    public List<ProblemTypeView> all() {
        return Arrays.stream(ProblemType.values()).map(ProblemTypeView::of).toList();
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "One problem type", description = "What a problem of this type means and its status.")
    @APIResponse(responseCode = "200", description = "The type", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "gone", value = "{\"type\":\"/problems/gone\",\"status\":410,"
                    + "\"title\":\"Gone\",\"meaning\":\"The cursor points before the retention window\"}")))
    @APIResponse(responseCode = "404", description = "No such problem type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProblemTypeView one(@PathParam("slug") String slug) {
        return ProblemType.bySlug(slug).map(ProblemTypeView::of)
                .orElseThrow(() -> ProblemException.notFound("problem type", slug));
    }
}
