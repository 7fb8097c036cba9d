package dev.stackpulse.feed.digest;

import dev.stackpulse.feed.entry.FeedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The aggregate view since a time: per changed entity, how often, when, which change types, its latest state. */
@ApplicationScoped
public class DigestService {

    private final EntityManager em;

    public DigestService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public DigestView digest(OffsetDateTime since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT e.source, e.subject, COUNT(*), MIN(e.event_time), MAX(e.event_time),
                               STRING_AGG(DISTINCT e.type, ',' ORDER BY e.type), f.version, f.type, f.deleted,
                               CAST(f.data AS text)
                        FROM feed_entry e LEFT JOIN feed_entity f ON f.source = e.source AND f.subject = e.subject
                        WHERE e.event_time >= ?1
                        GROUP BY e.source, e.subject, f.version, f.type, f.deleted, CAST(f.data AS text)
                        ORDER BY e.source, MAX(e.event_time) DESC, e.subject""")
                .setParameter(1, since).getResultList();
        Map<String, List<DigestView.EntityDigest>> bySource = new LinkedHashMap<>();
        for (Object[] row : rows) {
            DigestView.Latest latest = row[6] == null ? null : new DigestView.Latest(((Number) row[6]).longValue(),
                    (String) row[7], (Boolean) row[8], (String) row[9]);
            bySource.computeIfAbsent((String) row[0], s -> new ArrayList<>()).add(new DigestView.EntityDigest(
                    (String) row[1], ((Number) row[2]).longValue(), FeedRepository.time(row[3]), FeedRepository.time(row[4]),
                    List.of(((String) row[5]).split(",")), latest));
        }
        List<DigestView.SourceDigest> sources = bySource.entrySet().stream()
                .map(e -> new DigestView.SourceDigest(e.getKey(), e.getValue())).toList();
        return new DigestView(since, sources);
    }
}
