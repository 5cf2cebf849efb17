package com.incidentconsole.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A line-based three-way merge (diff3) of text two people edited from the same base: a change made on one side
 * only is taken; the same change on both sides once; different changes to the same lines are a conflict, and the
 * merged text then holds <em>both</em> sides between markers so that nothing either side wrote is lost — the user
 * resolves it by editing. Used for the retrospective, which the server keeps as one string with no version.
 */
public final class TextMerge {

    public static final String MINE_MARKER = "<<<<<<< mine";
    public static final String SPLIT_MARKER = "=======";
    public static final String THEIRS_MARKER = ">>>>>>> theirs";

    /** Beyond this many line pairs the line matching would be slow; the whole text is then one conflict. */
    private static final long MAX_CELLS = 16_000_000L;

    /** One conflicting stretch: the base's lines and each side's replacement. */
    public record Conflict(List<String> base, List<String> mine, List<String> theirs) {
    }

    /** @param text the merged text, with each conflict's two sides between markers */
    public record Result(String text, List<Conflict> conflicts) {
        public boolean clean() {
            return conflicts.isEmpty();
        }
    }

    private TextMerge() {
    }

    public static Result merge(String base, String mine, String theirs) {
        if (mine.equals(theirs)) {
            return new Result(mine, List.of());
        }
        if (base.equals(mine)) {
            return new Result(theirs, List.of());
        }
        if (base.equals(theirs)) {
            return new Result(mine, List.of());
        }
        String[] b = lines(base);
        String[] m = lines(mine);
        String[] t = lines(theirs);
        int[] toMine = match(b, m);
        int[] toTheirs = match(b, t);
        List<String> out = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        int bi = 0;
        int mi = 0;
        int ti = 0;
        while (bi <= b.length) {
            // The next base line both sides kept: everything before it is one changed stretch.
            int next = bi;
            while (next < b.length && (toMine[next] < mi || toTheirs[next] < ti)) {
                next++;
            }
            int mEnd = next < b.length ? toMine[next] : m.length;
            int tEnd = next < b.length ? toTheirs[next] : t.length;
            List<String> baseChunk = Arrays.asList(b).subList(bi, next);
            List<String> mineChunk = Arrays.asList(m).subList(mi, mEnd);
            List<String> theirsChunk = Arrays.asList(t).subList(ti, tEnd);
            if (mineChunk.equals(baseChunk) || mineChunk.equals(theirsChunk)) {
                out.addAll(theirsChunk);
            } else if (theirsChunk.equals(baseChunk)) {
                out.addAll(mineChunk);
            } else {
                conflicts.add(new Conflict(List.copyOf(baseChunk), List.copyOf(mineChunk), List.copyOf(theirsChunk)));
                out.add(MINE_MARKER);
                out.addAll(mineChunk);
                out.add(SPLIT_MARKER);
                out.addAll(theirsChunk);
                out.add(THEIRS_MARKER);
            }
            if (next == b.length) {
                break;
            }
            out.add(b[next]);
            bi = next + 1;
            mi = mEnd + 1;
            ti = tEnd + 1;
        }
        return new Result(String.join("\n", out), List.copyOf(conflicts));
    }

    /** Whether {@code text} still holds a conflict's markers (the user has not resolved it yet). */
    public static boolean hasMarkers(String text) {
        return text.lines().anyMatch(l -> l.equals(MINE_MARKER) || l.equals(THEIRS_MARKER));
    }

    private static String[] lines(String text) {
        return text.split("\n", -1);
    }

    /**
     * For each line of {@code base}, the index of the line of {@code other} it is matched with in a longest common
     * subsequence, or -1. Increasing where set, so the merge can walk both in step.
     */
    private static int[] match(String[] base, String[] other) {
        int[] matched = new int[base.length];
        Arrays.fill(matched, -1);
        if ((long) base.length * other.length > MAX_CELLS) {
            return matched;
        }
        int[][] lcs = new int[base.length + 1][other.length + 1];
        for (int i = base.length - 1; i >= 0; i--) {
            for (int j = other.length - 1; j >= 0; j--) {
                lcs[i][j] = base[i].equals(other[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < base.length && j < other.length) {
            if (base[i].equals(other[j])) {
                matched[i++] = j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return matched;
    }
}
