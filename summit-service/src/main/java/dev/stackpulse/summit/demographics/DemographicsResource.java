package dev.stackpulse.summit.demographics;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stackpulse.outbox.Versioned;
import dev.stackpulse.web.MergePatch;
import dev.stackpulse.web.Precondition;
import dev.stackpulse.web.Versions;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Parts of a summit: demographics, keynote highlights, awards. They share the summit's version (ETag), so GET,
 * PUT and PATCH of a part follow the summit's If-None-Match / If-Match rules.
 */
@Path("/summits/{slug}")
@Produces(MediaType.APPLICATION_JSON)
public class DemographicsResource {

    static final String DEMOGRAPHICS_INPUT = """
            {"topCountries":["United States","Japan"],"regionShares":[{"name":"APAC","percent":46,\
            "basis":"inferred","note":null}],"roleShares":[{"name":"Developer","percent":28,"basis":"given",\
            "note":null}]}""";
    static final String DEMOGRAPHICS = """
            {"summit":"tokyo-2015","topCountries":["United States","Japan"],"regionShares":[{"name":"APAC",\
            "percent":46,"basis":"inferred","note":null}],"roleShares":[{"name":"Developer","percent":28,\
            "basis":"given","note":null}],"version":1}""";
    static final String HIGHLIGHTS_INPUT = "{\"highlights\":[\"Big Tent: projects governed by the TC\"]}";
    static final String HIGHLIGHTS = "{\"summit\":\"tokyo-2015\",\"highlights\":[\"Big Tent: projects governed by "
            + "the TC\"],\"version\":1}";
    static final String AWARDS_INPUT = "{\"awards\":[{\"name\":\"Superuser Award\",\"winner\":\"NTT Group\","
            + "\"note\":\"first winner from APAC\"}]}";
    static final String AWARDS = "{\"summit\":\"tokyo-2015\",\"awards\":[{\"name\":\"Superuser Award\","
            + "\"winner\":\"NTT Group\",\"note\":\"first winner from APAC\"}],\"version\":1}";
    static final String WRITE = " Role editor or admin; If-Match (optional) must name the summit's current version.";
    static final String PATCH = " A JSON merge patch (RFC 7396, application/merge-patch+json only; lists are "
            + "replaced whole); the merged result must be a valid PUT body.";

    private final DemographicsService service;

    public DemographicsResource(DemographicsService service) {
        this.service = service;
    }

    @GET
    @PermitAll
    @Path("/demographics")
    @Operation(summary = "A summit's demographics", description = "Top countries in rank order, region and role "
            + "shares (empty lists when unknown). ETag = the summit's version.")
    @APIResponse(responseCode = "200", description = "The demographics", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DemographicsView.class),
            examples = @ExampleObject(name = "tokyo", value = DEMOGRAPHICS)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    @APIResponse(responseCode = "400", description = "A query parameter was given (unknown-parameter)")
    @APIResponse(responseCode = "404", description = "No such summit")
    public Response demographics(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        return current(service.demographics(slug), headers);
    }

