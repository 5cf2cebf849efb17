package com.incidentconsole.playbook.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.playbook.library.json.CanonicalOrder;
import com.incidentconsole.playbook.library.json.JsonPrinter;
import com.incidentconsole.playbook.library.json.JsonStyle;
import com.incidentconsole.playbook.library.json.TreeEdits;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One playbook export document, immutable. Every field is kept, unknown ones included, in its original order;
 * the typed withers return a new file in which only the touched value changed.
 *
 * <p>{@link #toText()} returns the original text untouched while nothing was edited (so read → write is
 * byte-identical whatever the layout), and otherwise re-prints the tree in the file's own detected style
 * (indent, escaping, newlines), so an edit to a file in a consistent layout changes only the edited lines.
 */
public final class PlaybookFile {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final String sourceText;
    private final ObjectNode source;
    private final ObjectNode tree;
    private final JsonStyle style;

    private PlaybookFile(String sourceText, ObjectNode source, ObjectNode tree, JsonStyle style) {
        this.sourceText = sourceText;
        this.source = source;
        this.tree = tree;
        this.style = style;
    }

    /** A file read from {@code text}; use {@link PlaybookParser} rather than calling this with an unchecked tree. */
    static PlaybookFile parsed(String text, ObjectNode tree) {
        return new PlaybookFile(text, tree, tree.deepCopy(), JsonStyle.detect(text));
    }

    /** A new document (no file behind it yet) that will be written in the canonical style. */
    public static PlaybookFile of(ObjectNode tree) {
        return new PlaybookFile(null, null, tree.deepCopy(), JsonStyle.CANONICAL);
    }

    /** The same file's identity and style with a whole new content, e.g. the result of a merge. */
    public PlaybookFile withJson(ObjectNode newTree) {
        return new PlaybookFile(sourceText, source, newTree.deepCopy(), style);
    }

    /** A copy of the whole document tree (mutating it does not affect this file). */
    public ObjectNode json() {
        return tree.deepCopy();
    }

    public JsonStyle style() {
        return style;
    }

    /** True when the content differs from what was read (always true for a new document). */
    public boolean isModified() {
        return source == null || !source.equals(tree);
    }

    public String toText() {
        if (!isModified() && sourceText != null) {
            return sourceText;
        }
        return new JsonPrinter(style).print(tree);
    }

    /** The server's export layout (sorted keys, 4-space indent, Go escaping) — what {@code playbook fmt} writes. */
    public String toCanonicalText() {
        return new JsonPrinter(JsonStyle.CANONICAL).print(CanonicalOrder.sorted(tree));
    }

    /** The {@code version} field, or 0 when absent or not a number. */
    public long version() {
        JsonNode v = tree.get("version");
        return v != null && v.isIntegralNumber() ? v.longValue() : 0;
    }

    public String title() {
        return text(PlaybookSetting.TITLE);
    }

    public PlaybookFile withTitle(String title) {
        return with(PlaybookSetting.TITLE, title);
    }

    public String text(SettingKey setting) {
        return textOf(tree, setting.key());
    }

    public boolean flag(SettingKey setting) {
        JsonNode v = tree.get(setting.key());
        return v != null && v.asBoolean(false);
    }

    public long number(SettingKey setting) {
        return numberOf(tree, setting.key());
    }

    public List<String> strings(SettingKey setting) {
        List<String> out = new ArrayList<>();
        JsonNode v = tree.get(setting.key());
        if (v != null && v.isArray()) {
            v.forEach(e -> out.add(e.asText()));
        }
        return List.copyOf(out);
    }

    /** True when the file has the key at all (for an {@link ImportOnlySetting}, absent means "not set here"). */
    public boolean has(SettingKey setting) {
        return tree.has(setting.key());
    }

    /**
     * Sets a playbook-level field; {@code value} must match the setting's kind (String, Boolean, Number, List).
     * An exported field set to its zero value is not added (the export omits zeros); an {@link ImportOnlySetting}
     * is always written, since for it {@code false} or empty says something absence does not.
     */
    public PlaybookFile with(SettingKey setting, Object value) {
        JsonNode node = toNode(setting.kind(), value);
        return edit(root -> {
            if (setting instanceof ImportOnlySetting) {
                TreeEdits.set(root, setting.key(), node);
            } else {
                TreeEdits.put(root, setting.key(), node);
            }
        });
    }

