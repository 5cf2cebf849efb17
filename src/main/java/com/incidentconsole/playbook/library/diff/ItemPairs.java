package com.incidentconsole.playbook.library.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches the items of two checklist lists. Within matched checklists items pair by title (then same index);
 * items left over are paired by title across checklists, which is how a move between checklists shows up.
 * A source is encoded as {@code list * 1_000_000 + index} to keep the tables flat.
 */
final class ItemPairs {

    private static final int STRIDE = 1_000_000;

    private final int[] checklistMatch;
    private final int[][] sources;
    private final boolean[][] takenBefore;

    private ItemPairs(int[] checklistMatch, int[][] sources, boolean[][] takenBefore) {
        this.checklistMatch = checklistMatch;
        this.sources = sources;
        this.takenBefore = takenBefore;
    }

    static ItemPairs of(JsonNode a, JsonNode b, int[] checklistMatch) {
        int[][] sources = new int[b.size()][];
        boolean[][] taken = new boolean[a.size()][];
        for (int i = 0; i < a.size(); i++) {
            taken[i] = new boolean[a.get(i).path("items").size()];
        }
        for (int j = 0; j < b.size(); j++) {
            List<String> bTitles = PlaybookDiff.titles(b.get(j).path("items"));
            sources[j] = new int[bTitles.size()];
            Arrays.fill(sources[j], -1);
            int i = checklistMatch[j];
            if (i < 0) {
                continue;
            }
            int[] local = TitleMatcher.byTitle(PlaybookDiff.titles(a.get(i).path("items")), bTitles,
                    taken[i], new boolean[bTitles.size()]);
            for (int k = 0; k < local.length; k++) {
                if (local[k] >= 0) {
                    sources[j][k] = i * STRIDE + local[k];
                    taken[i][local[k]] = true;
                }
            }
        }
        crossChecklist(a, b, sources, taken);
        for (int j = 0; j < b.size(); j++) {
            int i = checklistMatch[j];
            if (i < 0) {
                continue;
            }
            int[] local = new int[sources[j].length];
            for (int k = 0; k < local.length; k++) {
                local[k] = sources[j][k] >= 0 && list(sources[j][k]) == i ? index(sources[j][k]) : -1;
            }
            int[] before = local.clone();
            TitleMatcher.anchor(local, taken[i], (x, y) -> true);
            for (int k = 0; k < local.length; k++) {
                if (before[k] < 0 && local[k] >= 0 && sources[j][k] < 0) {
                    sources[j][k] = i * STRIDE + local[k];
                }
            }
        }
        return new ItemPairs(checklistMatch, sources, taken);
    }

    /**
     * Items still unpaired are paired by title with any untaken old item, in list order, so a move between
     * checklists shows up. One index of old titles keeps this linear: a diff where every item was renamed would
     * otherwise compare each new item with every old one.
     */
    private static void crossChecklist(JsonNode a, JsonNode b, int[][] sources, boolean[][] taken) {
        Map<String, ArrayDeque<Integer>> untaken = new HashMap<>();
        for (int i = 0; i < a.size(); i++) {
            JsonNode aItems = a.get(i).path("items");
            for (int m = 0; m < aItems.size(); m++) {
                String title = aItems.get(m).path("title").asText("");
                if (!taken[i][m] && !title.isEmpty()) {
                    untaken.computeIfAbsent(title, t -> new ArrayDeque<>()).add(i * STRIDE + m);
                }
            }
        }
        for (int j = 0; j < b.size(); j++) {
            JsonNode bItems = b.get(j).path("items");
            for (int k = 0; k < bItems.size(); k++) {
                if (sources[j][k] >= 0) {
                    continue;
                }
                ArrayDeque<Integer> candidates = untaken.get(bItems.get(k).path("title").asText(""));
                Integer source = candidates == null ? null : candidates.poll();
                if (source != null) {
                    sources[j][k] = source;
                    taken[list(source)][index(source)] = true;
                }
            }
        }
    }

    int[] sources(int checklist) {
        return sources[checklist];
    }

    int checklistSource(int checklist) {
        return checklistMatch[checklist];
    }

    /** Items that stayed in the same checklist but changed their relative order. */
    boolean[] movedWithin(int checklist) {
        int[] local = new int[sources[checklist].length];
        for (int k = 0; k < local.length; k++) {
            int s = sources[checklist][k];
            local[k] = s >= 0 && list(s) == checklistMatch[checklist] ? index(s) : -1;
        }
        return TitleMatcher.moved(local);
    }

    /** {checklist, index} of items of the matched old checklist that went nowhere. */
    List<int[]> removedFrom(int checklist) {
        List<int[]> out = new ArrayList<>();
        int i = checklistMatch[checklist];
        for (int m = 0; i >= 0 && m < takenBefore[i].length; m++) {
            if (!takenBefore[i][m]) {
                out.add(new int[] {i, m});
            }
        }
        return out;
    }

    static int list(int source) {
        return source / STRIDE;
    }

    static int index(int source) {
        return source % STRIDE;
    }
}
