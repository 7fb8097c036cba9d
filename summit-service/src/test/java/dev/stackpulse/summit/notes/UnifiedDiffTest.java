package dev.stackpulse.summit.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Unified diffs of note bodies. */
class UnifiedDiffTest {

    @Test
    void showsRemovedAndAddedLinesWithHeaders() {
        String diff = UnifiedDiff.between("revision/1", "# Notes\nold line\nsame\n", "revision/2",
                "# Notes\nnew line\nsame\n", 3);
        assertEquals("""
                --- revision/1
                +++ revision/2
                @@ -1,3 +1,3 @@
                 # Notes
                -old line
                +new line
                 same
                """, diff);
    }

    @Test
    void equalTextsGiveAnEmptyDiffAndRevisionZeroIsEmpty() {
        assertEquals("", UnifiedDiff.between("a", "x\n", "b", "x\n", 3));
        assertEquals("--- revision/0\n+++ revision/1\n@@ -0,0 +1,1 @@\n+ノート\n",
                UnifiedDiff.between("revision/0", "", "revision/1", "ノート", 3));
    }
}
