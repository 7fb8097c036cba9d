package dev.stackpulse.catalog.readmodel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.stackpulse.catalog.TestData;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;

/**
 * Reads come from the read model, derived once per change: a row changed behind the service's back (no write, so
 * no change notice) is not seen, which proves no query ran; a write through the API is seen at once; a client
 * naming a newer version than the one held reads through to the database.
 */
@QuarkusTest
class ReadModelTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aProjectIsServedFromMemoryUntilAWriteAndANewerTagReadsThrough() throws Exception {
        String slug = TestData.createProject("rm-single");
        given().get("/projects/" + slug).then().statusCode(200).header("ETag", equalTo("\"0\""));
        behindTheBack("update project set name = 'Hidden', version = 1 where slug = ?", slug);

        // No notice: the held representation is served, and its tag answers 304, without the database.
        given().get("/projects/" + slug).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("name", equalTo("Test " + slug));
        given().header("If-None-Match", "\"0\"").get("/projects/" + slug).then().statusCode(304);

        // A client that knows version 1 exists never gets version 0: it reads through.
        given().header("If-None-Match", "\"1\"").get("/projects/" + slug).then().statusCode(304);
        given().header("If-None-Match", "W/\"1-ja\"").get("/projects/" + slug).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("name", equalTo("Hidden"));

        // A write through the API is served by this replica as soon as it is acknowledged.
        TestData.editor().header("If-Match", "\"1\"").contentType(TestData.MERGE_PATCH)
                .body("{\"name\":\"Renamed\"}").patch("/projects/" + slug).then().statusCode(200)
                .header("ETag", equalTo("\"2\""));
        given().get("/projects/" + slug).then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("name", equalTo("Renamed"));
    }

    @Test
    void listsAreServedFromTheIndexUntilAWrite() throws Exception {
        String slug = TestData.createProject("rm-list");
        String list = "/projects?tier=optional&q=" + slug + "&limit=5";
        given().get(list).then().statusCode(200).body("items.slug", hasItem(slug));
        behindTheBack("update project set tier = 'core' where slug = ?", slug);
        // No notice: the index is unchanged, so no query ran for this page.
        given().get(list).then().statusCode(200).body("items.slug", hasItem(slug));

        TestData.editor().contentType(TestData.MERGE_PATCH).body("{\"sdkCount\":2}").patch("/projects/" + slug)
                .then().statusCode(200);
        // The write dropped the index: the next page is computed from the database's state.
        given().get(list).then().statusCode(200).body("items.slug", not(hasItem(slug)));
        given().get("/projects?tier=core&q=" + slug).then().statusCode(200).body("items.slug", hasItem(slug));
    }

    private void behindTheBack(String sql, String slug) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, slug);
            s.executeUpdate();
        }
    }
}
