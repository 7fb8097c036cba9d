package dev.stackpulse.outbox;

/** The state carried by an event: anything that knows its entity version (a DTO record with a version). */
public interface Versioned {

    long version();
}
