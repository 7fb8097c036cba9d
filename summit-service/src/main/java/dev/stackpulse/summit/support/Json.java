package dev.stackpulse.summit.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stackpulse.web.Problem;
import dev.stackpulse.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** JSON documents stored in jsonb columns, JSON merge patch (RFC 7396) and validation of patched inputs. */
@ApplicationScoped
public class Json {

    private final ObjectMapper mapper;
    private final Validator validator;

    public Json(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serializable: " + value.getClass().getName(), e);
        }
    }

    public <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored JSON does not match " + type.getType(), e);
        }
    }

    /** Parses a request body; malformed JSON surfaces as the usual 400 problem. */
    public JsonNode parse(String body) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("body", "a JSON merge patch object is required");
        }
        JsonNode node = mapper.readTree(body);
        if (node == null || !node.isObject()) {
            throw ProblemException.badRequest("body", "a JSON merge patch must be a JSON object");
        }
        return node;
    }

    /** Applies a merge patch to the current state of an input record and returns the validated result. */
    public <T> T mergePatch(T current, JsonNode patch, Class<T> type) throws JsonProcessingException {
        JsonNode merged = merge(mapper.valueToTree(current), patch);
        T result = mapper.treeToValue(merged, type);
        validate(result);
        return result;
    }

    /** Bean Validation of a value built by hand (a patched input): 400 naming every offending field. */
    public void validate(Object value) {
        Set<ConstraintViolation<Object>> violations = validator.validate(value);
        if (violations.isEmpty()) {
            return;
        }
        List<Problem.FieldError> errors = violations.stream()
                .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
        String detail = errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; "));
        throw new ProblemException(dev.stackpulse.web.ProblemType.INVALID_BODY, detail, errors);
    }

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
