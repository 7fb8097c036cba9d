package dev.stackpulse.catalog.upstream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.catalog.TestData;
import dev.stackpulse.events.Topics;
import dev.stackpulse.testing.SharedInfra;
import dev.stackpulse.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * POST /imports with small fixtures in openstack/releases' formats (series_status.yaml, deliverables/): mapping,
 * idempotence (a second import emits nothing), change detection, provenance and the bad-file report.
 */
@QuarkusTest
class UpstreamImportTest {

    private static final String SERIES = "releases/series_status.yaml";

    @Test
    void importsWhatDiffersOnceAndTheSameFilesAgainChangeNothing() throws Exception {
        String project = TestData.createProject("up");
        String older = TestData.unique("upold");
        String newer = TestData.unique("upnew");
        Map<String, String> files = fixture(older, newer, "maintained", project);
        String highlightsKey = newer + "/" + project;
        Set<String> keys = Set.of(older, newer, highlightsKey);
        try (TopicReader topic = TopicReader.fromNow(Topics.CATALOG)) {
            // A dry run reports and changes nothing.
            JsonPath dry = upload(files, true).then().statusCode(200).extract().jsonPath();
            assertEquals(true, dry.getBoolean("dryRun"));
            assertEquals(3, dry.getInt("created"));
            assertEquals(List.of(older, newer, highlightsKey), dry.getList("changes.key"));
            given().get("/releases/" + newer).then().statusCode(404);

            JsonPath first = upload(files, false).then().statusCode(200).extract().jsonPath();
            assertEquals(3, first.getInt("created"));
            assertEquals(0, first.getInt("updated"));
            assertEquals(2, first.getInt("seriesRead"));
            assertTrue(first.getList("skipped", String.class).stream().anyMatch(s -> s.contains("not-in-catalog")));
            List<ConsumerRecord<String, String>> events = topic.awaitRecords(r -> keys.contains(r.key()), 3,
                    Duration.ofSeconds(30));
            assertEquals(Set.of(older, newer, highlightsKey), events.stream().map(ConsumerRecord::key)
                    .collect(java.util.stream.Collectors.toSet()), "one event per change (the dry run emitted none)");
            assertEquals(3, events.size());

            JsonPath release = given().get("/releases/" + newer).then().statusCode(200).extract().jsonPath();
            assertEquals("released", release.getString("status"));
            assertEquals("maintained", release.getString("lifecycle"));
            assertEquals("2031.1", release.getString("versionLabel"));
            assertEquals("2031-04-01", release.getString("releaseDate"));
            int olderSequence = given().get("/releases/" + older).then().extract().path("sequence");
            assertEquals(olderSequence + 1, release.getInt("sequence"), "new series go after the catalog's, oldest first");
            given().get("/releases/" + older).then().body("lifecycle", equalTo("end of life"))
                    .body("status", equalTo("released"));
            given().get("/releases/" + newer + "/projects/" + project).then().statusCode(200)
                    .body("highlights", equalTo(List.of("Parallel live migrations via a new option, faster moves.",
                            "A second highlight.")))
                    .body("adoption", equalTo(null));
            given().get("/projects/navigator").then().statusCode(200)
                    .body("release", org.hamcrest.Matchers.not(equalTo(newer))); // highlights alone are no survey data

            given().get("/provenance/release/" + newer).then().statusCode(200)
                    .body("fields.field", hasItem("lifecycle"))
                    .body("fields.find { it.field == 'lifecycle' }.file", equalTo(SERIES))
                    .body("fields.find { it.field == 'lifecycle' }.line", equalTo(2))
                    .body("fields.find { it.field == 'lifecycle' }.sha256", equalTo(sha256(files.get(SERIES))));
            given().get("/provenance/adoption/" + highlightsKey).then().statusCode(200)
                    .body("fields[0].file", equalTo("releases/deliverables/" + newer + "/" + project + ".yaml"));

            // The same files again: nothing changes, no event (a marker write shows the topic has moved on).
            JsonPath again = upload(files, false).then().statusCode(200).extract().jsonPath();
            assertEquals(0, again.getInt("created") + again.getInt("updated"));
            assertEquals(3, again.getInt("unchanged"));
            String marker = TestData.createProject("upmark");
            topic.awaitRecords(r -> marker.equals(r.key()), 1, Duration.ofSeconds(30));
            assertEquals(3, topic.awaitRecords(r -> keys.contains(r.key()), 3, Duration.ofSeconds(1)).size(),
                    "no event from the second import (the marker written after it has arrived)");

            // One changed field: exactly that entity, one event.
            Map<String, String> changed = fixture(older, newer, "unmaintained", project);
            JsonPath third = upload(changed, false).then().statusCode(200).extract().jsonPath();
            assertEquals(1, third.getInt("updated"));
            assertEquals(List.of("lifecycle"), third.getList("changes[0].fields"));
            String marker2 = TestData.createProject("upmark");
            topic.awaitRecords(r -> marker2.equals(r.key()), 1, Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> later = topic.awaitRecords(r -> keys.contains(r.key()), 4,
                    Duration.ofSeconds(30));
            assertEquals(4, later.size(), "exactly one more event");
            assertEquals(newer, later.get(3).key());
            assertEquals("unmaintained", JsonPath.from(later.get(3).value()).getString("lifecycle"), later.get(3).value());
        } finally {
            TestData.admin().delete("/releases/" + newer + "/projects/" + project);
            TestData.admin().delete("/releases/" + newer);
            TestData.admin().delete("/releases/" + older);
        }
    }

    @Test
    void aBadFileIsReportedWithFileLineAndFieldAndNothingIsApplied() throws Exception {
        String good = TestData.unique("upgood");
        String bad = TestData.unique("upbad");
        Map<String, String> files = new LinkedHashMap<>();
        files.put(SERIES, """
                ---
                - name: %s
                  release-id: 2032.1
                  status: maintained
                  initial-release: 2032-04-01
                - name: %s
                  status: stable-ish
                  initial-release: 2032-13-45
                """.formatted(good, bad));
        files.put("releases/deliverables/" + good + "/nova.yaml", """
                ---
                team: nova
                cycle-highlights: not a list
                """);
        JsonPath problem = upload(files, false).then().statusCode(422).contentType("application/problem+json")
                .extract().jsonPath();
        List<String> fields = problem.getList("errors.field");
        assertTrue(fields.contains(SERIES + ":7 status"), fields.toString());
        assertTrue(fields.contains(SERIES + ":8 initial-release"), fields.toString());
        assertTrue(fields.contains("releases/deliverables/" + good + "/nova.yaml:3 cycle-highlights"), fields.toString());
        given().get("/releases/" + good).then().statusCode(404);

        files.put(SERIES, "- name: [unclosed\n");
        JsonPath broken = upload(Map.of(SERIES, files.get(SERIES)), false).then().statusCode(422).extract().jsonPath();
        assertTrue(broken.getString("errors[0].field").startsWith(SERIES + ":"), broken.prettify());
        assertTrue(broken.getString("errors[0].reason").startsWith("not valid YAML"));

        upload(Map.of("README.md", "no series file"), false).then().statusCode(422)
                .body("errors[0].field", equalTo(SERIES));
    }

    @Test
    void onlyAnAdminImportsAndOnlyAZip() throws Exception {
        byte[] zip = zip(Map.of(SERIES, "[]\n"));
        given().contentType(ImportResource.ZIP).body(zip).post("/imports").then().statusCode(401);
        given().header("Authorization", SharedInfra.tokens().editor()).contentType(ImportResource.ZIP).body(zip)
                .post("/imports").then().statusCode(403);
        admin().contentType("text/plain").body("x").post("/imports").then().statusCode(415)
                .contentType("application/problem+json");
        admin().contentType(ImportResource.ZIP).body("not a zip".getBytes(StandardCharsets.UTF_8)).post("/imports")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        admin().contentType(ImportResource.ZIP).body(zip(Map.of("../escape.yaml", "x"))).post("/imports")
                .then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("outside the archive"));
        admin().contentType(ImportResource.ZIP).body(zip).queryParam("dryRun", "yes").post("/imports")
                .then().statusCode(400).body("errors[0].field", equalTo("dryRun"));
    }

