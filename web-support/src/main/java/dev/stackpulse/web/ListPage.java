package dev.stackpulse.web;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The envelope of every list in every service (docs/api.md): the items, the page size and the next page's link. */
public record ListPage<T>(
        @Schema(description = "The items of this page, in the list's order") List<T> items,
        @Schema(description = "The page size asked for (1-500, default 50)", minimum = "1", maximum = "500") int limit,
        @Schema(description = "Link to the next page (also in the Link header, rel=\"next\"); null on the last page",
                nullable = true, example = "/projects?limit=50&after=bmFtZQ") String next) {
}
