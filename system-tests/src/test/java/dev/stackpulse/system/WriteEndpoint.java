package dev.stackpulse.system;

import java.util.List;
import java.util.Map;

/**
 * A write endpoint the bad-input corpus attacks: a valid request that the corpus mutates into invalid ones.
 *
 * @param contentType   the type the valid request is sent with
 * @param acceptedTypes media types the endpoint accepts (never used as a "wrong content type" attack)
 * @param numericFields fields with a numeric value (get text, overflow and boolean attacks)
 * @param keyField      the field with a restricted key syntax (gets injection and syntax attacks), or null
 * @param invalidValues more values per field that the endpoint must refuse (ranges, enums, references)
 * @param ifMatch       an If-Match header the endpoint requires, or null
 * @param authOnly      only authentication and role attacks (a DELETE has no body to attack)
 */
record WriteEndpoint(String service, String method, String path, String validBody, String role, String contentType,
                     List<String> acceptedTypes, List<String> numericFields, String keyField,
                     Map<String, List<Object>> invalidValues, String ifMatch, boolean authOnly) {

    static final String JSON = "application/json";
    static final String MERGE_PATCH = "application/merge-patch+json";

    static WriteEndpoint json(String service, String method, String path, String body, List<String> numericFields,
                              String keyField, Map<String, List<Object>> invalidValues) {
        return new WriteEndpoint(service, method, path, body, "editor", JSON, List.of(JSON), numericFields,
                keyField, invalidValues, null, false);
    }

    static WriteEndpoint mergePatch(String service, String path, String body, List<String> acceptedTypes,
                                    List<String> numericFields, Map<String, List<Object>> invalidValues) {
        return new WriteEndpoint(service, "PATCH", path, body, "editor", MERGE_PATCH, acceptedTypes, numericFields,
                null, invalidValues, null, false);
    }

    static WriteEndpoint delete(String service, String path) {
        return new WriteEndpoint(service, "DELETE", path, "{}", "editor", JSON, List.of(JSON), List.of(), null,
                Map.of(), null, true);
    }

    WriteEndpoint withAcceptedTypes(List<String> types) {
        return new WriteEndpoint(service, method, path, validBody, role, contentType, types, numericFields, keyField,
                invalidValues, ifMatch, authOnly);
    }

    WriteEndpoint withIfMatch(String tag) {
        return new WriteEndpoint(service, method, path, validBody, role, contentType, acceptedTypes, numericFields,
                keyField, invalidValues, tag, authOnly);
    }
}