    /** Two series (newest first, as upstream lists them), highlights for the newer one, a file for another project. */
    private static Map<String, String> fixture(String older, String newer, String newerStatus, String project) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(SERIES, """
                ---
                - name: %s
                  release-id: 2031.1
                  status: %s
                  initial-release: 2031-04-01
                  next-phase:
                    status: unmaintained
                    date: 2032-10-01
                - name: %s
                  release-id: 2030.2
                  status: end of life
                  initial-release: 2030-10-01
                """.formatted(newer, newerStatus, older));
        files.put("releases/deliverables/" + newer + "/" + project + ".yaml", """
                ---
                team: %s
                type: service
                release-model: cycle-with-rc
                cycle-highlights:
                  - |
                    Parallel live migrations via a new
                    option, faster moves.
                  - A second highlight.
                releases:
                  - version: 31.0.0
                    projects:
                      - repo: openstack/%s
                        hash: 6df6ad3ff32f2b1fe2978df1032002548ad8eb66
                """.formatted(project, project));
        files.put("releases/deliverables/" + older + "/" + project + ".yaml", """
                ---
                team: %s
                releases: []
                """.formatted(project));
        files.put("releases/deliverables/" + newer + "/not-in-catalog.yaml", """
                ---
                cycle-highlights:
                  - Something else.
                """);
        return files;
    }

    private static io.restassured.response.Response upload(Map<String, String> files, boolean dryRun) throws IOException {
        return admin().contentType(ImportResource.ZIP).queryParam("dryRun", String.valueOf(dryRun)).body(zip(files))
                .post("/imports");
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().header("Authorization", SharedInfra.tokens().admin());
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
