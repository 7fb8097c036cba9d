package dev.stackpulse.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * JSON merge patch (RFC 7396) of every PATCH endpoint: the patch is applied to the entity's full-replace input, and
 * the result is read (strictly, as a PUT body would be) and validated, so a PATCH accepts exactly what a PUT accepts.
 */
@ApplicationScoped
public class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectMapper mapper;
    private final Validator validator;

    public MergePatch(ObjectMapper mapper, Validator validator) {
        // A tree keeps decimals as written: by default it strips trailing zeros, and 60 would come back as 6E+1.
        this.mapper = mapper.copy().configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        this.validator = validator;
    }

    /** The patched, validated input; 400 {@code invalid-body} when the patch is not an object or the result is invalid. */
    public <T> T apply(T current, String patchBody, Class<T> type) throws JsonProcessingException {
        JsonNode patch = parse(patchBody);
        T result = mapper.treeToValue(merge(mapper.valueToTree(current), patch), type);
        validate(result);
        return result;
    }

    /** Bean Validation of a value built by hand: 400 naming every offending field. */
    public void validate(Object value) {
        Set<ConstraintViolation<Object>> violations = validator.validate(value);
        if (violations.isEmpty()) {
            return;
        }
        List<Problem.FieldError> errors = violations.stream()
                .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
        String detail = errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; "));
        throw new ProblemException(ProblemType.INVALID_BODY, detail, errors);
    }

    private JsonNode parse(String body) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalidBody("body", "a JSON merge patch object is required");
        }
        JsonNode node = mapper.readTree(body);
        if (node == null || !node.isObject()) {
            throw ProblemException.invalidBody("body", "a JSON merge patch must be a JSON object");
        }
        return node;
    }

    /** RFC 7396 section 2: objects merge recursively, null removes a member, anything else replaces. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
