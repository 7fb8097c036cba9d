package dev.stackpulse.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every error response in every service's OpenAPI document is an RFC 9457 problem: a resource documents an error
 * by its status and meaning only, and this filter gives it the {@code application/problem+json} content with the
 * {@link Problem} schema (which {@link ProblemTypeResource} makes part of every document).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    static final String SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                || !openAPI.getComponents().getSchemas().containsKey("Problem")) {
            throw new IllegalStateException("the OpenAPI document lacks the Problem schema its error responses name");
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            Map<?, Operation> operations = item.getOperations();
            if (operations != null) {
                operations.values().forEach(ProblemResponses::documentErrors);
            }
        });
    }

    private static void documentErrors(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        if (operation.getResponses().getAPIResponse("400") == null) {
            // KnownParameters answers any operation given a query parameter it does not define.
            operation.getResponses().addAPIResponse("400", OASFactory.createAPIResponse()
                    .description("An unknown or repeated query parameter (unknown-parameter, invalid-parameter)"));
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (isError(status) && !hasProblemSchema(response)) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA))));
            }
        });
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static boolean hasProblemSchema(APIResponse response) {
        Content content = response.getContent();
        return content != null && content.getMediaTypes() != null && content.getMediaTypes().size() == 1
                && content.getMediaType(Problem.MEDIA_TYPE) != null
                && content.getMediaType(Problem.MEDIA_TYPE).getSchema() != null;
    }
}
