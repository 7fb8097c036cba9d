package dev.stackpulse.system;

import java.util.List;
import java.util.Map;

/**
 * A write endpoint the bad-input corpus attacks: a valid request (method, path, JSON body, role) that the corpus
 * mutates into invalid ones. {@code numericFields} name the fields with numeric ranges, {@code keyField} the
 * field with a restricted key syntax (or null).
 */
record WriteEndpoint(String service, String method, String path, String validBody, String role,
                     List<String> numericFields, String keyField, Map<String, List<Object>> outOfRange) {
}
