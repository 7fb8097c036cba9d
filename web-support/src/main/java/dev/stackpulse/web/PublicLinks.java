package dev.stackpulse.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.Optional;

/**
 * Links the services hand out (next pages, Location, archive links): absolute from the configured public base URL
 * ({@code stackpulse.http.public-base-url}), else relative to the host (RFC 9110 and RFC 8288 allow relative
 * references); never built from the request's Host header, which any client can set.
 */
@ApplicationScoped
public class PublicLinks {

    private final Optional<String> base;

    public PublicLinks(HttpEdgeConfig config) {
        this.base = config.publicBaseUrl().map(URI::toString).map(b -> b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
    }

    /** The link to the path and query of {@code target} (its scheme and authority, from the request, are dropped). */
    public URI link(URI target) {
        String relative = (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        return URI.create(base.map(b -> b + relative).orElse(relative));
    }

    /** {@link #link(URI)} of what the builder (e.g. UriInfo.getRequestUriBuilder()) builds. */
    public URI link(UriBuilder target) {
        return link(target.build());
    }

    /** 201 with Location set as a header: JAX-RS would make a relative Location absolute from the Host header. */
    public Response.ResponseBuilder created(UriBuilder target) {
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, link(target).toString());
    }
}
