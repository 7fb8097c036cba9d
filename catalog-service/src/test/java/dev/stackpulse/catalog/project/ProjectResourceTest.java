package dev.stackpulse.catalog.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.stackpulse.catalog.TestData;
import dev.stackpulse.testing.ManagementRequests;
import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** Single-project endpoints: read, create, replace, merge patch, delete, ETags, languages and roles. */
@QuarkusTest
class ProjectResourceTest {

    /** OpenAPI answers on the management port only. */
    @TestHTTPResource(value = "", management = true)
    URL management;

    @Test
    void getsASeededProjectWithETag() {
        given().get("/projects/neutron").then().statusCode(200)
                .header("ETag", "\"0\"")
                .header("Content-Language", "en")
                .body("name", equalTo("Neutron"))
                .body("serviceName", equalTo("Networking service"))
                .body("tier", equalTo("core"))
                .body("firstRelease", equalTo("folsom"))
                .body("governanceTags", contains("release:has-stable-branches", "team:diverse-affiliation"))
                .body("installGuide", equalTo(true))
                .body("sdkCount", equalTo(12))
                .body("descriptionJa", equalTo("IaaS基盤のネットワーク管理サービス"));
    }

    @Test
    void ifNoneMatchGives304() {
        given().header("If-None-Match", "\"0\"").get("/projects/nova").then().statusCode(304)
                .body(emptyString());
        given().header("If-None-Match", "\"7\"").get("/projects/nova").then().statusCode(200);
    }