    /** Removes a field, so the file no longer says anything about it. */
    public PlaybookFile without(SettingKey setting) {
        return edit(root -> root.remove(setting.key()));
    }

    /** The {@code properties} block: the playbook's attributes, which conditions and assignees refer to by id. */
    public List<PropertyView> properties() {
        List<PropertyView> out = new ArrayList<>();
        for (JsonNode p : array(tree, "properties")) {
            out.add(new PropertyView(textOf(p, "id"), textOf(p, "name"), textOf(p, "type")));
        }
        return List.copyOf(out);
    }

    /** The {@code conditions} block, each worded with the property names of this file. */
    public List<ConditionView> conditions() {
        ConditionText words = new ConditionText(tree.path("properties"));
        List<ConditionView> out = new ArrayList<>();
        for (JsonNode c : array(tree, "conditions")) {
            out.add(new ConditionView(textOf(c, "id"), words.describe(c.path("condition_expr"))));
        }
        return List.copyOf(out);
    }

    public List<ChecklistView> checklists() {
        List<ChecklistView> out = new ArrayList<>();
        for (JsonNode checklist : array(tree, "checklists")) {
            List<ItemView> items = new ArrayList<>();
            for (JsonNode item : array(checklist, "items")) {
                items.add(new ItemView(textOf(item, "title"), textOf(item, "description"), textOf(item, "command"),
                        numberOf(item, "due_date"), textOf(item, "assignee_type"),
                        textOf(item, "assignee_property_field_id"), textOf(item, "condition_id"),
                        textOf(item, "condition_action")));
            }
            out.add(new ChecklistView(textOf(checklist, "title"), items));
        }
        return List.copyOf(out);
    }

    public PlaybookFile withChecklistTitle(int checklist, String title) {
        return edit(root -> TreeEdits.put(checklistNode(root, checklist), "title", NODES.textNode(title)));
    }

    /** Inserts an empty checklist at {@code index} (0 … size). */
    public PlaybookFile withChecklistAdded(int index, String title) {
        return edit(root -> {
            ObjectNode checklist = NODES.objectNode();
            checklist.set("items", NODES.arrayNode());
            checklist.put("title", title);
            arrayFor(root, "checklists").insert(index, checklist);
        });
    }

    public PlaybookFile withChecklistRemoved(int checklist) {
        return edit(root -> requireIndex(arrayFor(root, "checklists"), checklist).remove(checklist));
    }

    public PlaybookFile withChecklistMoved(int from, int to) {
        return edit(root -> {
            ArrayNode lists = requireIndex(arrayFor(root, "checklists"), from);
            JsonNode moved = lists.remove(from);
            lists.insert(to, moved);
        });
    }

    public PlaybookFile withItem(int checklist, int item, ItemField field, Object value) {
        return edit(root -> TreeEdits.put(itemNode(root, checklist, item), field.key(), toNode(field.kind(), value)));
    }

    /** Removes a field from an item, which is how the export says "none" (it omits zero values). */
    public PlaybookFile withItemCleared(int checklist, int item, ItemField field) {
        return edit(root -> itemNode(root, checklist, item).remove(field.key()));
    }

    /** Inserts an item with just a title at {@code index} of {@code checklist}. */
    public PlaybookFile withItemAdded(int checklist, int index, String title) {
        return edit(root -> {
            ObjectNode item = NODES.objectNode();
            item.put("title", title);
            arrayFor(checklistNode(root, checklist), "items").insert(index, item);
        });
    }

    public PlaybookFile withItemRemoved(int checklist, int item) {
        return edit(root -> requireIndex(arrayFor(checklistNode(root, checklist), "items"), item).remove(item));
    }

