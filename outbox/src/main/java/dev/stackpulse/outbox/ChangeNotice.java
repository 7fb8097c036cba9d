package dev.stackpulse.outbox;

/**
 * CDI event fired on every replica of the writing service after a change commits: synchronously after commit on
 * the writing replica, from PostgreSQL NOTIFY on the others. {@link #EVERYTHING} (entity and subject "*", version
 * -1) means any change may have been missed (the listener reconnected): drop everything cached.
 */
public record ChangeNotice(String entity, String subject, long version) {

    /** Wildcard entity/subject of {@link #EVERYTHING}. */
    public static final String ANY = "*";

    /** Everything may have changed. */
    public static final ChangeNotice EVERYTHING = new ChangeNotice(ANY, ANY, -1);

    /** Whether this notice concerns every entity (a reconnect), not one change. */
    public boolean everything() {
        return ANY.equals(entity);
    }

    /** Whether this notice may concern the given entity (it names it, or everything). */
    public boolean concerns(String entityName) {
        return everything() || entity.equals(entityName);
    }
}
