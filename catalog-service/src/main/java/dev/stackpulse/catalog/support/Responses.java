package dev.stackpulse.catalog.support;

import dev.stackpulse.outbox.Versioned;
import dev.stackpulse.web.Versions;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/** Single-entity responses: always an ETag (the entity version), 304 when If-None-Match matches. */
public final class Responses {

    private Responses() {
    }

    public static Response.ResponseBuilder conditionalGet(Request request, Versioned view) {
        Response notModified = Versions.notModified(request, view.version());
        if (notModified != null) {
            return Response.fromResponse(notModified);
        }
        return Response.ok(view).tag(Versions.etag(view.version()));
    }

    public static Response ok(Versioned view) {
        return Versions.tagged(view, view.version());
    }
}
