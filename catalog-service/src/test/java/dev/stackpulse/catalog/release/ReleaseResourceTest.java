package dev.stackpulse.catalog.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.stackpulse.catalog.TestData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Release series, their highlights, and the per-project records inside a release. */
@QuarkusTest
class ReleaseResourceTest {

    @Test
    void listsReleasesBySequenceWithPaging() {
        given().get("/releases").then().statusCode(200)
                .body("limit", equalTo(50))
                .body("items.size()", greaterThanOrEqualTo(13))
                .body("items[0].name", equalTo("austin"))
                .body("items[11].name", equalTo("liberty"))
                .body("items[12].status", equalTo("under-development"));
        given().queryParam("limit", 5).get("/releases").then().statusCode(200)
                .body("items", hasSize(5)).body("next", containsString("after="))
                .header("Link", containsString("rel=\"next\""));
        given().queryParam("status", "under-development").get("/releases").then().statusCode(200)
                .body("items.name", contains("mitaka"));
    }

    @Test
    void aWalkOfReleasesWithLimitTwoSeesEachOnceInSequenceOrder() {
        List<String> whole = given().get("/releases?limit=500").then().statusCode(200)
                .body("next", nullValue()).extract().path("items.name");
        assertEquals(whole, TestData.walk("/releases?limit=2", "name"));
        assertEquals("austin", whole.get(0));
    }

    @Test
    void aForeignOrTamperedCursorIs400NamingAfter() {
        String projectsNext = given().queryParam("limit", 1).get("/projects").then().extract().path("next");
        String foreign = projectsNext.replaceAll(".*after=([^&]*).*", "$1");
        for (String bad : List.of(foreign, "AAAA", "%%%")) {
            given().queryParam("after", bad).get("/releases").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/invalid-parameter")).body("errors[0].field", equalTo("after"));
            given().queryParam("after", bad).get("/releases/liberty/highlights").then().statusCode(400)
                    .body("type", equalTo("/problems/invalid-parameter")).body("errors[0].field", equalTo("after"));
        }
    }

