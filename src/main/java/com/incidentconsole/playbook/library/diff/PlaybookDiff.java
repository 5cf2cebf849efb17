package com.incidentconsole.playbook.library.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.diff.Change.ChangeKind;
import com.incidentconsole.playbook.library.diff.Change.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Structural differences between two playbook files, in reading order: settings, then each checklist of the
 * newer file with its item changes, removed checklists, then metrics. Every field is compared, unknown ones
 * included, so nothing a push would send goes unreported. Layout and key order are not differences.
 */
public final class PlaybookDiff {

    private final List<Change> changes = new ArrayList<>();

    private PlaybookDiff() {
    }

    public static List<Change> between(PlaybookFile a, PlaybookFile b) {
        PlaybookDiff diff = new PlaybookDiff();
        diff.settings(a.json(), b.json());
        diff.checklists(a.json().path("checklists"), b.json().path("checklists"));
        diff.metrics(a.json().path("metrics"), b.json().path("metrics"));
        return List.copyOf(diff.changes);
    }

    private void settings(JsonNode a, JsonNode b) {
        for (String key : keys(a, b, Set.of("checklists", "metrics"))) {
            JsonNode before = a.path(key);
            JsonNode after = b.path(key);
            if (!before.equals(after)) {
                changes.add(new Change(Target.SETTING, ChangeKind.CHANGED, null, key, key, text(before),
                        text(after)));
            }
        }
    }

    private void checklists(JsonNode a, JsonNode b) {
        List<String> aTitles = titles(a);
        List<String> bTitles = titles(b);
        int[] match = TitleMatcher.match(aTitles, bTitles, (i, j) -> shareAnItem(a.get(i), b.get(j)));
        boolean[] moved = TitleMatcher.moved(match);
        ItemPairs items = ItemPairs.of(a, b, match);
        for (int j = 0; j < b.size(); j++) {
            String title = bTitles.get(j);
            int i = match[j];
            if (i < 0) {
                changes.add(new Change(Target.CHECKLIST, ChangeKind.ADDED, title, title, null, null,
                        count(b.get(j).path("items").size())));
            } else {
                if (!aTitles.get(i).equals(title)) {
                    changes.add(new Change(Target.CHECKLIST, ChangeKind.RENAMED, title, title, null,
                            aTitles.get(i), title));
                }
                if (moved[j]) {
                    changes.add(new Change(Target.CHECKLIST, ChangeKind.MOVED, title, title, null,
                            "position " + (i + 1), "position " + (j + 1)));
                }
                fields(Target.CHECKLIST, title, title, a.get(i), b.get(j), Set.of("title", "items"));
            }
            items(a, b, j, title, items, bTitles, aTitles);
        }
        for (int i = 0; i < a.size(); i++) {
            if (!contains(match, i)) {
                changes.add(new Change(Target.CHECKLIST, ChangeKind.REMOVED, aTitles.get(i), aTitles.get(i), null,
                        count(a.get(i).path("items").size()), null));
            }
        }
    }

    private void items(JsonNode a, JsonNode b, int j, String checklist, ItemPairs pairs, List<String> bTitles,
            List<String> aTitles) {
        JsonNode bItems = b.get(j).path("items");
        int[] source = pairs.sources(j);
        boolean[] moved = pairs.movedWithin(j);
        for (int k = 0; k < bItems.size(); k++) {
            JsonNode item = bItems.get(k);
            String title = item.path("title").asText("");
            if (source[k] < 0) {
                changes.add(new Change(Target.ITEM, ChangeKind.ADDED, checklist, title, null, null, null));
                continue;
            }
            int fromList = ItemPairs.list(source[k]);
            int fromIndex = ItemPairs.index(source[k]);
            JsonNode old = a.get(fromList).path("items").get(fromIndex);
            String oldTitle = old.path("title").asText("");
            if (fromList != pairs.checklistSource(j)) {
                changes.add(new Change(Target.ITEM, ChangeKind.MOVED, checklist, title, null,
                        "checklist “" + aTitles.get(fromList) + "”", "checklist “" + checklist + "”"));
            } else if (moved[k]) {
                changes.add(new Change(Target.ITEM, ChangeKind.MOVED, checklist, title, null,
                        "position " + (fromIndex + 1), "position " + (k + 1)));
            }
            if (!oldTitle.equals(title)) {
                changes.add(new Change(Target.ITEM, ChangeKind.RENAMED, checklist, title, null, oldTitle, title));
            }
            fields(Target.ITEM, checklist, title, old, item, Set.of("title"));
        }
        for (int[] removed : pairs.removedFrom(j)) {
            String title = a.get(removed[0]).path("items").get(removed[1]).path("title").asText("");
            changes.add(new Change(Target.ITEM, ChangeKind.REMOVED, checklist, title, null, null, null));
        }
    }

    private void metrics(JsonNode a, JsonNode b) {
        List<String> aTitles = titles(a);
        List<String> bTitles = titles(b);
        int[] match = TitleMatcher.match(aTitles, bTitles);
        for (int j = 0; j < b.size(); j++) {
            int i = match[j];
            if (i < 0) {
                changes.add(new Change(Target.METRIC, ChangeKind.ADDED, null, bTitles.get(j), null, null,
                        b.get(j).path("type").asText("")));
                continue;
            }
            if (!aTitles.get(i).equals(bTitles.get(j))) {
                changes.add(new Change(Target.METRIC, ChangeKind.RENAMED, null, bTitles.get(j), null,
                        aTitles.get(i), bTitles.get(j)));
            }
            fields(Target.METRIC, null, bTitles.get(j), a.get(i), b.get(j), Set.of("title"));
        }
        for (int i = 0; i < a.size(); i++) {
            if (!contains(match, i)) {
                changes.add(new Change(Target.METRIC, ChangeKind.REMOVED, null, aTitles.get(i), null,
                        a.get(i).path("type").asText(""), null));
            }
        }
    }

    private void fields(Target target, String checklist, String name, JsonNode a, JsonNode b, Set<String> skip) {
        for (String key : keys(a, b, skip)) {
            if (!a.path(key).equals(b.path(key))) {
                changes.add(new Change(target, ChangeKind.CHANGED, checklist, name, key, text(a.path(key)),
                        text(b.path(key))));
            }
        }
    }

    /** A renamed checklist keeps some of its items; two empty ones are also taken as the same. */
    static boolean shareAnItem(JsonNode a, JsonNode b) {
        List<String> before = titles(a.path("items"));
        List<String> after = titles(b.path("items"));
        if (before.isEmpty() && after.isEmpty()) {
            return true;
        }
        Set<String> afterTitles = new HashSet<>(after);
        return before.stream().anyMatch(afterTitles::contains);
    }

    static List<String> titles(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(e.path("title").asText("")));
        return out;
    }

    private static Set<String> keys(JsonNode a, JsonNode b, Set<String> skip) {
        Set<String> keys = new LinkedHashSet<>();
        a.fieldNames().forEachRemaining(keys::add);
        b.fieldNames().forEachRemaining(keys::add);
        keys.removeAll(skip);
        return keys;
    }

    private static boolean contains(int[] match, int i) {
        return Arrays.stream(match).anyMatch(m -> m == i);
    }

    private static String count(int items) {
        return items == 1 ? "1 item" : items + " items";
    }

    /** Compact JSON for a value; null for an absent one (so "added"/"removed" reads naturally). */
    private static String text(JsonNode value) {
        return value instanceof MissingNode ? null : value.toString();
    }
}
