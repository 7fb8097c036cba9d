package dev.stackpulse.catalog.maturity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The five Project Navigator rules, one test each, and the age rule; pure, no Quarkus. */
class MaturityTest {

    private static final MaturityInputs NOTHING = new MaturityInputs(null, false, List.of(), 0);

    @Test
    void adoptionAbove75Scores() {
        assertOnly("adoption", new MaturityInputs(76, false, List.of(), 0));
        assertEquals(0, Maturity.of(new MaturityInputs(75, false, List.of(), 0)).score(), "75 is not above 75");
    }

    @Test
    void installGuideScores() {
        assertOnly("install-guide", new MaturityInputs(null, true, List.of(), 0));
    }

    @Test
    void diverseAffiliationTagScores() {
        assertOnly("diverse-affiliation", new MaturityInputs(null, false, List.of("team:diverse-affiliation"), 0));
    }

    @Test
    void stableBranchesTagScores() {
        assertOnly("stable-branches", new MaturityInputs(null, false, List.of("release:has-stable-branches"), 0));
    }

    @Test
    void moreThanSevenSdksScores() {
        assertOnly("sdks", new MaturityInputs(null, false, List.of(), 8));
        assertEquals(0, Maturity.of(new MaturityInputs(null, false, List.of(), 7)).score(), "7 is not more than 7");
    }

    @Test
    void allRulesGiveFiveAndNoneGiveZero() {
        Maturity all = Maturity.of(new MaturityInputs(96, true,
                List.of("release:has-stable-branches", "team:diverse-affiliation"), 15));
        assertEquals(5, all.score());
        assertEquals(5, all.rules().size());
        assertEquals(0, Maturity.of(NOTHING).score());
    }

    @Test
    void ageIsCeilOfDaysOver365() {
        LocalDate liberty = LocalDate.parse("2015-10-15");
        assertEquals(5, ProjectAge.years(LocalDate.parse("2010-10-21"), liberty), "Nova: 1820 days");
        assertEquals(4, ProjectAge.years(LocalDate.parse("2012-09-27"), liberty), "Neutron: 1113 days");
        assertEquals(1, ProjectAge.years(LocalDate.parse("2014-10-16"), liberty), "Sahara: 364 days");
        assertEquals(0, ProjectAge.years(liberty, liberty), "first shipped in the viewed release");
        assertEquals(0, ProjectAge.years(LocalDate.parse("2016-04-07"), liberty), "not shipped yet: never negative");
        assertNull(ProjectAge.years(null, liberty));
    }

    private static void assertOnly(String rule, MaturityInputs inputs) {
        Maturity m = Maturity.of(inputs);
        assertEquals(1, m.score());
        assertEquals(List.of(rule), m.rules().stream().filter(Maturity.RuleOutcome::scored)
                .map(Maturity.RuleOutcome::rule).toList());
    }
}
