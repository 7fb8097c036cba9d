package dev.stackpulse.summit.session;

/** An action item with its position {@code n} (from 1), the key of PATCH /sessions/{id}/items/{n}. */
public record ItemView(int n, String text, String status, String owner) {
}
