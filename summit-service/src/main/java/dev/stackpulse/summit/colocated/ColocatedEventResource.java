package dev.stackpulse.summit.colocated;

import dev.stackpulse.web.Language;
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

/** HTTP API of the events held alongside a summit (training, workshops, ...): a list under the summit and each one. */
@Path("/summits/{slug}/colocated-events")
@Produces(MediaType.APPLICATION_JSON)
public class ColocatedEventResource {

    static final String EVENT = """
            {"summit":"tokyo-2015","key":"upstream-training","kind":"training",\
            "name":"Upstream University (OpenStack Upstream Training)","startDate":"2015-10-25",\
            "endDate":"2015-10-26","days":2,"taughtBy":"PTLs (project team leads)",\
            "url":"https://wiki.openstack.org/wiki/OpenStack_Upstream_Training/Info",\
            "summaryEn":"Teaches new contributors the community's ways of working.",\
            "summaryJa":"コントリビュータに必要な「お作法」を教えてくれるトレーニング。",\
            "summary":"Teaches new contributors the community's ways of working.","summaryLanguage":"en",\
            "version":1,"createdAt":"2015-10-20T09:00:00.000Z","updatedAt":"2015-10-20T09:00:00.000Z"}""";
    static final String INPUT = """
            {"key":"upstream-training","kind":"training","name":"Upstream University (OpenStack Upstream Training)",\
            "startDate":"2015-10-25","endDate":"2015-10-26","taughtBy":"PTLs (project team leads)",\
            "url":"https://wiki.openstack.org/wiki/OpenStack_Upstream_Training/Info",\
            "summaryEn":"Teaches new contributors the community's ways of working.",\
            "summaryJa":"コントリビュータに必要な「お作法」を教えてくれるトレーニング。"}""";
    static final String PAGE = "{\"items\":[" + EVENT + "],\"limit\":1,\"next\":"
            + "\"/summits/tokyo-2015/colocated-events?after=c3RhcnREYXRlLGtleR8yMDE1LTEwLTI1H3Vwc3RyZWFtLXRyYWluaW5n"
            + "&limit=1\"}";
    static final List<String> KINDS = List.of("training", "workshop", "hackathon", "meetup", "other");
    static final String WRITE = " Role editor or admin; If-Match (optional) must name the current version.";
    static final String LANGUAGE = " summary follows Accept-Language (en, ja) where the text is held; "
            + "Content-Language says which, and each language has its own ETag (\"4\", \"4-ja\").";

    private final ColocatedEventService service;
    private final ListResponses lists;
    private final PublicLinks links;

    public ColocatedEventResource(ColocatedEventService service, ListResponses lists, PublicLinks links) {
        this.service = service;
        this.lists = lists;
        this.links = links;
    }

    /** The envelope of GET /summits/{slug}/colocated-events, for the OpenAPI document. */
    @Schema(name = "ColocatedEventPage", description = "A page of co-located events (docs/api.md list envelope)")
    record ColocatedEventPage(List<ColocatedEventView> items, @Schema(minimum = "1", maximum = "500") int limit,
                              @Schema(nullable = true) String next) {
    }

