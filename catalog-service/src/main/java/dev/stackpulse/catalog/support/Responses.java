package dev.stackpulse.catalog.support;

import dev.stackpulse.outbox.Versioned;
import dev.stackpulse.web.Versions;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Single-entity responses: always an ETag (the entity version), 304 when If-None-Match matches. */
public final class Responses {

    private Responses() {
    }

    public static Response.ResponseBuilder conditionalGet(HttpHeaders headers, Versioned view) {
        Response notModified = Versions.notModified(headers, view.version());
        if (notModified != null) {
            return Response.fromResponse(notModified);
        }
        return Response.ok(view).tag(Versions.etag(view.version()));
    }

    public static Response ok(Versioned view) {
        return Versions.tagged(view, view.version());
    }

    /**
     * A response in one language: its own ETag ("4" in English, "4-ja" in Japanese: the bytes differ), the
     * language in Content-Language and Vary: Accept-Language; 304 when If-None-Match names that tag.
     */
    public static Response localized(HttpHeaders headers, Object entity, long version, Language language) {
        var tag = Versions.etag(version, language == Language.EN ? null : language.tag());
        Response notModified = headers == null ? null : Versions.notModified(headers, tag);
        Response.ResponseBuilder builder = notModified != null ? Response.fromResponse(notModified)
                : Response.ok(entity).tag(tag).header(HttpHeaders.CONTENT_LANGUAGE, language.tag());
        return builder.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }
}
