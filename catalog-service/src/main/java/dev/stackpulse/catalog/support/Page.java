package dev.stackpulse.catalog.support;

import dev.stackpulse.web.PublicLinks;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** One page of a list: 1-based page number, the total, and the link to the next page (null on the last). */
public record Page<T>(List<T> items, int page, int size, long total, String next) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** Cuts the page out of the whole (already filtered and sorted) list. */
    public static <T> Page<T> of(List<T> all, int page, int size, UriInfo uri, PublicLinks links) {
        int from = (int) Math.min((long) (page - 1) * size, all.size());
        int to = Math.min(from + size, all.size());
        String next = to < all.size()
                ? links.link(uri.getRequestUriBuilder().replaceQueryParam("page", page + 1)
                .replaceQueryParam("size", size)).toString()
                : null;
        return new Page<>(List.copyOf(all.subList(from, to)), page, size, all.size(), next);
    }
}
