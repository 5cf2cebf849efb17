package com.incidentconsole.playbook.library.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.json.TreeEdits;
import com.incidentconsole.playbook.library.merge.Conflict.Side;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Three-way merge of playbook files: the version pulled from the server (base), the local edit (mine) and the
 * server's current version (theirs). Push needs this because the server has no optimistic concurrency
 * ({@code PUT /playbooks/{id}} is a blind full replace), so the client must fold in what changed remotely.
 *
 * <p>Fields merge independently (a change on one side wins over no change on the other); checklists, items and
 * metrics are paired by title and neighbours (exports have no ids) and merged element-wise, so adding an item on
 * one side and editing another on the other side both survive. Where both sides changed the same thing
 * differently, the merged document keeps mine and a {@link Conflict} is reported; an element edited on one side
 * and deleted on the other is kept (in its edited form) and reported, so nothing is silently lost.
 */
public final class PlaybookMerge {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final List<Conflict> conflicts = new ArrayList<>();
    private final List<Orphan> orphans = new ArrayList<>();
    private final List<Deletion> deletions = new ArrayList<>();
    private final Resolution resolution;

    private PlaybookMerge(Resolution resolution) {
        this.resolution = resolution;
    }

    /** Merges with the default resolution: mine where both changed a value, edits win over deletions. */
    public static MergeResult merge(PlaybookFile base, PlaybookFile mine, PlaybookFile theirs) {
        return merge(base, mine, theirs, Resolution.defaults());
    }

    /** Merges, letting {@code resolution} pick the side of each conflict; the result reports the side it chose. */
    public static MergeResult merge(PlaybookFile base, PlaybookFile mine, PlaybookFile theirs, Resolution resolution) {
        PlaybookMerge merge = new PlaybookMerge(resolution);
        ObjectNode merged = merge.object(base.json(), mine.json(), theirs.json(), Location.ROOT, Level.DOCUMENT);
        merge.followMoves(merged);
        merge.applyDeletions(merged);
        return new MergeResult(mine.withJson(merged), merge.conflicts);
    }

    /** What kind of object is being merged, which decides how its list-valued children merge. */
    enum Level { DOCUMENT, CHECKLIST, LEAF }

    ObjectNode object(JsonNode base, JsonNode mine, JsonNode theirs, Location at, Level level) {
        ObjectNode out = NODES.objectNode();
        Set<String> keys = new LinkedHashSet<>();
        mine.fieldNames().forEachRemaining(keys::add);
        List<String> theirsOnly = new ArrayList<>();
        theirs.fieldNames().forEachRemaining(k -> {
            if (!keys.contains(k)) {
                theirsOnly.add(k);
            }
        });
        keys.addAll(theirsOnly);
        for (String key : keys) {
            JsonNode value = child(base.path(key), mine.path(key), theirs.path(key), at, key, level);
            if (value.isMissingNode()) {
                continue;
            }
            if (theirsOnly.contains(key)) {
                TreeEdits.insert(out, key, value);
            } else {
                out.set(key, value);
            }
        }
        return out;
    }

    private JsonNode child(JsonNode base, JsonNode mine, JsonNode theirs, Location at, String key, Level level) {
        boolean lists = base.isArray() || mine.isArray() || theirs.isArray();
        if (lists && level == Level.DOCUMENT && key.equals("checklists")) {
            return new ListMerge(this, Level.CHECKLIST, "checklist", true).merge(base, mine, theirs, at.field(key));
        }
        if (lists && level == Level.DOCUMENT && key.equals("metrics")) {
            return new ListMerge(this, Level.LEAF, "metric", false).merge(base, mine, theirs, at.field(key));
        }
        if (lists && level == Level.CHECKLIST && key.equals("items")) {
            return new ListMerge(this, Level.LEAF, "item", false).merge(base, mine, theirs, at.field(key));
        }
        return value(base, mine, theirs, at.field(key));
    }

    JsonNode value(JsonNode base, JsonNode mine, JsonNode theirs, Location at) {
        if (mine.equals(theirs) || base.equals(theirs)) {
            return mine;
        }
        if (base.equals(mine)) {
            return theirs;
        }
        Conflict conflict = conflict(at, "changed on both sides", base, mine, theirs, Side.MINE);
        // A missing node drops the key: taking "theirs" where the server removed the field removes it here too.
        return conflict.kept() == Side.MINE ? mine : theirs;
    }

