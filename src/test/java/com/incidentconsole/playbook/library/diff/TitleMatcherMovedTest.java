package com.incidentconsole.playbook.library.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import org.junit.jupiter.api.Test;

/**
 * "Moved" is everything outside one longest increasing run of old positions. The n log n search must find a run
 * as long as the exhaustive one (so a diff reports no more moves than needed), and the run it keeps must really
 * increase.
 */
class TitleMatcherMovedTest {

    @Test
    void theKeptRunIsIncreasingAndAsLongAsTheLongestPossible() {
        qt().withFixedSeed(20261201L).withExamples(400)
                .forAll(lists().of(integers().between(-1, 40)).ofSizeBetween(0, 60))
                .checkAssert(list -> {
                    int[] matched = list.stream().mapToInt(Integer::intValue).toArray();
                    boolean[] moved = TitleMatcher.moved(matched);
                    int previous = Integer.MIN_VALUE;
                    int kept = 0;
                    for (int i = 0; i < matched.length; i++) {
                        if (matched[i] < 0) {
                            assertTrue(!moved[i], "an unmatched element is added, not moved");
                        } else if (!moved[i]) {
                            assertTrue(matched[i] > previous, "kept elements keep their order: " + list);
                            previous = matched[i];
                            kept++;
                        }
                    }
                    assertEquals(longestIncreasing(matched), kept, "as few moves as possible: " + list);
                });
    }

    @Test
    void aReversedListKeepsOneAndMovesTheRest() {
        boolean[] moved = TitleMatcher.moved(new int[] {3, 2, 1, 0});
        int count = 0;
        for (boolean m : moved) {
            count += m ? 1 : 0;
        }
        assertEquals(3, count);
        for (boolean m : TitleMatcher.moved(new int[] {0, 1, 2, 3})) {
            assertTrue(!m, "nothing moved in an unchanged order");
        }
    }

    /** The exhaustive quadratic oracle. */
    private static int longestIncreasing(int[] matched) {
        int[] length = new int[matched.length];
        int best = 0;
        for (int i = 0; i < matched.length; i++) {
            if (matched[i] < 0) {
                continue;
            }
            length[i] = 1;
            for (int j = 0; j < i; j++) {
                if (matched[j] >= 0 && matched[j] < matched[i]) {
                    length[i] = Math.max(length[i], length[j] + 1);
                }
            }
            best = Math.max(best, length[i]);
        }
        return best;
    }
}
