package dev.stackpulse.feed.atom;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriBuilder;
import dev.stackpulse.web.PublicLinks;
import dev.stackpulse.web.QueryParams;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The feed for feed readers: Atom (RFC 4287), paged as archived feeds (RFC 5005). */
@PermitAll
@Path("/feed.atom")
public class AtomResource {

    public static final String MEDIA_TYPE = "application/atom+xml;charset=utf-8";

    private final AtomService atom;
    private final AtomWriter writer;
    private final PublicLinks links;

    public AtomResource(AtomService atom, AtomWriter writer, PublicLinks links) {
        this.atom = atom;
        this.writer = writer;
        this.links = links;
    }

    @GET
    @Produces(MEDIA_TYPE)
    @Operation(summary = "The feed as Atom",
            description = "The subscription document (the entries after the last complete archive, newest first); "
                    + "`page=k` is archive k (RFC 5005: positions ((k-1)*size, k*size], with fh:archive, current, "
                    + "prev-archive and next-archive links). Entry id = urn:uuid:<event id>, updated = event time.")
    @APIResponse(responseCode = "200", description = "Atom feed (RFC 4287)", content = @Content(mediaType = MEDIA_TYPE,
            examples = @ExampleObject(name = "feed", value = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed "
                    + "xmlns=\"http://www.w3.org/2005/Atom\"><id>urn:uuid:6f1c3a52-8d0e-4c1b-9a57-5354b5046565</id>"
                    + "<title>Stack Pulse</title><updated>2015-10-27T09:00:00.000Z</updated><entry>"
                    + "<id>urn:uuid:5d3c1f0e-8a2b-4c6d-9e0f-1a2b3c4d5e6f</id><title>Project nova updated (version 3)"
                    + "</title><updated>2015-10-27T09:00:00.000Z</updated></entry></feed>")))
    @APIResponse(responseCode = "400", description = "page is not a whole number >= 1, or an unknown parameter")
    @APIResponse(responseCode = "404", description = "No such archive page (yet)")
    @APIResponse(responseCode = "410", description = "Archive page pruned by retention")
    public String feed(@Parameter(description = "Archive number (absent: the subscription document)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "2147483647")) @QueryParam("page") String page) {
        Integer archive = QueryParams.integer("page", page, 1, Integer.MAX_VALUE);
        // Links from the configured public base URL, else relative (RFC 4287 allows IRI references): never from Host.
        return writer.write(atom.page(archive), UriBuilder.fromUri(links.link(URI.create("/"))));
    }
}
