package com.incidentconsole.playbook.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.wire.WireJson;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaybookFileTest {

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.INCIDENT, Fixtures.RELEASE, Fixtures.BUG_BASH, Fixtures.SECURITY})
    void readingAndWritingBackUnchangedGivesIdenticalBytes(String name) {
        PlaybookFile file = Fixtures.file(name);
        assertFalse(file.isModified());
        assertEquals(Fixtures.text(name), file.toText());
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.INCIDENT, Fixtures.RELEASE, Fixtures.BUG_BASH, Fixtures.SECURITY})
    void editingOneItemTitleChangesOnlyThatLine(String name) {
        PlaybookFile file = Fixtures.file(name);
        String before = file.toText();
        String oldTitle = file.checklists().get(0).items().get(1).title();
        String after = file.withItem(0, 1, ItemField.TITLE, "Page the DBA").toText();

        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        assertEquals(a.size(), b.size());
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                changed.add(i);
            }
        }
        assertEquals(1, changed.size(), "changed lines: " + changed);
        assertTrue(a.get(changed.get(0)).contains(jsonEscaped(oldTitle)));
        assertTrue(b.get(changed.get(0)).contains("Page the DBA"));
        assertEquals(before.endsWith("\n"), after.endsWith("\n"));
    }

    private static String jsonEscaped(String s) {
        return s.replace("\"", "\\\"");
    }

    @Test
    void serverExportIsAlreadyCanonical() {
        PlaybookFile file = Fixtures.file(Fixtures.INCIDENT);
        assertEquals(Fixtures.text(Fixtures.INCIDENT), file.toCanonicalText());
    }

    @Test
    void canonicalFormSortsExportKeysButKeepsEveryFieldAndValue() throws Exception {
        PlaybookFile file = Fixtures.file(Fixtures.RELEASE);
        String canonical = file.toCanonicalText();
        PlaybookFile reread = new PlaybookParser().parse(canonical);
        assertEquals(file.json(), reread.json());
        assertTrue(canonical.indexOf("\"checklists\"") < canonical.indexOf("\"version\""));
        assertTrue(canonical.contains("\"x_review\": {\n        \"owner\""), "unknown objects keep their key order");
        assertTrue(canonical.contains("\"ratio\": 1.5"));
        assertEquals(canonical, reread.toCanonicalText());
    }

    @Test
    void typedAccessorsReadTheExport() {
        PlaybookFile file = Fixtures.file(Fixtures.INCIDENT);
        assertEquals("Incident Resolution", file.title());
        assertEquals(1, file.version());
        assertEquals(3600, file.number(PlaybookSetting.REMINDER_TIMER_DEFAULT_SECONDS));
        assertTrue(file.flag(PlaybookSetting.STATUS_UPDATE_ENABLED));
        assertEquals("Incident: <name>", file.text(PlaybookSetting.CHANNEL_NAME_TEMPLATE));
        assertEquals(List.of("sev-1", "sev-2", "#incident", "this is serious"),
                file.strings(PlaybookSetting.SIGNAL_ANY_KEYWORDS));
        assertEquals("/zoom start", file.checklists().get(0).items().get(1).command());
        assertEquals(new MetricView("Time to resolve", "From declaration to resolution", "metric_duration",
                14_400_000L), file.metrics().get(0));
    }

    @Test
    void newKeysGoToTheirSortedPlaceInSortedObjectsAndZeroValuesAreNotAdded() {
        PlaybookFile file = Fixtures.file(Fixtures.INCIDENT);
        assertFalse(file.withItem(0, 0, ItemField.DUE_DATE, 0L).isModified());
        String text = file.withItem(0, 0, ItemField.COMMAND, "/page dba").toText();
        assertTrue(text.contains("\"command\": \"/page dba\",\n                    \"title\": \"Add on-call"), text);
    }

    @Test
    void importOnlyFieldsAreWrittenEvenWhenFalseAndRemovingThemGivesBackTheOriginalBytes() {
        PlaybookFile file = Fixtures.file(Fixtures.INCIDENT);
        PlaybookFile off = file.with(ImportOnlySetting.BROADCAST_ENABLED, false);
        assertTrue(off.has(ImportOnlySetting.BROADCAST_ENABLED), "false says 'off on push', absence says nothing");
        List<String> before = file.toText().lines().toList();
        List<String> after = off.toText().lines().toList();
        assertEquals(before.size() + 1, after.size());
        int added = after.indexOf("    \"broadcast_enabled\": false,");
        assertTrue(added > 0, "inserted at its sorted place: " + after);
        assertTrue(after.get(added + 1).contains("\"channel_name_template\""));

        PlaybookFile ids = off.with(ImportOnlySetting.BROADCAST_CHANNEL_IDS, List.of("4xp9fdt7pbgium38k1a5bh1t3c"));
        assertEquals(List.of("4xp9fdt7pbgium38k1a5bh1t3c"), ids.strings(ImportOnlySetting.BROADCAST_CHANNEL_IDS));
        PlaybookFile back = ids.without(ImportOnlySetting.BROADCAST_CHANNEL_IDS)
                .without(ImportOnlySetting.BROADCAST_ENABLED);
        assertFalse(back.isModified());
        assertEquals(Fixtures.text(Fixtures.INCIDENT), back.toText());
    }

    @Test
    void propertiesAndConditionsAreReadWithTheServersWording() {
        PlaybookFile file = Fixtures.file(Fixtures.SECURITY);
        assertEquals(List.of(new PropertyView("a1b2c3d4e5f6g7h8j9k0m1n2p3", "Severity", "select"),
                new PropertyView("k3n8w1p6q9r2s5t7u4v0x1y2z3", "Security lead", "user"),
                new PropertyView("t5v7x9z1b3d5f7h9k1m3p5r7s9", "Region", "text")), file.properties());
        assertEquals(List.of(new ConditionView("c4m7d2f9g1h5j8k3l6n0p2q4r7",
                "\"Severity\" is SEV-1 AND \"Region\" is not empty")), file.conditions());
        ItemView hidden = file.checklists().get(0).items().get(2);
        assertEquals("c4m7d2f9g1h5j8k3l6n0p2q4r7", hidden.conditionId());
        assertEquals("hidden", hidden.conditionAction());
        assertEquals(List.of(), Fixtures.file(Fixtures.INCIDENT).conditions());
    }

    @Test
    void structuralEditsAddMoveAndRemove() {
        PlaybookFile file = Fixtures.file(Fixtures.INCIDENT)
                .withChecklistAdded(0, "Before")
                .withItemAdded(0, 0, "Check dashboards")
                .withItemMoved(1, 0, 0, 1)
                .withChecklistRemoved(4)
                .withMetricAdded("Revenue lost", "metric_currency")
                .withMetric(2, MetricField.TARGET, 1000L)
                .withMetricRemoved(1);
        List<ChecklistView> lists = file.checklists();
        assertEquals(List.of("Before", "Setup for triage", "Investigate cause", "Resolution"),
                lists.stream().map(ChecklistView::title).toList());
        assertEquals("Add on-call engineer to channel", lists.get(0).items().get(1).title());
        assertEquals(List.of("Time to resolve", "Revenue lost"), file.metrics().stream().map(MetricView::title).toList());
        assertEquals(1000L, file.metrics().get(1).target());
        assertThrows(IndexOutOfBoundsException.class, () -> file.withItemRemoved(0, 9));
    }

    @Test
    void badJsonIsReportedWithLineAndColumn() {
        PlaybookFormatException e = assertThrows(PlaybookFormatException.class,
                () -> new PlaybookParser().parse("{\n  \"title\": \"x\",\n  \"version\": 1,,\n}"));
        assertEquals(3, e.line());
        assertTrue(e.describe().startsWith("line 3, column "), e.describe());
        assertThrows(PlaybookFormatException.class, () -> new PlaybookParser().parse("[1]"));
        assertThrows(PlaybookFormatException.class, () -> new PlaybookParser().parse(""));
        assertThrows(PlaybookFormatException.class, () -> new PlaybookParser().parse("{\"a\":1,\"a\":2}"));
    }

    @Test
    void templateBecomesTheExportTheServerWouldProduce() throws Exception {
        JsonNode template;
        try (InputStream in = getClass().getResourceAsStream("/templates/incident-resolution.json")) {
            template = WireJson.newMapper().readTree(in);
        }
        PlaybookFile export = TemplateConversion.toExport(template);
        assertEquals(1, export.version());
        assertFalse(export.json().has("team_id"));
        assertFalse(export.json().has("channel_mode"), "create_new_channel is the zero value");
        assertFalse(export.json().get("checklists").get(0).get("items").get(0).has("state"));
        PlaybookFile fixture = Fixtures.file(Fixtures.INCIDENT);
        assertEquals(fixture.checklists(), export.checklists());
        assertEquals(fixture.withMetricRemoved(1).withMetricRemoved(0)
                .with(PlaybookSetting.RUN_NUMBER_PREFIX, "").json().without("run_number_prefix"), export.json());
    }
}
