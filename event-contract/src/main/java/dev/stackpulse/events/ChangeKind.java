package dev.stackpulse.events;

import java.util.Locale;

/** The last segment of a CloudEvent type: what happened to the entity. */
public enum ChangeKind {
    CREATED, UPDATED, DELETED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
