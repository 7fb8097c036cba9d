package dev.stackpulse.catalog.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.stackpulse.catalog.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Release series, their highlights, and the per-project records inside a release. */
@QuarkusTest
class ReleaseResourceTest {

    @Test
    void listsReleasesBySequenceWithPaging() {
        given().get("/releases").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(13))
                .body("items[0].name", equalTo("austin"))
                .body("items[11].name", equalTo("liberty"))
                .body("items[12].status", equalTo("under-development"));
        given().queryParam("size", 5).get("/releases").then().statusCode(200)
                .body("items", hasSize(5)).body("next", containsString("page=2"));
        given().queryParam("size", 5).queryParam("page", 1000).get("/releases").then().statusCode(200)
                .body("items", empty()).body("next", nullValue());
    }

    @ParameterizedTest
    @CsvSource({"page,0", "size,1000", "page,one"})
    void badPagingIs400(String name, String value) {
        given().queryParam(name, value).get("/releases").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(name));
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
                .body("project", contains("cinder", "glance", "keystone", "neutron", "nova", "swift"))
                .body("find { it.project == 'neutron' }.highlights", contains(
                        "role-based access control (RBAC) for networks", "initial QoS implementation",
                        "data-plane connectivity kept while the OVS agent restarts"))
                .body("find { it.project == 'neutron' }.adoption", equalTo(89));
        given().get("/releases/nope/highlights").then().statusCode(404);
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
        given().get("/releases/kilo/highlights").then().statusCode(200)
                .body("find { it.project == '" + slug + "' }.highlights", contains("second", "first"));
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
