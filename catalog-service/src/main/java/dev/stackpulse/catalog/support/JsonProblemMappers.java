package dev.stackpulse.catalog.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.stackpulse.web.ProblemMappers;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Bridges two gaps of the shared ProblemMappers: Quarkus' built-in mapper for MismatchedInputException (unknown
 * field, wrong type) answers plain JSON, and unparseable bodies arrive wrapped in a WebApplicationException.
 * Both end up in ProblemMappers.unreadable, which names the field. (Belongs in web-support; see README.)
 */
public class JsonProblemMappers {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return problems.unreadable(e, uri);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 1)
    public Response wrapped(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return problems.unreadable(json, uri);
        }
        return problems.web(e, uri);
    }
}
