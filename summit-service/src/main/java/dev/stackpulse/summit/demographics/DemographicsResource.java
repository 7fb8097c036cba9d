package dev.stackpulse.summit.demographics;

import dev.stackpulse.outbox.Versioned;
import dev.stackpulse.web.Versions;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Sub-resources of a summit: demographics, keynote highlights, awards (ETag = the summit's version). */
@Path("/summits/{slug}")
@Produces(MediaType.APPLICATION_JSON)
public class DemographicsResource {

    private final DemographicsService service;

    public DemographicsResource(DemographicsService service) {
        this.service = service;
    }

    @GET
    @PermitAll
    @Path("/demographics")
    @Operation(summary = "Top countries, region and role shares of a summit")
    @APIResponse(responseCode = "200", description = "The demographics (empty lists when unknown)")
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    @APIResponse(responseCode = "404", description = "No such summit")
    public Response demographics(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        return tagged(service.demographics(slug), headers);
    }

    @PUT
    @Path("/demographics")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Replace the demographics", description = "Percent 0..100, each set sums to at most 100, "
            + "basis given|inferred, names distinct.")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "Invalid field (named) or malformed JSON")
    @APIResponse(responseCode = "404", description = "No such summit")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response replaceDemographics(@PathParam("slug") String slug, @Valid @NotNull Demographics input,
                                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(service.replaceDemographics(slug, input, ifMatch));
    }

    @GET
    @PermitAll
    @Path("/highlights")
    @Operation(summary = "Keynote highlights, in order")
    @APIResponse(responseCode = "200", description = "The highlights")
    @APIResponse(responseCode = "404", description = "No such summit")
    public Response highlights(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        return tagged(service.highlights(slug), headers);
    }

    @PUT
    @Path("/highlights")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Replace the keynote highlights")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "Invalid field or malformed JSON")
    @APIResponse(responseCode = "404", description = "No such summit")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response replaceHighlights(@PathParam("slug") String slug, @Valid @NotNull HighlightsInput input,
                                      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(service.replaceHighlights(slug, input, ifMatch));
    }

    @GET
    @PermitAll
    @Path("/awards")
    @Operation(summary = "Awards given at the summit")
    @APIResponse(responseCode = "200", description = "The awards")
    @APIResponse(responseCode = "404", description = "No such summit")
    public Response awards(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        return tagged(service.awards(slug), headers);
    }

    @PUT
    @Path("/awards")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Replace the awards")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "Invalid field or malformed JSON")
    @APIResponse(responseCode = "404", description = "No such summit")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response replaceAwards(@PathParam("slug") String slug, @Valid @NotNull AwardsInput input,
                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(service.replaceAwards(slug, input, ifMatch));
    }

    private static Response tagged(Versioned view, HttpHeaders headers) {
        return Versions.current(headers, view, view.version());
    }

    private static Response ok(Versioned view) {
        return Versions.tagged(view, view.version());
    }
}
