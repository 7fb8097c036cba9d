package dev.stackpulse.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Turns a service's {@link Slice} into the list envelope with its next link in the body and the Link header. */
@ApplicationScoped
public class ListResponses {

    /** The header that documents the next link (RFC 8288). */
    public static final String LINK = "Link";

    private final PublicLinks links;

    public ListResponses(PublicLinks links) {
        this.links = links;
    }

    public <T> ListPage<T> page(Slice<T> slice, UriInfo uri) {
        String next = slice.nextCursor() == null ? null : links.link(uri.getRequestUriBuilder()
                .replaceQueryParam("after", slice.nextCursor())
                .replaceQueryParam("limit", slice.limit())).toString();
        return new ListPage<>(slice.items(), slice.limit(), next);
    }

    /** 200 with the envelope and, when there is a next page, {@code Link: <next>; rel="next"}. */
    public Response.ResponseBuilder ok(Slice<?> slice, UriInfo uri) {
        ListPage<?> page = page(slice, uri);
        Response.ResponseBuilder builder = Response.ok(page);
        return page.next() == null ? builder : builder.header(LINK, "<" + page.next() + ">; rel=\"next\"");
    }
}
