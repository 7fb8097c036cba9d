package dev.stackpulse.feed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.feed.atom.AtomService;
import dev.stackpulse.feed.atom.AtomWriter;
import dev.stackpulse.feed.entry.FeedEntryView;
import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriBuilder;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Events may come from anywhere, so text XML 1.0 forbids (C0 controls, U+FFFE/U+FFFF, unpaired surrogates) must
 * never make an Atom document invalid: every page (/feed.atom and each archive) is parsed with the JDK's DOM and
 * StAX parsers over a corpus of hostile strings, and the text around the dropped characters survives.
 */
@QuarkusTest
class AtomHostileTextTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    /** Text PostgreSQL stores as is (jsonb refuses only NUL and unpaired surrogate escapes). */
    static final List<String> STORABLE = List.of(
            "ctl\u0001\u000bchar",
            "bell\u0007esc\u001b",
            "nonchar\uFFFEand\uFFFF",
            "cdata]]>end",
            "<script>alert(1)</script>",
            "amp & lt < gt > quot \" apos ' &amp; &#0; &#x1;",
            "emoji \uD83D\uDE80\uD83C\uDDEF\uD83C\uDDF5",
            "rtl \u202Eevil\u202C \u200F\u05E9\u05DC\u05D5\u05DD",
            "tab\tnewline\ncr\r",
            "long-" + "x".repeat(100_000));

    /** Text only a Java caller can hold: a lone high and a lone low surrogate. */
    static final List<String> UNPAIRED = List.of("lone\uD800high", "lone\uDC00low", "swapped\uDC00\uD800pair");

    @Inject
    AtomWriter writer;

    @Inject
    ObjectMapper mapper;

    @Test
    void everyAtomPageParsesWithHostileTextInEventData() throws Exception {
        String subject = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            long version = 1;
            for (String hostile : STORABLE) {
                String data = mapper.writeValueAsString(Map.of("name", hostile, "slug", subject, "note", hostile));
                ChangeEvent event = new ChangeEvent(UUID.randomUUID(), "/catalog-service", "catalog.project.updated",
                        subject, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), version++, data);
                events.send(event);
                ids.add("urn:uuid:" + event.id());
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("subject", subject)
                .get("/feed").jsonPath().getList("items").size() == STORABLE.size());

        // Walk the subscription document and every archive it links, back to the first.
        Set<String> seen = new HashSet<>();
        String page = "/feed.atom";
        int pages = 0;
        while (page != null) {
            String xml = given().get(page).then().statusCode(200).extract().asString();
            Element feed = parse(xml, page);
            pages++;
            NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
            for (int i = 0; i < entries.getLength(); i++) {
                Element entry = (Element) entries.item(i);
                seen.add(entry.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent());
                String summary = entry.getElementsByTagNameNS(ATOM, "summary").item(0).getTextContent();
                if (summary.contains("ctlchar")) {
                    assertTrue(summary.contains("name: ctlchar"), summary);
                }
            }
            page = prevArchive(feed);
        }
        assertTrue(seen.containsAll(ids), "every hostile entry is on some page");
        assertTrue(pages > 1, "archives were walked too");
    }

    @Test
    void theWriterDropsEveryCharacterXmlForbidsAndKeepsTheRest() throws Exception {
        List<String> corpus = new ArrayList<>(STORABLE);
        corpus.addAll(UNPAIRED);
        List<FeedEntryView> entries = new ArrayList<>();
        long position = 1;
        for (String hostile : corpus) {
            String data = mapper.writeValueAsString(Map.of("name", hostile));
            // Hostile text in every attribute that reaches the document, not only the data.
            entries.add(new FeedEntryView(position++, UUID.randomUUID(), "/catalog-service",
                    "catalog.project." + hostile, "s" + hostile, OffsetDateTime.now(ZoneOffset.UTC), 1, false, data, null));
        }
        for (Integer archive : java.util.Arrays.asList(null, 1)) {
            String xml = writer.write(new AtomService.AtomPage(archive, 1, entries),
                    UriBuilder.fromUri("http://localhost:8083/"));
            Element feed = parse(xml, "archive " + archive);
            String text = feed.getTextContent();
            assertTrue(text.contains("name: ctlchar"), "the text around a dropped character survives");
            assertTrue(text.contains("name: nonchar" + "and"));
            assertTrue(text.contains("name: lonehigh") && text.contains("name: lonelow"));
            assertTrue(text.contains("<script>alert(1)</script>") && text.contains("cdata]]>end"));
            assertTrue(text.contains("\uD83D\uDE80"), "paired surrogates (emoji) are kept");
            assertEquals(corpus.size(), feed.getElementsByTagNameNS(ATOM, "entry").getLength());
        }
    }

    /** Parsed strictly twice (DOM and StAX, both XML 1.0, namespace aware); a failure names the page. */
    private static Element parse(String xml, String page) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc;
        try {
            doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            XMLStreamReader reader = XMLInputFactory.newFactory().createXMLStreamReader(new StringReader(xml));
            while (reader.hasNext()) {
                reader.next();
            }
        } catch (Exception e) {
            throw new AssertionError(page + " is not well-formed XML: " + e.getMessage(), e);
        }
        assertEquals(ATOM, doc.getDocumentElement().getNamespaceURI());
        return doc.getDocumentElement();
    }

    private static String prevArchive(Element feed) {
        NodeList links = feed.getChildNodes();
        for (int i = 0; i < links.getLength(); i++) {
            if (links.item(i) instanceof Element link && "link".equals(link.getLocalName())
                    && "prev-archive".equals(link.getAttribute("rel"))) {
                URI uri = URI.create(link.getAttribute("href"));
                return uri.getRawPath() + "?" + uri.getRawQuery();
            }
        }
        return null;
    }
}
