package dev.stackpulse.system;

import java.util.List;
import java.util.Map;

/** Every write endpoint of catalog-service and summit-service with one valid request each. */
final class CorpusEndpoints {

    private CorpusEndpoints() {
    }

    static List<WriteEndpoint> all() {
        return List.of(
                new WriteEndpoint("catalog", "POST", "/projects", """
                        {"slug":"corpus-project","name":"Corpus","serviceName":"Corpus service",
                         "serviceType":"corpus","tier":"optional"}""", "editor", List.of(), "slug", Map.of()),
                new WriteEndpoint("summit", "POST", "/summits", """
                        {"slug":"corpus-summit","city":"Testville","season":"Spring 2030",
                         "startDate":"2030-04-01","endDate":"2030-04-03","status":"planned","attendees":10}""",
                        "editor", List.of("attendees"), "slug", Map.of("attendees", List.of(-1))));
    }
}
