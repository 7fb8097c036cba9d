package dev.stackpulse.summit.support;

import dev.stackpulse.web.PublicLinks;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** One page of a list: its items, where it is, how many there are in all, and the link to the next page. */
public record Page<T>(List<T> items, int page, int size, long total, String next) {

    public static <T> Page<T> of(List<T> items, Paging paging, long total, UriInfo uri, PublicLinks links) {
        boolean more = (long) (paging.page() + 1) * paging.size() < total;
        String next = more ? links.link(uri.getRequestUriBuilder().replaceQueryParam("page", paging.page() + 1))
                .toString() : null;
        return new Page<>(items, paging.page(), paging.size(), total, next);
    }
}
