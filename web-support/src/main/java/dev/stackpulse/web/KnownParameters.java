package dev.stackpulse.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses query parameters an endpoint does not declare (400 {@code unknown-parameter} naming them) and declared ones
 * given twice (400 {@code invalid-parameter}): a misspelt filter must not silently widen a result.
 */
public class KnownParameters {

    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Response check(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        // Vert.x's raw query: most requests have none, and building the JAX-RS request URI to learn that costs.
        if (http.query() == null || resource.getResourceMethod() == null) {
            return null;
        }
        Set<String> names = declared.computeIfAbsent(resource.getResourceMethod(), KnownParameters::queryParams);
        MultivaluedMap<String, String> given = request.getUriInfo().getQueryParameters();
        List<Problem.FieldError> unknown = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : given.entrySet()) {
            if (!names.contains(parameter.getKey())) {
                unknown.add(new Problem.FieldError(parameter.getKey(), "not a parameter of this endpoint"));
            } else if (parameter.getValue().size() > 1) {
                return ProblemMappers.respond(ProblemType.INVALID_PARAMETER, parameter.getKey() + ": given "
                        + parameter.getValue().size() + " times; give it once", request.getUriInfo(),
                        List.of(new Problem.FieldError(parameter.getKey(), "given more than once")));
            }
        }
        if (unknown.isEmpty()) {
            return null;
        }
        String list = unknown.stream().map(Problem.FieldError::field).collect(Collectors.joining(", "));
        String known = names.isEmpty() ? "none" : names.stream().sorted().collect(Collectors.joining(", "));
        return ProblemMappers.respond(ProblemType.UNKNOWN_PARAMETER, "unknown query parameter(s): " + list
                + "; this endpoint takes: " + known, request.getUriInfo(), unknown);
    }

    private static Set<String> queryParams(Method method) {
        return Arrays.stream(method.getParameters()).map(KnownParameters::queryName)
                .filter(n -> n != null).collect(Collectors.toUnmodifiableSet());
    }

    private static String queryName(Parameter parameter) {
        QueryParam query = parameter.getAnnotation(QueryParam.class);
        return query == null ? null : query.value();
    }
}
