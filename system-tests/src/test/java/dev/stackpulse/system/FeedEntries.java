package dev.stackpulse.system;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the whole feed of one feed-service through GET /feed, following each page's next link, as a subscriber would. */
final class FeedEntries {

    /** One entry: its feed position and the CloudEvent attributes the fault tests compare. */
    record Entry(long position, String id, String source, String type, String subject, long version) {
    }

    private FeedEntries() {
    }

    static List<Entry> all(String feedUrl) {
        List<Entry> entries = new ArrayList<>();
        String next = "/feed?after=0&limit=500";
        while (true) {
            JsonPath page = given().baseUri(feedUrl).urlEncodingEnabled(false).get(next).then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            if (items.isEmpty()) {
                return entries;
            }
            for (Map<String, Object> item : items) {
                entries.add(new Entry(((Number) item.get("position")).longValue(), (String) item.get("id"),
                        (String) item.get("source"), (String) item.get("type"), (String) item.get("subject"),
                        ((Number) item.get("entityversion")).longValue()));
            }
            // The feed is endless: next is never null, an empty page (above) is its end for now.
            next = page.getString("next");
        }
    }

    static List<Entry> withSubjectPrefix(String feedUrl, String prefix) {
        return all(feedUrl).stream().filter(e -> e.subject().startsWith(prefix)).toList();
    }
}