    /** Moves an item, possibly to another checklist; {@code toIndex} counts after the item was taken out. */
    public PlaybookFile withItemMoved(int fromChecklist, int fromIndex, int toChecklist, int toIndex) {
        return edit(root -> {
            ArrayNode from = requireIndex(arrayFor(checklistNode(root, fromChecklist), "items"), fromIndex);
            JsonNode item = from.remove(fromIndex);
            arrayFor(checklistNode(root, toChecklist), "items").insert(toIndex, item);
        });
    }

    public List<MetricView> metrics() {
        List<MetricView> out = new ArrayList<>();
        for (JsonNode metric : array(tree, "metrics")) {
            JsonNode target = metric.get("target");
            out.add(new MetricView(textOf(metric, "title"), textOf(metric, "description"), textOf(metric, "type"),
                    target == null || target.isNull() ? null : target.longValue()));
        }
        return List.copyOf(out);
    }

    public PlaybookFile withMetric(int metric, MetricField field, Object value) {
        return edit(root -> {
            ObjectNode node = (ObjectNode) requireIndex(arrayFor(root, "metrics"), metric).get(metric);
            if (field == MetricField.TARGET && value == null) {
                node.remove("target");
            } else {
                TreeEdits.put(node, field.key(), toNode(field.kind(), value));
            }
        });
    }

    public PlaybookFile withMetricAdded(String title, String type) {
        return edit(root -> {
            ObjectNode metric = NODES.objectNode();
            metric.put("title", title);
            metric.put("type", type);
            arrayFor(root, "metrics").add(metric);
        });
    }

    public PlaybookFile withMetricRemoved(int metric) {
        return edit(root -> requireIndex(arrayFor(root, "metrics"), metric).remove(metric));
    }

    private PlaybookFile edit(Consumer<ObjectNode> change) {
        ObjectNode copy = tree.deepCopy();
        change.accept(copy);
        return new PlaybookFile(sourceText, source, copy, style);
    }

    private static ObjectNode checklistNode(ObjectNode root, int checklist) {
        return (ObjectNode) requireIndex(arrayFor(root, "checklists"), checklist).get(checklist);
    }

    private static ObjectNode itemNode(ObjectNode root, int checklist, int item) {
        return (ObjectNode) requireIndex(arrayFor(checklistNode(root, checklist), "items"), item).get(item);
    }

    private static ArrayNode requireIndex(ArrayNode array, int index) {
        if (index < 0 || index >= array.size() || !array.get(index).isObject()) {
            throw new IndexOutOfBoundsException("no object at index " + index + " (size " + array.size() + ")");
        }
        return array;
    }

    /** The array under {@code key}, created when absent (a new checklist in a file without any). */
    private static ArrayNode arrayFor(ObjectNode parent, String key) {
        JsonNode node = parent.get(key);
        if (node instanceof ArrayNode array) {
            return array;
        }
        ArrayNode created = NODES.arrayNode();
        parent.set(key, created);
        return created;
    }

    static Iterable<JsonNode> array(JsonNode parent, String key) {
        JsonNode node = parent.get(key);
        return node != null && node.isArray() ? node : List.of();
    }

    static String textOf(JsonNode parent, String key) {
        JsonNode v = parent.get(key);
        return v != null && v.isTextual() ? v.textValue() : "";
    }

    static long numberOf(JsonNode parent, String key) {
        JsonNode v = parent.get(key);
        return v != null && v.isNumber() ? v.longValue() : 0;
    }

    private static JsonNode toNode(PlaybookSetting.Kind kind, Object value) {
        return switch (kind) {
            case STRING -> NODES.textNode(requireType(value, String.class));
            case BOOLEAN -> NODES.booleanNode(requireType(value, Boolean.class));
            case NUMBER -> NODES.numberNode(requireType(value, Number.class).longValue());
            case STRING_LIST -> {
                ArrayNode array = NODES.arrayNode();
                for (Object o : requireType(value, List.class)) {
                    array.add(requireType(o, String.class));
                }
                yield array;
            }
        };
    }

    private static <T> T requireType(Object value, Class<T> type) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("expected a " + type.getSimpleName() + " but got " + value);
        }
        return type.cast(value);
    }
}
