package dev.stackpulse.web;

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
import java.util.Arrays;
import java.util.List;
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

/** The problem types' documentation, at the URIs the problems name (every service serves the same set). */
@PermitAll
@Path(ProblemType.BASE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "problems", description = "The problem types every error names in its `type`, with what each means")
public class ProblemTypeResource {

    private static final String TYPE_EXAMPLE = "{\"type\":\"/problems/gone\",\"status\":410,\"title\":\"Gone\","
            + "\"meaning\":\"The cursor points before the retention window: that part of the list no longer exists.\"}";

    private final ListResponses lists;

    public ProblemTypeResource(ListResponses lists) {
        this.lists = lists;
    }

    /** One problem type as documented: its URI, status, title and meaning. */
    public record ProblemTypeView(String type, int status, String title, String meaning) {
        static ProblemTypeView of(ProblemType t) {
            return new ProblemTypeView(t.uri(), t.status(), t.title(), t.meaning());
        }
    }

    @GET
    @Operation(summary = "Every problem type", description = "The problem types any Stack Pulse service answers with, "
            + "in a fixed order: the stable type URI (compare it, not the title), the status and what it means. A list "
            + "like every other: `limit` and `after`, the next page in `next` and the Link header.")
    @APIResponse(responseCode = "200", description = "A page of problem types",
            headers = @Header(name = ListResponses.LINK, description = "<next page>; rel=\"next\" (RFC 8288), absent "
                    + "on the last page", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ListPage.class, properties = @SchemaProperty(name = "items",
                            type = SchemaType.ARRAY, implementation = ProblemTypeView.class)),
                    examples = @ExampleObject(name = "first", value = "{\"items\":[" + TYPE_EXAMPLE + "],\"limit\":1,"
                            + "\"next\":\"/problems/?after=Z29uZQ&limit=1\"}")))
    @APIResponse(responseCode = "400", description = "Malformed, unknown or repeated parameter")
    public Response all(
            @Parameter(description = "Cursor from a previous page's `next`", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("after") String after,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        int size = QueryParams.limit(limit);
        ProblemType last = after(QueryParams.text("after", after));
        List<ProblemType> all = Arrays.asList(ProblemType.values());
        Slice<ProblemType> slice = Slice.after(all, last == null ? null : t -> t.ordinal() > last.ordinal(), size,
                t -> Cursor.encode(List.of(t.slug())));
        return lists.ok(slice.map(ProblemTypeView::of), uri).build();
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "One problem type", description = "What a problem of this type means and its status.")
    @APIResponse(responseCode = "200", description = "The type", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProblemTypeView.class),
            examples = @ExampleObject(name = "gone", value = TYPE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such problem type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProblemTypeView one(@Parameter(description = "The type's name", example = "gone") @PathParam("slug") String slug) {
        return ProblemType.bySlug(slug).map(ProblemTypeView::of)
                .orElseThrow(() -> ProblemException.notFound("problem type", slug));
    }

    private static ProblemType after(String cursor) {
        if (cursor == null) {
            return null;
        }
        return ProblemType.bySlug(Cursor.decode(cursor, 1).get(0))
                .orElseThrow(() -> ProblemException.badRequest("after", "not a cursor of this list"));
    }
}
