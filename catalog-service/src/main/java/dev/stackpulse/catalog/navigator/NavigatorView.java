package dev.stackpulse.catalog.navigator;

import java.time.LocalDate;
import java.util.List;

/** The Project Navigator: core and optional services side by side for one release, each by name. */
public record NavigatorView(String release, String releaseDisplayName, LocalDate releaseDate,
                            List<ProjectEntry> core, List<ProjectEntry> optional) {
}
