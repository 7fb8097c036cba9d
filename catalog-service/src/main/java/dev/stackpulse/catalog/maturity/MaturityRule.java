package dev.stackpulse.catalog.maturity;

import java.util.function.Predicate;

/** The Project Navigator's five maturity rules, one point each (facts.yaml, maturity_rules). */
public enum MaturityRule {

    ADOPTION("adoption", "adoption above 75%", in -> in.adoption() != null && in.adoption() > 75),
    INSTALL_GUIDE("install-guide", "an installation guide exists", MaturityInputs::installGuide),
    DIVERSE_AFFILIATION("diverse-affiliation", "the team has the governance tag team:diverse-affiliation",
            in -> in.governanceTags().contains("team:diverse-affiliation")),
    STABLE_BRANCHES("stable-branches", "the project has the governance tag release:has-stable-branches",
            in -> in.governanceTags().contains("release:has-stable-branches")),
    SDKS("sdks", "more than 7 SDKs support it", in -> in.sdkCount() > 7);

    private final String id;
    private final String description;
    private final Predicate<MaturityInputs> test;

    MaturityRule(String id, String description, Predicate<MaturityInputs> test) {
        this.id = id;
        this.description = description;
        this.test = test;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public boolean scores(MaturityInputs inputs) {
        return test.test(inputs);
    }
}
