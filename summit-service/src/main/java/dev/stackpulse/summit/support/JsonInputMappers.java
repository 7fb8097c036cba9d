package dev.stackpulse.summit.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.stackpulse.web.ProblemMappers;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quarkus' built-in mapper for Jackson's MismatchedInputException (unknown field, wrong type, array for object)
 * is closer in type than the shared JsonProcessingException mapper and answers without problem+json; these
 * closer mappers hand such failures to the shared problem mapping. (Belongs in web-support's ProblemMappers.)
 */
public class JsonInputMappers {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper(priority = 1)
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return problems.unreadable(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response wrongFormat(InvalidFormatException e, UriInfo uri) {
        return problems.unreadable(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return problems.unreadable(e, uri);
    }

    /** Unparseable bodies (truncated JSON, number overflow) arrive wrapped in a 400 WebApplicationException. */
    @ServerExceptionMapper(priority = Priorities.USER - 1)
    public Response wrapped(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return problems.unreadable(json, uri);
        }
        return problems.web(e, uri);
    }
}