    @ParameterizedTest
    @CsvSource({"limit,0", "limit,1000", "limit,one", "status,gone"})
    void badPagingIs400(String name, String value) {
        given().queryParam(name, value).get("/releases").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(name));
    }

    @Test
    void unknownParametersAre400() {
        given().queryParam("page", 1).get("/releases").then().statusCode(400)
                .body("type", equalTo("/problems/unknown-parameter")).body("errors[0].field", equalTo("page"));
        given().queryParam("size", 1).get("/releases/liberty").then().statusCode(400)
                .body("type", equalTo("/problems/unknown-parameter")).body("errors[0].field", equalTo("size"));
        given().queryParam("sort", "name").get("/releases/liberty/highlights").then().statusCode(400)
                .body("type", equalTo("/problems/unknown-parameter"));
    }

    @Test
    void getsLibertyWithETagAnd304() {
        given().get("/releases/liberty").then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("displayName", equalTo("Liberty"))
                .body("sequence", equalTo(12))
                .body("versionLabel", equalTo("2015.2"))
                .body("releaseDate", equalTo("2015-10-15"))
                .body("keywords", contains("Manageability", "Scalability", "Extensibility"));
        given().header("If-None-Match", "\"0\"").get("/releases/liberty").then().statusCode(304);
        given().get("/releases/nope").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void createReplaceDeleteLifecycle() {
        String name = TestData.unique("rel");
        int sequence = TestData.nextSequence();
        TestData.editor().body(TestData.releaseJson(name, sequence, "planned")).post("/releases").then()
                .statusCode(201).header("Location", endsWith("/releases/" + name)).header("ETag", "\"0\"");
        TestData.editor().body(TestData.releaseJson(name, sequence, "planned")).post("/releases").then()
                .statusCode(409).contentType("application/problem+json");
        TestData.editor().body(TestData.releaseJson(TestData.unique("rel"), sequence, "planned")).post("/releases")
                .then().statusCode(409).body("errors[0].field", equalTo("sequence"));
        TestData.editor().header("If-Match", "\"9\"").body(TestData.releaseJson(name, sequence, "released"))
                .put("/releases/" + name).then().statusCode(412);
        TestData.editor().header("If-Match", "\"0\"").body(TestData.releaseJson(name, sequence, "released"))
                .put("/releases/" + name).then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("released"));
        TestData.editor().body(TestData.releaseJson(name, 12, "released")).put("/releases/" + name).then()
                .statusCode(409).body("errors[0].field", equalTo("sequence"));
        TestData.editor().delete("/releases/" + name).then().statusCode(403);
        TestData.admin().header("If-Match", "\"0\"").delete("/releases/" + name).then().statusCode(412);
        TestData.admin().delete("/releases/" + name).then().statusCode(204);
        given().get("/releases/" + name).then().statusCode(404);
        TestData.admin().delete("/releases/" + name).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void deletingAReferencedReleaseIs409() {
        String release = TestData.createRelease("ref");
        String slug = TestData.unique("ref");
        TestData.createProject("""
                {"slug":"%s","name":"Ref","serviceName":"Ref service","serviceType":"ref","tier":"optional",
                 "firstRelease":"%s"}""".formatted(slug, release), 201);
        TestData.admin().delete("/releases/" + release).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("first release"));
        TestData.admin().delete("/releases/kilo").then().statusCode(409);
        given().get("/releases/" + release).then().statusCode(200);
    }

    @Test
    void libertyHighlightsPerProjectInOrder() {
        given().get("/releases/liberty/highlights").then().statusCode(200)
                .body("limit", equalTo(50)).body("next", nullValue())
                .body("items.project", contains("cinder", "glance", "keystone", "neutron", "nova", "swift"))
                .body("items.find { it.project == 'neutron' }.highlights", contains(
                        "role-based access control (RBAC) for networks", "initial QoS implementation",
                        "data-plane connectivity kept while the OVS agent restarts"))
                .body("items.find { it.project == 'neutron' }.adoption", equalTo(89));
        given().get("/releases/nope/highlights").then().statusCode(404).contentType("application/problem+json");
        assertEquals(List.of("cinder", "glance", "keystone", "neutron", "nova", "swift"),
                TestData.walk("/releases/liberty/highlights?limit=2", "project"));
    }

    @Test
    void patchChangesSomeFieldsOfARelease() {
        String name = TestData.createRelease("patch");
        TestData.editor().contentType(TestData.MERGE_PATCH).header("If-Match", "\"0\"")
                .body("{\"status\":\"released\",\"versionLabel\":null,\"keywords\":[\"Patched\"]}")
                .patch("/releases/" + name).then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("released")).body("versionLabel", nullValue())
                .body("keywords", contains("Patched")).body("displayName", equalTo("Test " + name));
        TestData.editor().contentType(TestData.MERGE_PATCH).header("If-Match", "\"0\"").body("{\"status\":\"planned\"}")
                .patch("/releases/" + name).then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("/problems/precondition-failed"));
        TestData.editor().contentType(TestData.MERGE_PATCH).body("{\"sequence\":12}").patch("/releases/" + name)
                .then().statusCode(409).body("errors[0].field", equalTo("sequence"));
        TestData.editor().contentType(TestData.MERGE_PATCH).body("{\"status\":\"gone\"}").patch("/releases/" + name)
                .then().statusCode(400).body("type", equalTo("/problems/invalid-body"))
                .body("errors[0].field", equalTo("status"));
        TestData.editor().contentType(TestData.MERGE_PATCH).body("{\"name\":\"other\"}").patch("/releases/" + name)
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        TestData.editor().body("{\"status\":\"planned\"}").patch("/releases/" + name).then().statusCode(415)
                .contentType("application/problem+json");
        TestData.editor().contentType(TestData.MERGE_PATCH).body("{}").patch("/releases/nope").then().statusCode(404);
        given().get("/releases/" + name).then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("released"));
    }

    @Test
    void patchChangesSomeFieldsOfAPerReleaseRecord() {
        String slug = TestData.createProject("rec-patch");
        String path = "/releases/kilo/projects/" + slug;
        TestData.editor().contentType(TestData.MERGE_PATCH).body("{\"adoption\":5}").patch(path).then()
                .statusCode(404);
        TestData.putKilo(slug, 40, "first", "second");
        TestData.editor().contentType(TestData.MERGE_PATCH).header("If-Match", "\"0\"").body("{\"adoption\":55}")
                .patch(path).then().statusCode(200).header("ETag", "\"1\"")
                .body("adoption", equalTo(55)).body("highlights", contains("first", "second"));
        TestData.editor().contentType(TestData.MERGE_PATCH).body("{\"adoption\":null,\"highlights\":[\"only\"]}")
                .patch(path).then().statusCode(200).body("adoption", nullValue()).body("highlights", contains("only"));
        TestData.editor().contentType(TestData.MERGE_PATCH).header("If-Match", "\"0\"").body("{\"adoption\":1}")
                .patch(path).then().statusCode(412);
        TestData.editor().contentType(TestData.MERGE_PATCH).body("{\"adoption\":101}").patch(path).then()
                .statusCode(400).body("errors[0].field", equalTo("adoption"));
        TestData.editor().contentType(TestData.MERGE_PATCH).body("{\"share\":1}").patch(path).then()
                .statusCode(400).body("errors[0].field", equalTo("share"));
        TestData.editor().body("{\"adoption\":1}").patch(path).then().statusCode(415);
        given().get(path).then().statusCode(200).header("ETag", "\"2\"").body("highlights", contains("only"));
    }

    @Test
    void aWritesReplyCarriesTheTimesTheReadBackShows() {
        String name = TestData.unique("time");
        String created = TestData.editor().body(TestData.releaseJson(name, TestData.nextSequence(), "planned"))
                .post("/releases").then().statusCode(201).extract().path("updatedAt");
        assertTrue(created.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"), created);
        given().get("/releases/" + name).then().body("updatedAt", equalTo(created)).body("createdAt", equalTo(created));
        String patched = TestData.editor().contentType(TestData.MERGE_PATCH).body("{\"status\":\"released\"}")
                .patch("/releases/" + name).then().statusCode(200).extract().path("updatedAt");
        given().get("/releases/" + name).then().body("updatedAt", equalTo(patched)).body("createdAt", equalTo(created));

        String slug = TestData.createProject("time");
        String project = TestData.editor().contentType(TestData.MERGE_PATCH).body("{\"sdkCount\":3}")
                .patch("/projects/" + slug).then().statusCode(200).extract().path("updatedAt");
        assertTrue(project.endsWith("Z") && project.matches(".*\\.\\d{3}Z"), project);
        given().get("/projects/" + slug).then().body("updatedAt", equalTo(project));
        String record = TestData.editor().body("{\"adoption\":3}").put("/releases/kilo/projects/" + slug).then()
                .statusCode(201).extract().path("updatedAt");
        assertTrue(record.matches(".*\\.\\d{3}Z"), record);
        given().get("/releases/kilo/projects/" + slug).then().body("updatedAt", equalTo(record))
                .body("createdAt", equalTo(record));
    }

    @Test
    void perReleaseRecordLifecycle() {
        String slug = TestData.createProject("rec");
        String path = "/releases/kilo/projects/" + slug;
        given().get(path).then().statusCode(404);
        TestData.editor().body("{\"adoption\":40,\"highlights\":[\"first\",\"second\"]}").put(path).then()
                .statusCode(201).header("ETag", "\"0\"")
                .body("release", equalTo("kilo")).body("project", equalTo(slug))
                .body("highlights", contains("first", "second"));
        TestData.editor().header("If-Match", "\"4\"").body("{\"adoption\":41}").put(path).then().statusCode(412);
        TestData.editor().header("If-Match", "\"0\"").body("{\"adoption\":41,\"highlights\":[\"second\",\"first\"]}")
                .put(path).then().statusCode(200).header("ETag", "\"1\"")
                .body("adoption", equalTo(41)).body("highlights", contains("second", "first"));
        given().get(path).then().statusCode(200).header("ETag", "\"1\"");
        given().header("If-None-Match", "\"1\"").get(path).then().statusCode(304);
        given().get("/releases/kilo/highlights?limit=500").then().statusCode(200)
                .body("items.find { it.project == '" + slug + "' }.highlights", contains("second", "first"));
        given().get("/projects/" + slug + "/adoption").then().statusCode(200)
                .body("releases.adoption", contains(41));
        TestData.editor().delete(path).then().statusCode(403);
        TestData.admin().delete(path).then().statusCode(204);
        given().get(path).then().statusCode(404);
        TestData.admin().delete(path).then().statusCode(404);
    }

    @Test
    void recordForUnknownReleaseOrProjectIs404NamingIt() {
        String slug = TestData.createProject("rec-unknown");
        TestData.editor().body("{\"adoption\":40}").put("/releases/nope/projects/" + slug).then().statusCode(404)
                .contentType("application/problem+json").body("errors[0].field", equalTo("release"));
        TestData.editor().body("{\"adoption\":40}").put("/releases/kilo/projects/nope").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("project 'nope'"));
    }
}
