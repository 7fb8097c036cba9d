package dev.stackpulse.summit.notes;

import jakarta.validation.constraints.NotNull;

/** The JSON body of PUT /sessions/{id}/notes (Markdown may also be sent as text/markdown). */
public record NotesInput(@NotNull String body) {
}
