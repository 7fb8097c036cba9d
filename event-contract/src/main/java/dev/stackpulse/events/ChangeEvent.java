package dev.stackpulse.events;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One change of one entity as a CloudEvent 1.0: {@code type} is {@code <service>.<entity>.<kind>}, {@code subject}
 * the entity's key (also the Kafka record key), {@code data} its full JSON state after the change.
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