    @GET
    @PermitAll
    @Operation(summary = "List a summit's co-located events", description = "Events held alongside the summit "
            + "(training, workshops, ...), by start date then key (one natural order: no sort). Filter: kind. Paged by "
            + "cursor: follow next (also in the Link header) until it is null." + LANGUAGE)
    @APIResponse(responseCode = "200", description = "A page of co-located events",
            headers = @Header(name = ListResponses.LINK, description = "Link to the next page (RFC 8288), present "
                    + "exactly when next is not null", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ColocatedEventPage.class),
                    examples = @ExampleObject(name = "page", value = PAGE)))
    @APIResponse(responseCode = "400", description = "A malformed, repeated or unknown parameter, named in errors")
    @APIResponse(responseCode = "404", description = "No such summit")
    public Response list(
            @Parameter(description = "The summit's slug", example = "tokyo-2015",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 64)) @PathParam("slug") String slug,
            @Parameter(description = "Only events of this kind", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"training", "workshop", "hackathon", "meetup", "other"}))
            @QueryParam("kind") String kind,
            @Parameter(description = "Page size, 1-500 (default 50)", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = "Cursor of the next page: follow next; opaque",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("after") String after,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        String wantedKind = QueryParams.oneOf("kind", kind, KINDS);
        String cursor = QueryParams.text("after", after);
        int size = QueryParams.limit(limit);
        Language language = Language.from(headers);
        return lists.ok(service.list(slug, wantedKind, cursor, size, language), uri)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    @GET
    @PermitAll
    @Path("/{key}")
    @Operation(summary = "One co-located event", description = "The event with its dates, who teaches and its link. "
            + "ETag = version; If-None-Match with it answers 304." + LANGUAGE)
    @APIResponse(responseCode = "200", description = "The event, with its version as ETag", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ColocatedEventView.class),
            examples = @ExampleObject(name = "upstream-training", value = EVENT)))
    @APIResponse(responseCode = "304", description = "If-None-Match names this representation's tag")
    @APIResponse(responseCode = "400", description = "A query parameter was given (unknown-parameter)")
    @APIResponse(responseCode = "404", description = "No such summit or event")
    public Response get(
            @Parameter(description = "The summit's slug", example = "tokyo-2015",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 64)) @PathParam("slug") String slug,
            @Parameter(description = "The event's key within the summit", example = "upstream-training",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 64)) @PathParam("key") String key,
            @Context HttpHeaders headers) {
        return localized(headers, service.get(slug, key, Language.from(headers)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Add a co-located event", description = "Role editor or admin. key unique within the "
            + "summit; kind training, workshop, hackathon, meetup or other; endDate not before startDate; url "
            + "absolute http(s).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ColocatedEventInput.class),
            examples = @ExampleObject(name = "upstream-training", value = INPUT)))
    @APIResponse(responseCode = "201", description = "Created; Location names it, ETag its version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ColocatedEventView.class),
            examples = @ExampleObject(name = "upstream-training", value = EVENT)))
    @APIResponse(responseCode = "400", description = "Invalid field (named) or malformed JSON")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an editor")
    @APIResponse(responseCode = "404", description = "No such summit")
    @APIResponse(responseCode = "409", description = "The summit has an event with this key")
    @APIResponse(responseCode = "415", description = "Not application/json")
    public Response create(
            @Parameter(description = "The summit's slug", example = "tokyo-2015",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 64)) @PathParam("slug") String slug,
            @Valid @NotNull ColocatedEventInput input, @Context HttpHeaders headers, @Context UriInfo uri) {
        ColocatedEventView view = service.create(slug, input, Language.from(headers));
        return links.created(uri.getAbsolutePathBuilder().path(view.key()))
                .tag(Versions.etag(view.version(), view.english() ? null : view.summaryLanguage()))
                .header(HttpHeaders.CONTENT_LANGUAGE, view.summaryLanguage())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).entity(view).build();
    }

    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Replace a co-located event", description = "The whole event: absent optional fields reset; "
            + "key in the body absent or equal to the path." + WRITE)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ColocatedEventInput.class),
            examples = @ExampleObject(name = "upstream-training", value = INPUT)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag = the new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ColocatedEventView.class),
            examples = @ExampleObject(name = "upstream-training", value = EVENT)))
    @APIResponse(responseCode = "400", description = "Invalid field or malformed JSON")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an editor")
    @APIResponse(responseCode = "404", description = "No such summit or event")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "415", description = "Not application/json")
    public Response replace(
            @Parameter(description = "The summit's slug", example = "tokyo-2015",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 64)) @PathParam("slug") String slug,
            @Parameter(description = "The event's key within the summit", example = "upstream-training",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 64)) @PathParam("key") String key,
            @Valid @NotNull ColocatedEventInput input, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context HttpHeaders headers) {
        return localized(null, service.replace(slug, key, input, Precondition.ifMatch(ifMatch), Language.from(headers)));
    }

    @PATCH
    @Path("/{key}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Change a co-located event", description = "A JSON merge patch (RFC 7396, "
            + "application/merge-patch+json only; null removes an optional field); the merged result must be a "
            + "valid PUT body." + WRITE)
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "taught-by", value = "{\"taughtBy\":\"PTLs and core reviewers\","
                    + "\"summaryJa\":null}")))
    @APIResponse(responseCode = "200", description = "Changed; ETag = the new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ColocatedEventView.class),
            examples = @ExampleObject(name = "upstream-training", value = EVENT)))
    @APIResponse(responseCode = "400", description = "Invalid result or malformed JSON")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an editor")
    @APIResponse(responseCode = "404", description = "No such summit or event")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "415", description = "Not application/merge-patch+json")
    public Response patch(
            @Parameter(description = "The summit's slug", example = "tokyo-2015",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 64)) @PathParam("slug") String slug,
            @Parameter(description = "The event's key within the summit", example = "upstream-training",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 64)) @PathParam("key") String key,
            String body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context HttpHeaders headers)
            throws JsonProcessingException {
        return localized(null, service.patch(slug, key, body, Precondition.ifMatch(ifMatch), Language.from(headers)));
    }

    @DELETE
    @Path("/{key}")
    @RolesAllowed("admin")
    @Operation(summary = "Delete a co-located event", description = "Role admin. If-Match (optional) must name the "
            + "current version.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such summit or event")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response delete(
            @Parameter(description = "The summit's slug", example = "tokyo-2015",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 64)) @PathParam("slug") String slug,
            @Parameter(description = "The event's key within the summit", example = "upstream-training",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 64)) @PathParam("key") String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(slug, key, Precondition.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    /** The representation in its language with that language's ETag; {@code headers} null: no 304 (after a write). */
    private static Response localized(HttpHeaders headers, ColocatedEventView view) {
        return Versions.localized(headers, view, view.version(), view.summaryLanguage(), view.english());
    }
}
