package dev.stackpulse.feed.atom;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriBuilder;
import dev.stackpulse.feed.entry.FeedQuery;
import dev.stackpulse.web.PublicLinks;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "Subscription document (newest entries); ?page=k is archive k (fh:archive, prev/next-archive)")
    @APIResponse(responseCode = "200", description = "Atom feed")
    @APIResponse(responseCode = "400", description = "page is not a whole number >= 1")
    @APIResponse(responseCode = "404", description = "No such archive page (yet)")
    @APIResponse(responseCode = "410", description = "Archive page pruned by retention")
    public String feed(@QueryParam("page") String page) {
        Integer archive = page == null || page.isBlank() ? null
                : FeedQuery.number("page", page, 1, Integer.MAX_VALUE, 1);
        // Links from the configured public base URL, else relative (RFC 4287 allows IRI references): never from Host.
        return writer.write(atom.page(archive), UriBuilder.fromUri(links.link(URI.create("/"))));
    }
}
