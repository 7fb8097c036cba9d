package dev.stackpulse.feed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.Rfc3339;
import dev.stackpulse.testing.RawHttp;
import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * /feed.atom parsed with the JDK's namespace-aware XML parser and checked against RFC 4287's rules (feed and
 * entry elements, ids as URIs, RFC 3339 dates) and RFC 5005's archive links (%test page size is 5).
 */
@QuarkusTest
class AtomTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String HISTORY = "http://purl.org/syndication/history/1.0";

    @Test
    void subscriptionDocumentIsValidAtomWithEntriesForEachEvent() throws Exception {
        String subject = "atom-" + UUID.randomUUID().toString().substring(0, 8);
        ChangeEvent sample = Events.catalog(subject, "updated", 3);
        // At a whole second: the one time format still writes its three fraction digits (.000Z).
        ChangeEvent event = new ChangeEvent(sample.id(), sample.source(), sample.type(), sample.subject(),
                sample.time().truncatedTo(ChronoUnit.SECONDS), sample.entityVersion(), sample.data());
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            events.send(event);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/feed.atom").asString()
                .contains(event.id().toString()));
        String xml = given().get("/feed.atom").then().statusCode(200).contentType("application/atom+xml")
                .extract().asString();
        Element feed = checkFeed(xml);
        Element entry = entries(feed).stream()
                .filter(e -> child(e, "id").getTextContent().equals("urn:uuid:" + event.id())).findFirst().orElseThrow();
        assertEquals("Project " + subject + " updated (version 3) — catalog-service", child(entry, "title").getTextContent());
        assertTrue(child(entry, "summary").getTextContent().contains("name: Project " + subject));
        assertEquals(Rfc3339.format(event.time()), child(entry, "updated").getTextContent());
        assertTrue(Rfc3339.format(event.time()).endsWith(".000Z"));
        assertTrue(child(entry, "summary").getTextContent().contains(" at " + Rfc3339.format(event.time()) + " "));
        String entityLink = link(entry, "alternate");
        assertTrue(entityLink.endsWith("/feed/entities/catalog-service/" + subject), entityLink);
        given().get(URI.create(entityLink).getPath()).then().statusCode(200);
    }

    @Test
    void linksNeverComeFromTheHostHeader() throws Exception {
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            String subject = "host-" + UUID.randomUUID().toString().substring(0, 8);
            for (int v = 0; v < 6; v++) {
                events.send(Events.catalog(subject, "updated", v));
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("subject", subject)
                    .get("/feed").jsonPath().getList("items").size() == 6);
        }
        RawHttp.Reply current = RawHttp.get("/feed.atom", "Host: evil.example\r\n");
        assertEquals(200, current.status(), current.body());
        Element feed = checkFeed(current.body());
        assertEquals("/feed.atom", link(feed, "self"));
        RawHttp.Reply archive = RawHttp.get(link(feed, "prev-archive"), "Host: evil.example\r\n");
        assertEquals(200, archive.status(), archive.body());
        for (String body : List.of(current.body(), archive.body())) {
            assertFalse(body.contains("evil.example"), body);
        }
    }

    @Test
    void archivesAreLinkedBothWaysAndMarkedAsArchives() throws Exception {
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            String subject = "arch-" + UUID.randomUUID().toString().substring(0, 8);
            for (int v = 0; v < 11; v++) {
                events.send(Events.summit(subject, "updated", v));
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("subject", subject)
                    .get("/feed").jsonPath().getList("items").size() == 11);
        }
        Element current = checkFeed(given().get("/feed.atom").asString());
        String prevArchive = link(current, "prev-archive");
        assertNotNull(prevArchive, "subscription document links its newest archive");
        Element archive = checkFeed(given().get(pathAndQuery(prevArchive)).then().statusCode(200).extract().asString());
        assertEquals(1, archive.getElementsByTagNameNS(HISTORY, "archive").getLength(), "fh:archive present");
        assertEquals(prevArchive, link(archive, "self"));
        assertTrue(link(archive, "current").endsWith("/feed.atom"));
        assertEquals(5, entries(archive).size(), "a complete archive holds its 5 positions (no gaps here)");
        String older = link(archive, "prev-archive");
        assertNotNull(older);
        Element olderArchive = checkFeed(given().get(pathAndQuery(older)).then().statusCode(200).extract().asString());
        assertEquals(prevArchive, link(olderArchive, "next-archive"));
        assertEquals(null, link(archive, "next-archive"), "the newest archive has no next archive");
        given().get("/feed.atom?page=999999").then().statusCode(404).contentType("application/problem+json");
    }

    private static Element checkFeed(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes("UTF-8")));
        Element feed = doc.getDocumentElement();
        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        // RFC 4287 4.1.1: exactly one id, title, updated; an author (feed-level covers the entries).
        for (String name : List.of("id", "title", "updated")) {
            assertEquals(1, children(feed, name).size(), "feed/" + name);
        }
        assertFalse(children(feed, "author").isEmpty());
        URI.create(child(feed, "id").getTextContent());
        rfc3339(child(feed, "updated").getTextContent());
        assertNotNull(link(feed, "self"));
        for (Element entry : entries(feed)) {
            for (String name : List.of("id", "title", "updated")) {
                assertEquals(1, children(entry, name).size(), "entry/" + name);
            }
            assertTrue(child(entry, "id").getTextContent().matches("urn:uuid:[0-9a-f-]{36}"));
            rfc3339(child(entry, "updated").getTextContent());
            assertNotNull(link(entry, "alternate"));
            assertFalse(child(entry, "summary").getTextContent().isBlank());
        }
        return feed;
    }

    private static void rfc3339(String value) {
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value);
        assertTrue(value.matches(FeedQueryTest.RFC3339), "the one time shape (docs/api.md): " + value);
    }

    private static String pathAndQuery(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static List<Element> entries(Element feed) {
        return children(feed, "entry");
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }

    private static String link(Element parent, String rel) {
        return children(parent, "link").stream().filter(l -> rel.equals(l.getAttribute("rel")))
                .map(l -> l.getAttribute("href")).findFirst().orElse(null);
    }
}