    @Test
    void unknownProjectIs404Problem() {
        given().get("/projects/nope").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("project 'nope' does not exist"));
    }

    @Test
    void acceptLanguageJapaneseWhereHeldEnglishOtherwise() {
        given().header("Accept-Language", "ja-JP, en;q=0.5").get("/projects/nova").then().statusCode(200)
                .header("Content-Language", "ja")
                .body("description", equalTo("仮想マシンインスタンスの管理サービス"))
                .body("descriptionLanguage", equalTo("ja"));
        String slug = TestData.createProject("lang");
        given().header("Accept-Language", "ja").get("/projects/" + slug).then().statusCode(200)
                .header("Content-Language", "en").body("descriptionLanguage", equalTo("en"));
        given().header("Accept-Language", "ja").queryParam("q", "virtual machine instance").get("/projects").then().statusCode(200)
                .body("items[0].descriptionLanguage", equalTo("ja"));
    }

    @Test
    void createReturns201WithLocationAndETag() {
        String slug = TestData.unique("create");
        TestData.editor().body("""
                {"slug":"%s","name":"Magnum","serviceName":"Container Infrastructure Management service",
                 "serviceType":"container-infra","tier":"optional","descriptionEn":"Containers",
                 "descriptionJa":"コンテナ","firstRelease":"liberty","governanceTags":["release:has-stable-branches"],
                 "installGuide":true,"sdkCount":2}""".formatted(slug))
                .post("/projects").then().statusCode(201)
                .header("Location", endsWith("/projects/" + slug))
                .header("ETag", "\"0\"")
                .body("firstRelease", equalTo("liberty"))
                .body("version", equalTo(0));
        given().get("/projects/" + slug).then().statusCode(200).body("descriptionJa", equalTo("コンテナ"));
    }

    @Test
    void putReplacesWholeStateAndChecksIfMatch() {
        String slug = TestData.createProject("put");
        String body = """
                {"slug":"%s","name":"Renamed","serviceName":"Other service","serviceType":"other","tier":"core",
                 "sdkCount":9}""".formatted(slug);
        TestData.editor().header("If-Match", "\"5\"").body(body).put("/projects/" + slug).then().statusCode(412)
                .contentType("application/problem+json");
        TestData.editor().header("If-Match", "\"0\"").body(body).put("/projects/" + slug).then().statusCode(200)
                .header("ETag", "\"1\"").body("name", equalTo("Renamed")).body("sdkCount", equalTo(9));
        TestData.editor().header("If-Match", "\"0\"").body(body).put("/projects/" + slug).then().statusCode(412);
        TestData.editor().body(body).put("/projects/nova").then().statusCode(400)
                .body("errors[0].field", equalTo("slug"));
        given().get("/projects/nova").then().body("name", equalTo("Nova"));
        TestData.editor().body(body.replace(slug, "nope-missing")).put("/projects/nope-missing").then()
                .statusCode(404);
    }

    @Test
    void mergePatchChangesOnlyGivenFieldsAndNullRemoves() {
        String slug = TestData.unique("patch");
        TestData.createProject("""
                {"slug":"%s","name":"Patchy","serviceName":"Patch service","serviceType":"patch","tier":"optional",
                 "descriptionEn":"English","descriptionJa":"日本語","sdkCount":3}""".formatted(slug), 201);
        TestData.editor().contentType(TestData.MERGE_PATCH).header("If-Match", "\"0\"")
                .body("{\"sdkCount\":12,\"descriptionJa\":null,\"governanceTags\":[\"team:diverse-affiliation\"]}")
                .patch("/projects/" + slug).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("sdkCount", equalTo(12))
                .body("descriptionJa", nullValue())
                .body("descriptionEn", equalTo("English"))
                .body("name", equalTo("Patchy"))
                .body("governanceTags", contains("team:diverse-affiliation"));
        TestData.editor().contentType(TestData.MERGE_PATCH).header("If-Match", "\"0\"").body("{\"sdkCount\":1}")
                .patch("/projects/" + slug).then().statusCode(412);
        TestData.editor().contentType(TestData.MERGE_PATCH).body("{\"name\":null}")
                .patch("/projects/" + slug).then().statusCode(400).body("errors[0].field", equalTo("name"));
        TestData.editor().contentType(TestData.MERGE_PATCH).body("{\"slug\":\"other\"}")
                .patch("/projects/" + slug).then().statusCode(400).body("errors[0].field", equalTo("slug"));
        TestData.editor().contentType(TestData.MERGE_PATCH).body("{\"colour\":\"red\"}")
                .patch("/projects/" + slug).then().statusCode(400).body("errors[0].field", equalTo("colour"));
        TestData.editor().contentType(TestData.MERGE_PATCH).body("[1,2]")
                .patch("/projects/" + slug).then().statusCode(400).body("errors[0].field", equalTo("body"));
        TestData.editor().body("{\"sdkCount\":1}").patch("/projects/" + slug).then().statusCode(415)
                .contentType("application/problem+json");
        given().get("/projects/" + slug).then().body("version", equalTo(1)).body("sdkCount", equalTo(12));
    }

    @Test
    void deleteNeedsAdminAndRemovesRecords() {
        String slug = TestData.createProject("del");
        TestData.putKilo(slug, 30, "a highlight");
        TestData.editor().delete("/projects/" + slug).then().statusCode(403)
                .contentType("application/problem+json");
        TestData.admin().header("If-Match", "\"3\"").delete("/projects/" + slug).then().statusCode(412);
        TestData.admin().header("If-Match", "\"0\"").delete("/projects/" + slug).then().statusCode(204);
        given().get("/projects/" + slug).then().statusCode(404);
        given().get("/releases/kilo/highlights?limit=500").then().statusCode(200)
                .body("items.project", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(slug)));
        TestData.admin().delete("/projects/" + slug).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void writesNeedAToken() {
        String slug = TestData.unique("anon");
        given().contentType("application/json").body(TestData.projectJson(slug, "core")).post("/projects")
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body(TestData.projectJson("nova", "core")).put("/projects/nova")
                .then().statusCode(401);
        given().contentType(TestData.MERGE_PATCH).body("{}").patch("/projects/nova").then().statusCode(401);
        given().delete("/projects/nova").then().statusCode(401);
        given().header("Authorization", SharedInfra.tokens().expired("editor")).contentType("application/json")
                .body(TestData.projectJson(slug, "core")).post("/projects").then().statusCode(401);
        given().get("/projects/" + slug).then().statusCode(404);
    }

    @Test
    void viewerRoleIsForbiddenToWrite() {
        String viewer = SharedInfra.tokens().bearer("someone", "viewer");
        String slug = TestData.unique("viewer");
        given().header("Authorization", viewer).contentType("application/json")
                .body(TestData.projectJson(slug, "core")).post("/projects")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", viewer).contentType("application/json")
                .body("{\"adoption\":1}").put("/releases/kilo/projects/nova").then().statusCode(403);
        given().header("Authorization", viewer).delete("/projects/nova").then().statusCode(403);
        given().get("/projects/" + slug).then().statusCode(404);
    }

    @Test
    void openApiDocumentsTheEndpoints() {
        ManagementRequests.given(management).get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/projects/navigator'.get.summary", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/releases/{name}/projects/{slug}'.put", org.hamcrest.Matchers.notNullValue());
    }
}
