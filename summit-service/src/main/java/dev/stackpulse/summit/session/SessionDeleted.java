package dev.stackpulse.summit.session;

/**
 * Fired (synchronously, inside the delete's transaction, before the row goes) when a session is deleted, so what
 * belongs to it (its notes) can end too without the session feature knowing it.
 */
public record SessionDeleted(long sessionId) {
}
