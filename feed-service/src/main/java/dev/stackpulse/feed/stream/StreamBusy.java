package dev.stackpulse.feed.stream;

import dev.stackpulse.web.Problem;
import dev.stackpulse.web.ProblemType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The replica's SSE connection limit is reached: 503 problem+json with Retry-After (the shared mapper drops headers). */
public class StreamBusy extends RuntimeException {

    private final int retryAfterSeconds;

    public StreamBusy(int limit, int retryAfterSeconds) {
        super("this replica already serves its limit of " + limit + " streams (feed.stream.max-subscribers); retry"
                + " after " + retryAfterSeconds + " s, possibly on another replica");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Maps {@link StreamBusy}; a class of its own so the mapper is global, not bound to one resource. */
    public static class Mapper {

        @ServerExceptionMapper
        public Response busy(StreamBusy e, UriInfo uri) {
            Problem body = Problem.of(ProblemType.UNAVAILABLE, e.getMessage(), uri.getPath(), List.of());
            return Response.status(ProblemType.UNAVAILABLE.status()).type(Problem.MEDIA_TYPE).entity(body)
                    .header(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds)).build();
        }
    }
}
