package dev.stackpulse.feed.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Settings of the ingest (prefix {@code feed.ingest}): what a record may be, and how failures are retried. */
@ConfigMapping(prefix = "feed.ingest")
public interface IngestConfig {

    /** Largest record accepted (value + key + headers, bytes); a larger one is dead-lettered, never stored. */
    @WithDefault("262144")
    int maxEventBytes();

    /** Per consumed topic: the only sources and type prefixes accepted on it; a topic without a rule accepts nothing. */
    Map<String, TopicRule> topics();

    /** Retries of a database failure that is transient (connection lost, serialization failure, deadlock). */
    TransientRetry transientRetry();

    /** Publishing to the dead-letter topic. */
    DeadLetter deadLetter();

    interface TopicRule {
        /** Accepted {@code ce_source} values, e.g. {@code /catalog-service}. */
        List<String> sources();

        /** Accepted {@code ce_type} prefixes, e.g. {@code catalog.}. */
        List<String> typePrefixes();
    }

    interface TransientRetry {
        /** How long a batch is retried while the database is away before the channel gives up (and health says so). */
        @WithDefault("10m")
        Duration maxDuration();

        /** First delay between attempts; it doubles up to {@code max-delay}. */
        @WithDefault("200ms")
        Duration delay();

        /** Longest delay between two attempts. */
        @WithDefault("5s")
        Duration maxDelay();
    }

    interface DeadLetter {
        /** Attempts to publish one refused record before it is only recorded in the database (and health says so). */
        @WithDefault("4")
        int publishAttempts();

        /** First delay between publish attempts; it doubles. */
        @WithDefault("250ms")
        Duration publishDelay();

        /** How long readiness reports DOWN after a record could not be published to the dead-letter topic. */
        @WithDefault("5m")
        Duration failureWindow();
    }
}
