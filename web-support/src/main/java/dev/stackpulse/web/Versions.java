package dev.stackpulse.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/** Entity versions as strong ETags, and the If-Match / If-None-Match rules built on them. */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** A 304 response when the client's If-None-Match matches, else null. */
    public static Response notModified(Request request, long version) {
        Response.ResponseBuilder builder = request.evaluatePreconditions(etag(version));
        return builder == null ? null : builder.tag(etag(version)).build();
    }

    /** 200 with the entity and its version as ETag. */
    public static Response tagged(Object entity, long version) {
        return Response.ok(entity).tag(etag(version)).build();
    }

    /** 304 when If-None-Match names this version, else {@link #tagged}: the single-entity GET of every service. */
    public static Response current(Request request, Object entity, long version) {
        Response notModified = notModified(request, version);
        return notModified != null ? notModified : tagged(entity, version);
    }

    /** Throws 412 when an If-Match header is present and names another version. */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim().replaceFirst("^W/", "").replace("\"", "");
            if (tag.equals(Long.toString(currentVersion))) {
                return;
            }
        }
        throw ProblemException.preconditionFailed("If-Match " + ifMatch.trim() + " does not match the current version \""
                + currentVersion + "\"; read the resource again");
    }
}
