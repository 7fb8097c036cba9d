package dev.stackpulse.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entity versions as strong ETags and the RFC 9110 rules built on them: If-None-Match compares weakly (section
 * 13.1.2: {@code W/"4"} matches {@code "4"}), If-Match strongly (section 13.1.1: a weak tag never matches). A
 * resource with several representations (languages) tags each one: {@code "4"} and {@code "4-ja"}.
 */
public final class Versions {

    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([^\"]*)\"\\s*(?:,|$)");

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The tag of one representation of a version; {@code variant} null (or empty) for the default one. */
    public static EntityTag etag(long version, String variant) {
        return variant == null || variant.isEmpty() ? etag(version) : new EntityTag(version + "-" + variant);
    }

    /** A 304 (with the tag) when If-None-Match names this representation or is "*", else null. */
    public static Response notModified(HttpHeaders headers, EntityTag tag) {
        String ifNoneMatch = headers == null ? null : headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return null;
        }
        boolean matches = ifNoneMatch.trim().equals("*")
                || parse(ifNoneMatch).stream().anyMatch(t -> t.getValue().equals(tag.getValue()));
        return matches ? Response.notModified(tag).build() : null;
    }

    public static Response notModified(HttpHeaders headers, long version) {
        return notModified(headers, etag(version));
    }

    /** 200 with the entity and its version as ETag. */
    public static Response tagged(Object entity, long version) {
        return Response.ok(entity).tag(etag(version)).build();
    }

    /** 304 when If-None-Match names this version, else {@link #tagged}: the single-entity GET of every service. */
    public static Response current(HttpHeaders headers, Object entity, long version) {
        Response notModified = notModified(headers, version);
        return notModified != null ? notModified : tagged(entity, version);
    }

    /**
     * A representation in one language: its own ETag ({@code "4"} for the default language, {@code "4-ja"} otherwise:
     * the bytes differ), Content-Language and Vary: Accept-Language; 304 when If-None-Match names that tag
     * ({@code headers} null: no conditional check, as after a write).
     */
    public static Response localized(HttpHeaders headers, Object entity, long version, String language,
                                     boolean defaultLanguage) {
        EntityTag tag = etag(version, defaultLanguage ? null : language);
        Response notModified = headers == null ? null : notModified(headers, tag);
        Response.ResponseBuilder builder = notModified != null ? Response.fromResponse(notModified)
                : Response.ok(entity).tag(tag).header(HttpHeaders.CONTENT_LANGUAGE, language);
        return builder.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    /** Throws 412 when an If-Match header is present and does not name this version (strong comparison). */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*") || matches(ifMatch, currentVersion)) {
            return;
        }
        throw ProblemException.preconditionFailed("If-Match " + ifMatch.trim() + " does not match the current version \""
                + currentVersion + "\"" + (ifMatch.contains("W/") ? " (a weak tag never matches: If-Match compares "
                + "strongly)" : "") + "; read the resource again");
    }

    /**
     * Strong comparison of an If-Match value with a version: a listed strong tag names the version itself or one
     * of its representations ({@code "4"}, {@code "4-ja"}); "*" is not accepted here.
     */
    public static boolean matches(String ifMatch, long currentVersion) {
        String version = Long.toString(currentVersion);
        for (EntityTag tag : parse(ifMatch)) {
            if (!tag.isWeak() && (tag.getValue().equals(version) || tag.getValue().startsWith(version + "-"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The highest version an If-None-Match list names ({@code "4"}, {@code W/"4"}, {@code "4-ja"}); -1 when it names
     * none (absent, "*", or tags that are not versions). Read models use it to see a client that saw a newer version.
     */
    public static long newestVersion(String header) {
        long newest = -1;
        for (EntityTag tag : parse(header)) {
            String value = tag.getValue();
            int dash = value.indexOf('-');
            String digits = dash < 0 ? value : value.substring(0, dash);
            if (!digits.isEmpty() && digits.length() <= 18 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                newest = Math.max(newest, Long.parseLong(digits));
            }
        }
        return newest;
    }

    /** The entity tags of an If-Match / If-None-Match list; an unquoted value counts as a strong tag of it. */
    static List<EntityTag> parse(String header) {
        List<EntityTag> tags = new ArrayList<>();
        if (header == null) {
            return tags;
        }
        Matcher m = TAG.matcher(header);
        int end = 0;
        while (m.find() && m.start() == end) {
            tags.add(new EntityTag(m.group(2), m.group(1) != null));
            end = m.end();
        }
        if (end < header.length() && !header.substring(end).isBlank()) {
            // Not quoted: old clients sent If-Match: 4; compare the bare values.
            for (String bare : header.substring(end).split(",")) {
                if (!bare.isBlank() && !bare.trim().startsWith("W/")) {
                    tags.add(new EntityTag(bare.trim()));
                }
            }
        }
        return tags;
    }
}
