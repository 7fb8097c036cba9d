package dev.stackpulse.system;

import static dev.stackpulse.system.WriteEndpoint.JSON;
import static dev.stackpulse.system.WriteEndpoint.MERGE_PATCH;

import java.util.List;
import java.util.Map;

/** Every write endpoint of catalog-service and summit-service with one valid request each (seeded keys). */
final class CorpusEndpoints {

    private CorpusEndpoints() {
    }

    static List<WriteEndpoint> all() {
        return List.of(
                WriteEndpoint.json("catalog", "POST", "/projects", """
                        {"slug":"corpus-project","name":"Corpus","serviceName":"Corpus service","serviceType":"corpus",
                         "tier":"optional","sdkCount":3,"firstRelease":"kilo"}""", List.of("sdkCount"), "slug",
                        Map.of("sdkCount", List.of(-1), "tier", List.of("gold", ""),
                                "firstRelease", List.of("atlantis"))),
                WriteEndpoint.json("catalog", "PUT", "/projects/nova", """
                        {"slug":"nova","name":"Nova","serviceName":"Compute service","serviceType":"compute",
                         "tier":"core","sdkCount":9}""", List.of("sdkCount"), "slug",
                        Map.of("sdkCount", List.of(-5), "tier", List.of("platinum"))),
                WriteEndpoint.mergePatch("catalog", "/projects/nova", "{\"sdkCount\":5,\"name\":\"Nova\"}",
                        List.of(MERGE_PATCH), List.of("sdkCount"),
                        Map.of("sdkCount", List.of(-1), "name", List.of(""))),
                WriteEndpoint.json("catalog", "POST", "/releases", """
                        {"name":"corpus-release","displayName":"Corpus","sequence":9001,"versionLabel":"9999.1",
                         "releaseDate":"2030-01-01","status":"planned","keywords":["x"]}""", List.of("sequence"),
                        "name", Map.of("sequence", List.of(-1), "status", List.of("gone"),
                                "releaseDate", List.of("2030-13-45", "yesterday"))),
                WriteEndpoint.json("catalog", "PUT", "/releases/liberty/projects/neutron",
                        "{\"adoption\":90,\"highlights\":[\"Corpus\"]}", List.of("adoption"), null,
                        Map.of("adoption", List.of(-1, 101, 1000))),
                WriteEndpoint.mergePatch("catalog", "/releases/liberty", "{\"sequence\":12,\"status\":\"released\"}",
                        List.of(MERGE_PATCH), List.of("sequence"),
                        Map.of("sequence", List.of(-1, 0), "status", List.of("gone", ""))),
                WriteEndpoint.mergePatch("catalog", "/releases/liberty/projects/neutron", "{\"adoption\":90}",
                        List.of(MERGE_PATCH), List.of("adoption"), Map.of("adoption", List.of(-1, 101, 1000))),
                WriteEndpoint.delete("catalog", "/projects/nova"),
                WriteEndpoint.delete("catalog", "/releases/liberty"),
                WriteEndpoint.json("summit", "POST", "/summits", """
                        {"slug":"corpus-summit","city":"Testville","season":"Spring 2030","startDate":"2030-04-01",
                         "endDate":"2030-04-03","status":"planned","attendees":10,"firstTimePercent":50}""",
                        List.of("attendees", "firstTimePercent"), "slug",
                        Map.of("attendees", List.of(-1), "firstTimePercent", List.of(-1, 101),
                                "status", List.of("cancelled"), "endDate", List.of("2030-03-01"),
                                "startDate", List.of("not-a-date"))),
                WriteEndpoint.mergePatch("summit", "/summits/tokyo-2015", "{\"attendees\":5001}",
                        List.of(MERGE_PATCH), List.of("attendees"), Map.of("attendees", List.of(-1))),
                WriteEndpoint.json("summit", "PUT", "/summits/tokyo-2015/demographics", """
                        {"topCountries":["Japan","United States"],
                         "regionShares":[{"name":"APAC","percent":60,"basis":"given"},
                                         {"name":"Rest","percent":40,"basis":"inferred","note":"remainder"}],
                         "roleShares":[{"name":"Developer","percent":30,"basis":"given"}]}""", List.of(), null,
                        Map.of("regionShares", List.of(List.of(Map.of("name", "APAC", "percent", 101,
                                "basis", "given")), List.of(Map.of("name", "A", "percent", 60, "basis", "given"),
                                Map.of("name", "B", "percent", 50, "basis", "given"))),
                                "roleShares", List.of(List.of(Map.of("name", "Dev", "percent", 30,
                                        "basis", "guessed"))))),
                WriteEndpoint.json("summit", "POST", "/sessions", """
                        {"summit":"tokyo-2015","release":"mitaka","project":"nova","title":"Corpus","kind":"labs",
                         "etherpad":"https://etherpad.openstack.org/p/corpus","summary":"s","topics":["t"],
                         "items":[{"text":"x","status":"done"}]}""", List.of(), null,
                        Map.of("summit", List.of("atlantis-1"), "etherpad",
                                List.of("not a url", "javascript:alert(1)", "ftp://x/y", "//no-scheme"),
                                "items", List.of(List.of(Map.of("text", "x", "status", "finished"))))),
                WriteEndpoint.mergePatch("summit", "/sessions/1/items/1", "{\"status\":\"done\"}",
                        List.of(MERGE_PATCH), List.of(), Map.of("status", List.of("finished", ""))),
                WriteEndpoint.json("summit", "PUT", "/sessions/1/notes", "{\"body\":\"corpus\"}", List.of(), null,
                                Map.of()).withIfMatch("\"0\"")
                        .withAcceptedTypes(List.of(JSON, "text/markdown", "text/plain")),
                WriteEndpoint.delete("summit", "/summits/tokyo-2015"),
                WriteEndpoint.delete("summit", "/sessions/1"));
    }
}