    /** Records a conflict with the side the resolution chose ({@code byDefault} unless it says otherwise). */
    Conflict conflict(Location at, String description, JsonNode base, JsonNode mine, JsonNode theirs,
            Side byDefault) {
        Conflict found = new Conflict(at.path(), at.readable(), description, text(base), text(mine), text(theirs),
                byDefault);
        Side chosen = resolution.choose(found);
        Conflict conflict = chosen == byDefault ? found : new Conflict(found.path(), found.location(),
                found.description(), found.base(), found.mine(), found.theirs(), chosen);
        conflicts.add(conflict);
        return conflict;
    }

    /**
     * An element edited on one side and deleted on the other, where the user chose the deletion. It stays in the
     * tree until the end, so a move ({@link #followMoves}) can still fold the edit into the moved copy; then it goes.
     */
    record Deletion(JsonNode element, Conflict conflict) {
    }

    void delete(Deletion deletion) {
        deletions.add(deletion);
    }

    private void applyDeletions(ObjectNode merged) {
        for (Deletion deletion : deletions) {
            if (!conflicts.contains(deletion.conflict())) {
                continue;
            }
            List<JsonNode> lists = new ArrayList<>();
            lists.add(merged.path("checklists"));
            lists.add(merged.path("metrics"));
            merged.path("checklists").forEach(checklist -> lists.add(checklist.path("items")));
            for (JsonNode list : lists) {
                if (list instanceof ArrayNode array) {
                    for (int i = 0; i < array.size(); i++) {
                        if (array.get(i) == deletion.element()) {
                            array.remove(i);
                            break;
                        }
                    }
                }
            }
        }
    }

    /** An item kept because it was edited on one side although the other side removed it from its checklist. */
    record Orphan(JsonNode kept, JsonNode base, Side edited, Conflict conflict, Location at) {
    }

    void orphan(Orphan orphan) {
        orphans.add(orphan);
    }

    /**
     * Items are merged per checklist, so moving an item to another checklist on one side looks like a delete
     * there plus an add elsewhere. When the "deleted" item was edited on the other side and exactly one item
     * with its title turned up in another checklist, it was a move: fold the edit into the moved item and drop
     * the stale copy and its conflict.
     */
    private void followMoves(ObjectNode merged) {
        for (Orphan orphan : orphans) {
            String title = orphan.base().path("title").asText("");
            List<ObjectNode> candidates = new ArrayList<>();
            ArrayNode owner = null;
            for (JsonNode checklist : merged.path("checklists")) {
                JsonNode items = checklist.path("items");
                for (JsonNode item : items) {
                    if (item == orphan.kept()) {
                        owner = (ArrayNode) items;
                    } else if (item.path("title").asText("").equals(title) && item instanceof ObjectNode o) {
                        candidates.add(o);
                    }
                }
            }
            if (owner == null || candidates.size() != 1 || title.isEmpty()) {
                continue;
            }
            ObjectNode moved = candidates.get(0);
            conflicts.remove(orphan.conflict());
            ObjectNode combined = orphan.edited() == Side.MINE
                    ? object(orphan.base(), orphan.kept(), moved, orphan.at(), Level.LEAF)
                    : object(orphan.base(), moved, orphan.kept(), orphan.at(), Level.LEAF);
            moved.removeAll();
            moved.setAll(combined);
            for (int i = 0; i < owner.size(); i++) {
                if (owner.get(i) == orphan.kept()) {
                    owner.remove(i);
                    break;
                }
            }
        }
    }

    private static String text(JsonNode node) {
        return node == null || node instanceof MissingNode ? null : node.toString();
    }

    /** Machine path plus readable location of what is being merged. */
    record Location(String path, String readable) {

        static final Location ROOT = new Location("", "");

        Location field(String key) {
            return new Location(path.isEmpty() ? key : path + "." + key,
                    readable.isEmpty() ? key : readable + " › " + key);
        }

        Location element(int index, String noun, String title) {
            String parent = readable.contains(" › ") ? readable.substring(0, readable.lastIndexOf(" › ")) : "";
            String here = title.isBlank() ? noun + " #" + (index + 1) : noun + " “" + title + "”";
            return new Location(path + "[" + index + "]", parent.isEmpty() ? here : parent + " › " + here);
        }
    }
}
