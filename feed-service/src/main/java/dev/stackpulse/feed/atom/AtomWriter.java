package dev.stackpulse.feed.atom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.events.Rfc3339;
import dev.stackpulse.feed.entry.FeedEntryView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriBuilder;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders an {@link AtomService.AtomPage} as an RFC 4287 feed with RFC 5005 archive links. Every text and
 * attribute goes through {@link #xmlChars}: events may come from elsewhere, and one forbidden character would make
 * the document (and, for an archive, forever) unreadable to every feed reader.
 */
@ApplicationScoped
public class AtomWriter {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String HISTORY = "http://purl.org/syndication/history/1.0";
    /** Stable id of the feed, the same in every archive document (RFC 5005). */
    static final String FEED_ID = "urn:uuid:6f1c3a52-8d0e-4c1b-9a57-5354b5046565";
    private static final int SUMMARY_FIELDS = 4;

    private final ObjectMapper mapper;

    public AtomWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(AtomService.AtomPage page, UriBuilder base) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(ATOM);
            xml.writeStartElement(ATOM, "feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeNamespace("fh", HISTORY);
            text(xml, "id", FEED_ID);
            text(xml, "title", "Stack Pulse: OpenStack catalog and summit changes");
            text(xml, "updated", Rfc3339.format(page.entries().stream().map(FeedEntryView::time)
                    .max(OffsetDateTime::compareTo)
                    .orElse(page.archive() == null ? Rfc3339.now()
                            : OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))));
            xml.writeStartElement(ATOM, "author");
            text(xml, "name", "Stack Pulse feed-service");
            xml.writeEndElement();
            text(xml, "generator", "Stack Pulse feed-service");
            links(xml, page, base);
            if (page.archive() != null) {
                xml.writeEmptyElement(HISTORY, "archive");
            }
            for (FeedEntryView entry : page.entries()) {
                entry(xml, entry, base);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot render the Atom feed", e);
        }
    }

    private void links(XMLStreamWriter xml, AtomService.AtomPage page, UriBuilder base) throws XMLStreamException {
        String current = base.clone().path("feed.atom").build().toString();
        if (page.archive() == null) {
            link(xml, "self", current, "application/atom+xml");
            if (page.lastArchive() >= 1) {
                link(xml, "prev-archive", archive(base, page.lastArchive()), "application/atom+xml");
            }
        } else {
            link(xml, "self", archive(base, page.archive()), "application/atom+xml");
            link(xml, "current", current, "application/atom+xml");
            if (page.archive() > 1) {
                link(xml, "prev-archive", archive(base, page.archive() - 1), "application/atom+xml");
            }
            if (page.archive() < page.lastArchive()) {
                link(xml, "next-archive", archive(base, page.archive() + 1), "application/atom+xml");
            }
        }
        link(xml, "alternate", base.clone().path("/").build().toString(), "text/html");
    }

    private void entry(XMLStreamWriter xml, FeedEntryView e, UriBuilder base) throws XMLStreamException {
        String source = e.source().startsWith("/") ? e.source().substring(1) : e.source();
        xml.writeStartElement(ATOM, "entry");
        text(xml, "id", "urn:uuid:" + e.id());
        text(xml, "title", title(source, e));
        text(xml, "updated", Rfc3339.format(e.time()));
        link(xml, "alternate", base.clone().path("feed/entities/{source}/{subject}").build(source, e.subject())
                .toString(), "application/json");
        link(xml, "related", base.clone().path("feed/entities/{source}/{subject}/history").build(source, e.subject())
                .toString(), "application/json");
        xml.writeEmptyElement(ATOM, "category");
        xml.writeAttribute("term", xmlChars(e.type()));
        xml.writeStartElement(ATOM, "summary");
        xml.writeAttribute("type", "text");
        xml.writeCharacters(xmlChars(summary(source, e)));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** "Project nova updated (version 3)": entity and kind from the type {@code <service>.<entity>.<kind>}. */
    static String title(String source, FeedEntryView e) {
        String[] parts = e.type().split("\\.");
        String entity = parts.length >= 3 ? parts[parts.length - 2] : "entity";
        String kind = parts.length >= 2 ? parts[parts.length - 1] : e.type();
        return capitalize(entity) + " " + e.subject() + " " + kind + " (version " + e.entityversion() + ")"
                + (e.stale() ? " [out of order]" : "") + " — " + source;
    }

    private String summary(String source, FeedEntryView e) {
        List<String> fields = new ArrayList<>();
        try {
            JsonNode data = mapper.readTree(e.data());
            Iterator<Map.Entry<String, JsonNode>> it = data.fields();
            while (it.hasNext() && fields.size() < SUMMARY_FIELDS) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                    fields.add(field.getKey() + ": " + field.getValue().asText());
                }
            }
        } catch (java.io.IOException ignored) {
            // stored data is always JSON; a summary without fields is still readable
        }
        return source + " reported " + e.type() + " for '" + e.subject() + "' at " + Rfc3339.format(e.time())
                + " (feed position " + e.position() + ")" + (fields.isEmpty() ? "." : ". " + String.join("; ", fields));
    }

    private static String archive(UriBuilder base, long page) {
        return base.clone().path("feed.atom").queryParam("page", page).build().toString();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement(ATOM, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", xmlChars(href));
        xml.writeAttribute("type", type);
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(ATOM, name);
        xml.writeCharacters(xmlChars(value));
        xml.writeEndElement();
    }

    /**
     * The text without what XML 1.0 forbids (section 2.2: C0 controls other than tab, newline and carriage return,
     * U+FFFE, U+FFFF, and surrogates not forming a pair); everything else is kept (the writer escapes markup).
     */
    static String xmlChars(String text) {
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int width = 1;
            boolean allowed;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                allowed = true;
                width = 2;
            } else {
                allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!allowed && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && kept != null) {
                kept.append(text, i, i + width);
            }
            i += width - 1;
        }
        return kept == null ? text : kept.toString();
    }

    private static String capitalize(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
