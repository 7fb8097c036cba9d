package dev.stackpulse.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where each service's pages are, so a page links to the others wherever they are deployed. */
@PermitAll
@Path("/pages/links")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "pages", description = "What the web pages need besides the API")
public class PageLinksResource {

    private final PageLinks links;

    public PageLinksResource(PagesConfig config) {
        this.links = new PageLinks(config.catalogUrl(), config.summitUrl(), config.feedUrl());
    }

    /** Base URLs of the three services' pages as a browser reaches them; empty means this origin. */
    public record PageLinks(String catalog, String summit, String feed) {
    }

    @GET
    @Operation(summary = "Where the pages are", description = "The base URLs of catalog-service's, summit-service's "
            + "and feed-service's pages (the Project Navigator, the summit report and sessions, the live feed) as "
            + "configured for this deployment (`stackpulse.pages.*`); an empty string means this origin.")
    @APIResponse(responseCode = "200", description = "The pages' base URLs", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageLinks.class),
            examples = @ExampleObject(name = "local", value = "{\"catalog\":\"http://localhost:8081\","
                    + "\"summit\":\"http://localhost:8082\",\"feed\":\"http://localhost:8083\"}")))
    public PageLinks links() {
        return links;
    }
}