    @PUT
    @Path("/demographics")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Replace a summit's demographics", description = "Percent 0..100, each set sums to at most "
            + "100 (a remainder is its own category), basis given|inferred, names distinct." + WRITE)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Demographics.class),
            examples = @ExampleObject(name = "tokyo", value = DEMOGRAPHICS_INPUT)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag = the summit's new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DemographicsView.class),
            examples = @ExampleObject(name = "tokyo", value = DEMOGRAPHICS)))
    @APIResponse(responseCode = "400", description = "Invalid field (named) or malformed JSON")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an editor")
    @APIResponse(responseCode = "404", description = "No such summit")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "415", description = "Not application/json")
    public Response replaceDemographics(@PathParam("slug") String slug, @Valid @NotNull Demographics input,
                                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return saved(service.replaceDemographics(slug, input, Precondition.ifMatch(ifMatch)));
    }

    @PATCH
    @Path("/demographics")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Change a summit's demographics", description = PATCH + WRITE)
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "countries", value = "{\"topCountries\":[\"Japan\",\"United States\"]}")))
    @APIResponse(responseCode = "200", description = "Changed; ETag = the summit's new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DemographicsView.class),
            examples = @ExampleObject(name = "tokyo", value = DEMOGRAPHICS)))
    @APIResponse(responseCode = "400", description = "Invalid result or malformed JSON")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an editor")
    @APIResponse(responseCode = "404", description = "No such summit")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "415", description = "Not application/merge-patch+json")
    public Response patchDemographics(@PathParam("slug") String slug, String body,
                                      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) throws JsonProcessingException {
        return saved(service.patchDemographics(slug, body, Precondition.ifMatch(ifMatch)));
    }

    @GET
    @PermitAll
    @Path("/highlights")
    @Operation(summary = "A summit's keynote highlights", description = "In keynote order. ETag = the summit's "
            + "version.")
    @APIResponse(responseCode = "200", description = "The highlights", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HighlightsView.class),
            examples = @ExampleObject(name = "tokyo", value = HIGHLIGHTS)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    @APIResponse(responseCode = "400", description = "A query parameter was given (unknown-parameter)")
    @APIResponse(responseCode = "404", description = "No such summit")
    public Response highlights(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        return current(service.highlights(slug), headers);
    }

    @PUT
    @Path("/highlights")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Replace a summit's keynote highlights", description = "At most 50, none blank." + WRITE)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HighlightsInput.class),
            examples = @ExampleObject(name = "tokyo", value = HIGHLIGHTS_INPUT)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag = the summit's new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HighlightsView.class),
            examples = @ExampleObject(name = "tokyo", value = HIGHLIGHTS)))
    @APIResponse(responseCode = "400", description = "Invalid field or malformed JSON")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an editor")
    @APIResponse(responseCode = "404", description = "No such summit")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "415", description = "Not application/json")
    public Response replaceHighlights(@PathParam("slug") String slug, @Valid @NotNull HighlightsInput input,
                                      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return saved(service.replaceHighlights(slug, input, Precondition.ifMatch(ifMatch)));
    }

    @PATCH
    @Path("/highlights")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Change a summit's keynote highlights", description = PATCH + WRITE)
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "tokyo", value = HIGHLIGHTS_INPUT)))
    @APIResponse(responseCode = "200", description = "Changed; ETag = the summit's new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HighlightsView.class),
            examples = @ExampleObject(name = "tokyo", value = HIGHLIGHTS)))
    @APIResponse(responseCode = "400", description = "Invalid result or malformed JSON")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an editor")
    @APIResponse(responseCode = "404", description = "No such summit")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "415", description = "Not application/merge-patch+json")
    public Response patchHighlights(@PathParam("slug") String slug, String body,
                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) throws JsonProcessingException {
        return saved(service.patchHighlights(slug, body, Precondition.ifMatch(ifMatch)));
    }

    @GET
    @PermitAll
    @Path("/awards")
    @Operation(summary = "Awards given at a summit", description = "Each with its winner and an optional note. "
            + "ETag = the summit's version.")
    @APIResponse(responseCode = "200", description = "The awards", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AwardsView.class),
            examples = @ExampleObject(name = "tokyo", value = AWARDS)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    @APIResponse(responseCode = "400", description = "A query parameter was given (unknown-parameter)")
    @APIResponse(responseCode = "404", description = "No such summit")
    public Response awards(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        return current(service.awards(slug), headers);
    }

    @PUT
    @Path("/awards")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Replace the awards of a summit", description = "At most 50; name and winner required."
            + WRITE)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AwardsInput.class),
            examples = @ExampleObject(name = "tokyo", value = AWARDS_INPUT)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag = the summit's new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AwardsView.class),
            examples = @ExampleObject(name = "tokyo", value = AWARDS)))
    @APIResponse(responseCode = "400", description = "Invalid field or malformed JSON")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an editor")
    @APIResponse(responseCode = "404", description = "No such summit")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "415", description = "Not application/json")
    public Response replaceAwards(@PathParam("slug") String slug, @Valid @NotNull AwardsInput input,
                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return saved(service.replaceAwards(slug, input, Precondition.ifMatch(ifMatch)));
    }

    @PATCH
    @Path("/awards")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Change the awards of a summit", description = PATCH + WRITE)
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "tokyo", value = AWARDS_INPUT)))
    @APIResponse(responseCode = "200", description = "Changed; ETag = the summit's new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AwardsView.class),
            examples = @ExampleObject(name = "tokyo", value = AWARDS)))
    @APIResponse(responseCode = "400", description = "Invalid result or malformed JSON")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an editor")
    @APIResponse(responseCode = "404", description = "No such summit")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "415", description = "Not application/merge-patch+json")
    public Response patchAwards(@PathParam("slug") String slug, String body,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) throws JsonProcessingException {
        return saved(service.patchAwards(slug, body, Precondition.ifMatch(ifMatch)));
    }

    private static Response current(Versioned view, HttpHeaders headers) {
        return Versions.current(headers, view, view.version());
    }

    private static Response saved(Versioned view) {
        return Versions.tagged(view, view.version());
    }
}
