package dev.stackpulse.summit.demographics;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.stackpulse.events.ChangeKind;
import dev.stackpulse.outbox.OutboxWriter;
import dev.stackpulse.summit.summit.Summit;
import dev.stackpulse.summit.summit.SummitService;
import dev.stackpulse.summit.support.Json;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Demographics, keynote highlights and awards of a summit; each change bumps the summit's version. */
@ApplicationScoped
public class DemographicsService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final TypeReference<Demographics> DEMOGRAPHICS = new TypeReference<>() { };
    private static final TypeReference<List<String>> HIGHLIGHTS = new TypeReference<>() { };
    private static final TypeReference<List<Award>> AWARDS = new TypeReference<>() { };

    private final OutboxWriter outbox;
    private final Json json;

    public DemographicsService(OutboxWriter outbox, Json json) {
        this.outbox = outbox;
        this.json = json;
    }

    public DemographicsView demographics(String slug) {
        return demographicsOf(SummitService.find(slug));
    }

    public HighlightsView highlights(String slug) {
        return highlightsOf(SummitService.find(slug));
    }

    public AwardsView awards(String slug) {
        return awardsOf(SummitService.find(slug));
    }

    @Transactional
    public DemographicsView replaceDemographics(String slug, Demographics input, String ifMatch) {
        distinct("topCountries", input.topCountries());
        checkShares("regionShares", input.regionShares());
        checkShares("roleShares", input.roleShares());
        Summit s = lockedMatching(slug, ifMatch);
        s.demographics = json.write(input);
        outbox.record("demographics", slug, ChangeKind.UPDATED, () -> demographicsOf(s));
        return demographicsOf(s);
    }

    @Transactional
    public HighlightsView replaceHighlights(String slug, HighlightsInput input, String ifMatch) {
        Summit s = lockedMatching(slug, ifMatch);
        s.highlights = json.write(input.highlights());
        outbox.record("highlights", slug, ChangeKind.UPDATED, () -> highlightsOf(s));
        return highlightsOf(s);
    }

    @Transactional
    public AwardsView replaceAwards(String slug, AwardsInput input, String ifMatch) {
        Summit s = lockedMatching(slug, ifMatch);
        s.awards = json.write(input.awards());
        outbox.record("awards", slug, ChangeKind.UPDATED, () -> awardsOf(s));
        return awardsOf(s);
    }

    private static Summit lockedMatching(String slug, String ifMatch) {
        Summit s = SummitService.findForUpdate(slug);
        Versions.checkIfMatch(ifMatch, s.version);
        s.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return s;
    }

    /** A set of shares: distinct names and a sum of at most 100 (a remainder is a category of its own). */
    static void checkShares(String field, List<Share> shares) {
        distinct(field, shares.stream().map(Share::name).toList());
        BigDecimal sum = shares.stream().map(Share::percent).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(HUNDRED) > 0) {
            throw ProblemException.badRequest(field, "shares sum to " + sum.stripTrailingZeros().toPlainString()
                    + ", more than 100");
        }
    }

    private static void distinct(String field, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name.trim().toLowerCase(Locale.ROOT))) {
                throw ProblemException.badRequest(field, "'" + name + "' appears more than once");
            }
        }
    }

    private DemographicsView demographicsOf(Summit s) {
        Demographics d = json.read(s.demographics, DEMOGRAPHICS);
        return new DemographicsView(s.slug, d.topCountries(), d.regionShares(), d.roleShares(), s.version);
    }

    private HighlightsView highlightsOf(Summit s) {
        return new HighlightsView(s.slug, json.read(s.highlights, HIGHLIGHTS), s.version);
    }

    private AwardsView awardsOf(Summit s) {
        return new AwardsView(s.slug, json.read(s.awards, AWARDS), s.version);
    }
}
