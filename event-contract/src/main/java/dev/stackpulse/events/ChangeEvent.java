package dev.stackpulse.events;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One change of one entity as a CloudEvent 1.0: {@code type} is {@code <service>.<entity>.<kind>}, {@code subject}
 * the entity's key (also the Kafka record key), {@code data} its full JSON state after the change.
 *
 * <p><b>One subject, one version line.</b> Consumers key an entity's latest state by (source, subject) and drop a
 * version that is not newer, so every event of one subject must carry versions of one counter. A part of an entity
 * with a counter of its own (a session's notes revisions) gets its own subject, {@link #partSubject(String, String)}
 * ({@code 5/notes}, like adoption's {@code liberty/neutron}); a part that bumps its owner's version (a summit's
 * demographics, highlights, awards) keeps the owner's subject.
 *
 * <p>{@code source}, {@code type} and {@code subject} are at most {@link #MAX_ATTRIBUTE_LENGTH} characters.
 */
public record ChangeEvent(UUID id, String source, String type, String subject, OffsetDateTime time,
                          long entityVersion, String data) {

    public ChangeEvent {
        Objects.requireNonNull(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        requireText(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** Longest source, type or subject a consumer must accept (feed-service stores them in columns of this width). */
    public static final int MAX_ATTRIBUTE_LENGTH = 200;

    /** Subject of a part of an entity that has a version line of its own, e.g. {@code 5/notes}. */
    public static String partSubject(String ownerKey, String part) {
        return ownerKey + "/" + part;
    }

    /** Builds the type attribute, e.g. {@code catalog.project.updated}. */
    public static String type(String service, String entity, ChangeKind kind) {
        return service + "." + entity + "." + kind.wireName();
    }

    /** The source attribute of a service, e.g. {@code /catalog-service}. */
    public static String source(String serviceName) {
        return "/" + serviceName;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
