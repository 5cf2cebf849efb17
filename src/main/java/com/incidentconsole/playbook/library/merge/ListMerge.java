package com.incidentconsole.playbook.library.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.incidentconsole.playbook.library.diff.TitleMatcher;
import com.incidentconsole.playbook.library.merge.Conflict.Side;
import com.incidentconsole.playbook.library.merge.PlaybookMerge.Level;
import com.incidentconsole.playbook.library.merge.PlaybookMerge.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a list of titled objects (checklists, items, metrics). Elements get an identity — their base index
 * when paired with the base, otherwise "added on my/their side" — and the result order follows the side that
 * reordered (mine when both did), with the other side's additions placed after the same predecessor.
 */
final class ListMerge {

    private final PlaybookMerge merge;
    private final Level level;
    private final String noun;
    private final boolean checklists;

    ListMerge(PlaybookMerge merge, Level level, String noun, boolean checklists) {
        this.merge = merge;
        this.level = level;
        this.noun = noun;
        this.checklists = checklists;
    }

    JsonNode merge(JsonNode base, JsonNode mine, JsonNode theirs, Location at) {
        if (!(mine.isArray() || mine.isMissingNode()) || !(theirs.isArray() || theirs.isMissingNode())) {
            return merge.value(base, mine, theirs, at);
        }
        List<String> baseTitles = titles(base);
        int[] mineToBase = TitleMatcher.match(baseTitles, titles(mine), (i, j) -> similar(base.get(i), mine.get(j)));
        int[] theirsToBase = TitleMatcher.match(baseTitles, titles(theirs),
                (i, j) -> similar(base.get(i), theirs.get(j)));
        List<String> mineIds = ids(mineToBase, "m");
        List<String> theirsIds = ids(theirsToBase, "t");
        pairAdditions(mine, theirs, mineIds, theirsIds);

        Map<String, JsonNode> merged = new HashMap<>();
        List<String> order = order(base.size(), mineIds, theirsIds, at);
        for (String id : order) {
            int b = id.startsWith("b") ? Integer.parseInt(id.substring(1)) : -1;
            int m = mineIds.indexOf(id);
            int t = theirsIds.indexOf(id);
            JsonNode baseElement = b >= 0 ? base.get(b) : MissingNode.getInstance();
            JsonNode mineElement = m >= 0 ? mine.get(m) : MissingNode.getInstance();
            JsonNode theirsElement = t >= 0 ? theirs.get(t) : MissingNode.getInstance();
            Location here = at.element(m >= 0 ? m : Math.max(t, 0), noun,
                    (m >= 0 ? mineElement : theirsElement).path("title").asText(""));
            merged.put(id, element(baseElement, mineElement, theirsElement, here));
        }
        ArrayNode out = JsonNodeFactory.withExactBigDecimals(true).arrayNode();
        for (String id : order) {
            JsonNode element = merged.get(id);
            if (!element.isMissingNode()) {
                out.add(element);
            }
        }
        return out;
    }

    private JsonNode element(JsonNode base, JsonNode mine, JsonNode theirs, Location at) {
        if (mine.isMissingNode() && theirs.isMissingNode()) {
            return mine;
        }
        if (mine.isMissingNode() || theirs.isMissingNode()) {
            boolean mineDeleted = mine.isMissingNode();
            JsonNode survivor = mineDeleted ? theirs : mine;
            if (base.isMissingNode() || !base.equals(survivor)) {
                if (!base.isMissingNode()) {
                    Side edited = mineDeleted ? Side.THEIRS : Side.MINE;
                    Conflict conflict = merge.conflict(at, noun + (mineDeleted
                            ? " deleted here but edited on the server" : " deleted on the server but edited here"),
                            base, mine, theirs, edited);
                    if (noun.equals("item")) {
                        merge.orphan(new PlaybookMerge.Orphan(survivor, base, edited, conflict, at));
                    }
                    if (conflict.kept() != edited) {
                        merge.delete(new PlaybookMerge.Deletion(survivor, conflict));
                    }
                }
                return survivor;
            }
            return MissingNode.getInstance();
        }
        if (!mine.isObject() || !theirs.isObject()) {
            return merge.value(base, mine, theirs, at);
        }
        JsonNode b = base.isObject() ? base : JsonNodeFactory.instance.objectNode();
        return merge.object(b, mine, theirs, at, level);
    }

    /** Both sides added an element with the same title: treat it as one element added twice. */
    private static void pairAdditions(JsonNode mine, JsonNode theirs, List<String> mineIds, List<String> theirsIds) {
        for (int t = 0; t < theirsIds.size(); t++) {
            if (!theirsIds.get(t).startsWith("t")) {
                continue;
            }
            String title = theirs.get(t).path("title").asText("");
            for (int m = 0; m < mineIds.size(); m++) {
                if (mineIds.get(m).startsWith("m") && !theirsIds.contains(mineIds.get(m))
                        && mine.get(m).path("title").asText("").equals(title)) {
                    theirsIds.set(t, mineIds.get(m));
                    break;
                }
            }
        }
    }

    private List<String> order(int baseSize, List<String> mineIds, List<String> theirsIds, Location at) {
        boolean mineReordered = reordered(mineIds);
        boolean theirsReordered = reordered(theirsIds);
        boolean takeTheirOrder = theirsReordered && !mineReordered;
        if (mineReordered && theirsReordered && !baseOrder(mineIds).equals(baseOrder(theirsIds))) {
            Conflict conflict = merge.conflict(at, noun + "s were reordered differently on both sides",
                    MissingNode.getInstance(), MissingNode.getInstance(), MissingNode.getInstance(), Side.MINE);
            takeTheirOrder = conflict.kept() == Side.THEIRS;
        }
        List<String> skeleton = takeTheirOrder ? theirsIds : mineIds;
        List<String> other = skeleton == mineIds ? theirsIds : mineIds;
        List<String> order = new ArrayList<>(skeleton);
        for (int k = 0; k < other.size(); k++) {
            String id = other.get(k);
            if (order.contains(id)) {
                continue;
            }
            int at2 = 0;
            for (int p = k - 1; p >= 0; p--) {
                int found = order.indexOf(other.get(p));
                if (found >= 0) {
                    at2 = found + 1;
                    break;
                }
            }
            order.add(at2, id);
        }
        for (int b = 0; b < baseSize; b++) {
            String id = "b" + b;
            if (!order.contains(id)) {
                order.add(Math.min(b, order.size()), id);
            }
        }
        return order;
    }

    private static boolean reordered(List<String> ids) {
        List<String> baseIds = baseOrder(ids);
        for (int i = 1; i < baseIds.size(); i++) {
            if (Integer.parseInt(baseIds.get(i - 1).substring(1)) > Integer.parseInt(baseIds.get(i).substring(1))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> baseOrder(List<String> ids) {
        return ids.stream().filter(id -> id.startsWith("b")).toList();
    }

    private static List<String> ids(int[] toBase, String addedPrefix) {
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < toBase.length; k++) {
            ids.add(toBase[k] >= 0 ? "b" + toBase[k] : addedPrefix + k);
        }
        return ids;
    }

    private boolean similar(JsonNode base, JsonNode other) {
        if (!checklists) {
            return true;
        }
        List<String> before = titles(base.path("items"));
        List<String> after = titles(other.path("items"));
        return before.isEmpty() && after.isEmpty() || before.stream().anyMatch(after::contains);
    }

    private static List<String> titles(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(e.path("title").asText("")));
        return out;
    }
}
