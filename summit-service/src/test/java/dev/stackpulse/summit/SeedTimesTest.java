package dev.stackpulse.summit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed speaks the one time format too: its events' times as the API writes them, its rows at milliseconds. */
@QuarkusTest
class SeedTimesTest {

    private static final String RFC3339_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @Inject
    EntityManager em;

    @Test
    @SuppressWarnings("unchecked")
    void seedEventsCarryTimesInTheApiFormat() {
        List<Object[]> times = em.createNativeQuery("SELECT data->>'createdAt', data->>'updatedAt' FROM outbox_event "
                + "WHERE data->>'createdAt' IS NOT NULL ORDER BY seq LIMIT 500").getResultList();
        assertFalse(times.isEmpty(), "the seed left events in the outbox table");
        for (Object[] row : times) {
            assertTrue(String.valueOf(row[0]).matches(RFC3339_MILLIS), "createdAt " + row[0]);
            assertTrue(String.valueOf(row[1]).matches(RFC3339_MILLIS), "updatedAt " + row[1]);
        }
    }

    @Test
    void storedTimesHaveMillisecondPrecision() {
        for (String table : List.of("summit", "session", "colocated_event")) {
            List<?> finer = em.createNativeQuery("SELECT created_at::text FROM " + table
                    + " WHERE created_at <> date_trunc('milliseconds', created_at)"
                    + " OR updated_at <> date_trunc('milliseconds', updated_at) LIMIT 3").getResultList();
            assertEquals(List.of(), finer, table + " rows with sub-millisecond times");
        }
    }
}
