package dev.stackpulse.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The edge's fast path may only skip targets the full checks would let through. */
class HttpEdgeFastPathTest {

    @Test
    void everyTargetTheFastPathPassesAlsoPassesTheFullChecks() {
        Random random = new Random(42);
        int plain = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder uri = new StringBuilder(random.nextInt(4) == 0 ? "" : "/");
            for (int i = random.nextInt(24); i > 0; i--) {
                uri.append((char) (random.nextInt(10) == 0 ? random.nextInt(0x100) : 0x20 + random.nextInt(0x5f)));
            }
            String target = uri.toString();
            if (HttpEdge.plain(target)) {
                plain++;
                assertNull(HttpEdge.refusedInput(target), target);
                assertDoesNotThrow(() -> new URI(target), target);
            }
        }
        assertTrue(plain > 1_000, "the corpus exercised the fast path " + plain + " times");
    }

    @Test
    void commonTargetsTakeTheFastPathAndOddOnesDoNot() {
        assertTrue(HttpEdge.plain("/projects/nova"));
        assertTrue(HttpEdge.plain("/projects?tier=core&sort=-adoption,name&limit=2&after=bmFtZQ"));
        assertTrue(HttpEdge.plain("/feed?type=catalog.project.*&after=17"));
        assertFalse(HttpEdge.plain("/projects/n%00va"));
        assertFalse(HttpEdge.plain("//evil/x"));
        assertFalse(HttpEdge.plain("http://host/x"));
        assertFalse(HttpEdge.plain("/a b"));
        assertFalse(HttpEdge.plain("/x#a#b"));
        assertFalse(HttpEdge.plain("/caf\u00e9"));
    }
}
