package com.incidentconsole.playbook.library;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.playbook.library.json.JsonPrinter;
import com.incidentconsole.playbook.library.json.JsonStyle;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * fmt is idempotent and loses nothing, whatever the playbook and however it was laid out. Playbooks are built
 * from a generated seed so that one case exercises many features together (odd key orders, unknown fields,
 * characters Go escapes, decimals, empty containers, all four layouts).
 */
class CanonicalFormatPropertyTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final String[] WORDS = {"Page DBA", "<b>bold</b>", "R&D", "naïve", "line\nbreak", "tab\there",
        "quote \"x\"", "back\\slash", "\u2028sep", "emoji 🚒", "ctl\u0001", "", "/zoom start", "Ünïcødé"};
    private static final JsonStyle[] STYLES = {JsonStyle.CANONICAL, new JsonStyle("  ", false, "\n", false),
        new JsonStyle("\t", true, "\r\n", true), new JsonStyle("", false, "\n", false)};

    private final PlaybookParser parser = new PlaybookParser();

    @Test
    void fmtIsIdempotentAndKeepsTheData() {
        qt().withExamples(300).forAll(playbooks()).check(text -> {
            try {
                PlaybookFile original = parser.parse(text);
                String once = original.toCanonicalText();
                PlaybookFile formatted = parser.parse(once);
                return formatted.toCanonicalText().equals(once)
                        && formatted.json().equals(original.json())
                        && original.toText().equals(text);
            } catch (PlaybookFormatException e) {
                throw new AssertionError(e.describe() + " in\n" + text, e);
            }
        });
    }

    @Test
    void editingAnItemTitleChangesOneLineInAnyConsistentLayout() {
        qt().withExamples(200).forAll(playbooks()).check(text -> {
            try {
                PlaybookFile file = parser.parse(text);
                JsonNode lists = file.json().path("checklists");
                if (lists.isEmpty() || lists.get(0).path("items").isEmpty()
                        || !lists.get(0).path("items").get(0).has("title")) {
                    return true;
                }
                List<String> before = file.toText().lines().toList();
                List<String> after = file.withItem(0, 0, ItemField.TITLE, "EDITED").toText().lines().toList();
                int changed = 0;
                for (int i = 0; i < before.size(); i++) {
                    changed += before.get(i).equals(after.get(i)) ? 0 : 1;
                }
                return before.size() == after.size() && changed <= 1;
            } catch (PlaybookFormatException e) {
                throw new AssertionError(e.describe(), e);
            }
        });
    }

    private static Gen<String> playbooks() {
        return longs().all().map(seed -> {
            Random random = new Random(seed);
            return new JsonPrinter(STYLES[random.nextInt(STYLES.length)]).print(playbook(random));
        });
    }

    private static ObjectNode playbook(Random random) {
        List<Runnable> fields = new ArrayList<>();
        ObjectNode doc = NODES.objectNode();
        fields.add(() -> doc.put("title", word(random)));
        fields.add(() -> doc.put("version", 1));
        fields.add(() -> doc.put("reminder_timer_default_seconds", random.nextInt(100_000)));
        fields.add(() -> doc.put("status_update_enabled", random.nextBoolean()));
        fields.add(() -> doc.put("x_unknown_" + random.nextInt(5), word(random)));
        fields.add(() -> doc.set("x_ratio", NODES.numberNode(new BigDecimal(random.nextInt(1000) + "."
                + random.nextInt(100)))));
        fields.add(() -> doc.set("signal_any_keywords", words(random)));
        fields.add(() -> doc.set("x_nested", nested(random, 2)));
        fields.add(() -> {
            ArrayNode lists = doc.putArray("checklists");
            for (int c = random.nextInt(4); c > 0; c--) {
                ObjectNode list = NODES.objectNode();
                ArrayNode items = NODES.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    ObjectNode item = NODES.objectNode();
                    shuffled(random, List.of(() -> item.put("title", word(random)),
                            () -> item.put("command", word(random)),
                            () -> item.put("due_date", random.nextLong() % 1_000_000_000L),
                            () -> item.put("x_extra", random.nextBoolean())));
                    items.add(item);
                }
                shuffled(random, List.of(() -> list.put("title", word(random)), () -> list.set("items", items)));
                lists.add(list);
            }
        });
        fields.add(() -> {
            ArrayNode metrics = doc.putArray("metrics");
            for (int m = random.nextInt(3); m > 0; m--) {
                ObjectNode metric = metrics.addObject();
                shuffled(random, List.of(() -> metric.put("title", word(random)),
                        () -> metric.put("type", "metric_integer"), () -> metric.put("target", random.nextInt(50))));
            }
        });
        shuffled(random, fields);
        return doc;
    }

    private static void shuffled(Random random, List<Runnable> steps) {
        List<Runnable> copy = new ArrayList<>(steps);
        Collections.shuffle(copy, random);
        copy.forEach(Runnable::run);
    }

    private static JsonNode nested(Random random, int depth) {
        if (depth == 0 || random.nextInt(3) == 0) {
            return random.nextBoolean() ? NODES.textNode(word(random)) : NODES.nullNode();
        }
        if (random.nextBoolean()) {
            ArrayNode array = NODES.arrayNode();
            for (int i = random.nextInt(3); i > 0; i--) {
                array.add(nested(random, depth - 1));
            }
            return array;
        }
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(3); i > 0; i--) {
            object.set("k" + random.nextInt(10), nested(random, depth - 1));
        }
        return object;
    }

    private static ArrayNode words(Random random) {
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
            array.add(word(random));
        }
        return array;
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)] + (random.nextBoolean() ? "" : " " + random.nextInt(100));
    }
}
