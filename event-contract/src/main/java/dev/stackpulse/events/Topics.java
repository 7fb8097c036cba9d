package dev.stackpulse.events;

/** Kafka topics of the event contract. */
public final class Topics {

    /** Changes of projects, release series and per-release records. */
    public static final String CATALOG = "catalog.events";
    /** Changes of summits, their statistics, sessions and notes. */
    public static final String SUMMIT = "summit.events";
    /** Records feed-service could not read, with the reason in headers. */
    public static final String DEAD_LETTER = "feed.dead-letter";

    private Topics() {
    }
}
