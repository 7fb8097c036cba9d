package dev.stackpulse.feed.entry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The feed in position order, from this service's database. */
@Path("/feed")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    @GET
    public FeedPage page(@QueryParam("after") @DefaultValue("0") @Min(0) long after,
                         @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        List<FeedEntryView> entries = FeedEntry.<FeedEntry>find("position > ?1 order by position", after)
                .page(0, limit).stream().map(FeedEntryView::of).toList();
        long next = entries.isEmpty() ? after : entries.get(entries.size() - 1).position();
        return new FeedPage(entries, next);
    }
}
