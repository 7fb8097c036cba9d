package dev.stackpulse.catalog.maturity;

import java.util.List;

/** What the maturity rules look at: one project's state and its adoption in one release (null when unknown). */
public record MaturityInputs(Integer adoption, boolean installGuide, List<String> governanceTags, int sdkCount) {

    public MaturityInputs {
        governanceTags = governanceTags == null ? List.of() : List.copyOf(governanceTags);
    }
}
