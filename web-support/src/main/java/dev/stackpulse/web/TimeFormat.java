package dev.stackpulse.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.stackpulse.events.Rfc3339;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;

/** Every time in every JSON body in the one format of {@link Rfc3339}: UTC, three fraction digits. */
@Singleton
public class TimeFormat implements ObjectMapperCustomizer {

    /** Last, so these serializers win over the JavaTimeModule's. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("stackpulse-rfc3339");
        module.addSerializer(Instant.class, new Rfc3339Serializer<>());
        module.addSerializer(OffsetDateTime.class, new Rfc3339Serializer<>());
        module.addSerializer(ZonedDateTime.class, new Rfc3339Serializer<>());
        mapper.registerModule(module);
    }

    private static final class Rfc3339Serializer<T extends TemporalAccessor> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(Rfc3339.format(value));
        }
    }
}
