package dev.stackpulse.catalog.adoption;

import java.util.List;

/** One project's highlight topics in a release (GET /releases/{name}/highlights). */
public record HighlightView(String project, String name, Integer adoption, List<String> highlights) {
}
