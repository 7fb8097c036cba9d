package dev.stackpulse.catalog.navigator;

import java.util.List;

/** One project's highlight topics in a release (an item of GET /releases/{name}/highlights). */
public record HighlightView(String project, String name, Integer adoption, List<String> highlights) {
}
