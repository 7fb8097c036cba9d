package dev.stackpulse.summit.demographics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.events.ChangeKind;
import dev.stackpulse.outbox.OutboxWriter;
import dev.stackpulse.summit.summit.Summit;
import dev.stackpulse.summit.summit.SummitRepository;
import dev.stackpulse.web.MergePatch;
import dev.stackpulse.web.Precondition;
import dev.stackpulse.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Demographics, keynote highlights and awards of a summit: documents in the summit's jsonb columns; each change
 * bumps the summit's version.
 */
@ApplicationScoped
public class DemographicsService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final TypeReference<Demographics> DEMOGRAPHICS = new TypeReference<>() { };
    private static final TypeReference<List<String>> HIGHLIGHTS = new TypeReference<>() { };
    private static final TypeReference<List<Award>> AWARDS = new TypeReference<>() { };

    private final OutboxWriter outbox;
    private final ObjectMapper mapper;
    private final MergePatch mergePatch;
    private final SummitRepository summits;

    public DemographicsService(OutboxWriter outbox, ObjectMapper mapper, MergePatch mergePatch,
                               SummitRepository summits) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.mergePatch = mergePatch;
        this.summits = summits;
    }

    public DemographicsView demographics(String slug) {
        return demographicsOf(summits.find(slug));
    }

    public HighlightsView highlights(String slug) {
        return highlightsOf(summits.find(slug));
    }

    public AwardsView awards(String slug) {
        return awardsOf(summits.find(slug));
    }

    @Transactional
    public DemographicsView replaceDemographics(String slug, Demographics input, Precondition precondition) {
        distinct("topCountries", input.topCountries());
        checkShares("regionShares", input.regionShares());
        checkShares("roleShares", input.roleShares());
        Summit s = lockedMatching(slug, precondition);
        s.demographics = write(input);
        outbox.record("demographics", slug, ChangeKind.UPDATED, () -> demographicsOf(s));
        return demographicsOf(s);
    }

    /** A merge patch of the demographics (lists are replaced whole); the result must be a valid PUT body. */
    @Transactional
    public DemographicsView patchDemographics(String slug, String patch, Precondition precondition)
            throws JsonProcessingException {
        Demographics current = read(summits.findForUpdate(slug).demographics, DEMOGRAPHICS);
        return replaceDemographics(slug, mergePatch.apply(current, patch, Demographics.class), precondition);
    }

    @Transactional
    public HighlightsView replaceHighlights(String slug, HighlightsInput input, Precondition precondition) {
        Summit s = lockedMatching(slug, precondition);
        s.highlights = write(input.highlights());
        outbox.record("highlights", slug, ChangeKind.UPDATED, () -> highlightsOf(s));
        return highlightsOf(s);
    }

    @Transactional
    public HighlightsView patchHighlights(String slug, String patch, Precondition precondition)
            throws JsonProcessingException {
        HighlightsInput current = new HighlightsInput(read(summits.findForUpdate(slug).highlights, HIGHLIGHTS));
        return replaceHighlights(slug, mergePatch.apply(current, patch, HighlightsInput.class), precondition);
    }

    @Transactional
    public AwardsView replaceAwards(String slug, AwardsInput input, Precondition precondition) {
        Summit s = lockedMatching(slug, precondition);
        s.awards = write(input.awards());
        outbox.record("awards", slug, ChangeKind.UPDATED, () -> awardsOf(s));
        return awardsOf(s);
    }

    @Transactional
    public AwardsView patchAwards(String slug, String patch, Precondition precondition)
            throws JsonProcessingException {
        AwardsInput current = new AwardsInput(read(summits.findForUpdate(slug).awards, AWARDS));
        return replaceAwards(slug, mergePatch.apply(current, patch, AwardsInput.class), precondition);
    }

    private Summit lockedMatching(String slug, Precondition precondition) {
        Summit s = summits.findForUpdate(slug);
        precondition.check(s.version);
        s.touch();
        return s;
    }

    /** A set of shares: distinct names and a sum of at most 100 (a remainder is a category of its own). */
    static void checkShares(String field, List<Share> shares) {
        distinct(field, shares.stream().map(Share::name).toList());
        BigDecimal sum = shares.stream().map(Share::percent).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(HUNDRED) > 0) {
            throw ProblemException.invalidBody(field, "shares sum to " + sum.stripTrailingZeros().toPlainString()
                    + ", more than 100");
        }
    }

    private static void distinct(String field, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name.trim().toLowerCase(Locale.ROOT))) {
                throw ProblemException.invalidBody(field, "'" + name + "' appears more than once");
            }
        }
    }

    private DemographicsView demographicsOf(Summit s) {
        Demographics d = read(s.demographics, DEMOGRAPHICS);
        return new DemographicsView(s.slug, d.topCountries(), d.regionShares(), d.roleShares(), s.version);
    }

    private HighlightsView highlightsOf(Summit s) {
        return new HighlightsView(s.slug, read(s.highlights, HIGHLIGHTS), s.version);
    }

    private AwardsView awardsOf(Summit s) {
        return new AwardsView(s.slug, read(s.awards, AWARDS), s.version);
    }

    /** A document for the summit's jsonb column. */
    private String write(Object document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serializable: " + document.getClass().getName(), e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored JSON does not match " + type.getType(), e);
        }
    }
}
