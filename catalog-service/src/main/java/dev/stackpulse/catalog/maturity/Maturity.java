package dev.stackpulse.catalog.maturity;

import java.util.Arrays;
import java.util.List;

/** A computed maturity score (0-5) and the outcome of each rule, so clients see why. */
public record Maturity(int score, List<RuleOutcome> rules) {

    /** One rule's outcome: its id, what it checks and whether it scored a point. */
    public record RuleOutcome(String rule, String description, boolean scored) {
    }

    /** Applies all five rules; pure, so it is unit-tested without the database. */
    public static Maturity of(MaturityInputs inputs) {
        List<RuleOutcome> outcomes = Arrays.stream(MaturityRule.values())
                .map(r -> new RuleOutcome(r.id(), r.description(), r.scores(inputs)))
                .toList();
        int score = (int) outcomes.stream().filter(RuleOutcome::scored).count();
        return new Maturity(score, outcomes);
    }
}
