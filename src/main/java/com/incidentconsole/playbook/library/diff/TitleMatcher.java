package com.incidentconsole.playbook.library.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Pairs up elements of two lists that have no stable ids (exported checklists, items and metrics have none).
 *
 * <p>First by equal title, n-th occurrence with n-th occurrence; then an unpaired element sitting between the
 * same neighbours on both sides is taken as the same element with a new title — that is what an in-place rename
 * looks like, while a delete at one place and an add at another stays a delete and an add.
 */
public final class TitleMatcher {

    private TitleMatcher() {
    }

    /** For each index of {@code after}, the index in {@code before} it matches, or -1. */
    public static int[] match(List<String> before, List<String> after, BiPredicate<Integer, Integer> similar) {
        int[] matched = byTitle(before, after, new boolean[before.size()], new boolean[after.size()]);
        boolean[] usedBefore = new boolean[before.size()];
        for (int m : matched) {
            if (m >= 0) {
                usedBefore[m] = true;
            }
        }
        anchor(matched, usedBefore, similar);
        return matched;
    }

    public static int[] match(List<String> before, List<String> after) {
        return match(before, after, (i, j) -> true);
    }

    /**
     * Pairs a still unmatched element with the unmatched element at the same spot on the other side: right
     * after the counterpart of its predecessor, or right before the counterpart of its successor. That is an
     * in-place rename. {@code similar(before, after)} can veto a pairing (e.g. checklists sharing no item).
     */
    public static void anchor(int[] matched, boolean[] usedBefore, BiPredicate<Integer, Integer> similar) {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int j = 0; j < matched.length; j++) {
                if (matched[j] >= 0) {
                    continue;
                }
                int fromPrevious = j == 0 ? 0 : matched[j - 1] >= 0 ? matched[j - 1] + 1 : -1;
                int fromNext = j + 1 < matched.length && matched[j + 1] > 0 ? matched[j + 1] - 1 : -1;
                for (int i : new int[] {fromPrevious, fromNext}) {
                    if (i >= 0 && i < usedBefore.length && !usedBefore[i] && similar.test(i, j)) {
                        matched[j] = i;
                        usedBefore[i] = true;
                        progress = true;
                        break;
                    }
                }
            }
        }
    }

    /** Title-only pairing, skipping elements already taken ({@code takenBefore}/{@code takenAfter}). */
    public static int[] byTitle(List<String> before, List<String> after, boolean[] takenBefore,
            boolean[] takenAfter) {
        Map<String, List<Integer>> positions = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            if (!takenBefore[i]) {
                positions.computeIfAbsent(before.get(i), k -> new ArrayList<>()).add(i);
            }
        }
        int[] matched = new int[after.size()];
        Arrays.fill(matched, -1);
        for (int i = 0; i < after.size(); i++) {
            if (takenAfter[i]) {
                continue;
            }
            List<Integer> candidates = positions.get(after.get(i));
            if (candidates != null && !candidates.isEmpty()) {
                matched[i] = candidates.remove(0);
            }
        }
        return matched;
    }

    /**
     * Which matched elements of {@code after} changed their relative order: everything outside a longest
     * increasing run of before-indices. Those are reported as moved; the rest only shifted.
     */
    public static boolean[] moved(int[] matched) {
        int n = matched.length;
        // Patience sorting: tails[len-1] is the position ending the best increasing run of that length; with the
        // predecessor links it gives one longest run in n log n (the quadratic version took seconds at 30k items).
        int[] tails = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            previous[i] = -1;
            if (matched[i] < 0) {
                continue;
            }
            int low = 0;
            int high = length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (matched[tails[mid]] < matched[i]) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            previous[i] = low > 0 ? tails[low - 1] : -1;
            tails[low] = i;
            if (low == length) {
                length++;
            }
        }
        boolean[] moved = new boolean[n];
        for (int i = 0; i < n; i++) {
            moved[i] = matched[i] >= 0;
        }
        for (int i = length == 0 ? -1 : tails[length - 1]; i >= 0; i = previous[i]) {
            moved[i] = false;
        }
        return moved;
    }
}
