package com.incidentconsole.app;

import static com.incidentconsole.uitest.TestRuns.checklist;
import static com.incidentconsole.uitest.TestRuns.event;
import static com.incidentconsole.uitest.TestRuns.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.uitest.ConsoleRobot;
import com.incidentconsole.uitest.PulseMeter;
import com.incidentconsole.uitest.TestRuns;
import com.incidentconsole.uitest.TestWorkspace;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.TimelineEvent;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Text from the server, however long and in whatever script, never breaks the window (probe H2, H3,
 * L8, L9): the run header, the checklists and the status bar stay on screen, Esc brings back an intact
 * list, and no frame waits more than {@value #PULSE_BUDGET_MS} ms while it renders.
 */
@ExtendWith(ApplicationExtension.class)
class LongServerTextUiTest {

    private static final long PULSE_BUDGET_MS = 100;
    private static final String FAMILY = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
    /** The probe's run name: an override, Arabic, Hebrew, emoji and a ZWJ family, then 100 KB. */
    private static final String RTL_NAME = "BIGNAME \u202Eevil.exe\u202C مرحبا بالعالم שלום 🔥💥🚨" + FAMILY + " "
            + "A".repeat(100_000);
    private static final String LOG = IntStream.range(0, 61)
            .mapToObj(i -> "2026-12-01T21:%02d ERROR [checkout-api] Read timed out after 30000 ms".formatted(i))
            .collect(Collectors.joining("\n"));
    private static final String LONG_COMMAND = "/cloud create playbooks-bug-bash-t0 --license te --image "
            + "mattermost/mattermost-enterprise-edition:release-10.5 --installation-id playbooks-bug-bash-t0 "
            + "--size miniSingleton --affinity multitenant --database perseus --filestore bifrost";

    private TestWorkspace workspace;
    private WorkspaceUi ui;
    private Scene scene;

    @Start
    void start(Stage stage) {
        workspace = TestWorkspace.seeded();
        long t = TestWorkspace.NOW.toEpochMilli();
        workspace.runs().upsert(List.of(
                TestRuns.run(new TestRuns.RunSpec("run-log", "Checkout timeouts").summary(LOG)
                        .owner("u-alice").playbook("pb-ir").createdAt(t - 20 * TestWorkspace.MINUTE)
                        .checklists(checklist("cl-a", "Triage", item("a-1", "Page the on-call", ChecklistItem.OPEN),
                                item("a-2", "Spin up a cloud instance running T0", ChecklistItem.OPEN, "u-bob", 0,
                                        LONG_COMMAND)))),
                TestRuns.run(new TestRuns.RunSpec("run-rtl", RTL_NAME).summary("مرحبا" + "ب".repeat(100_000))
                        .owner("u-bob").playbook("pb-ir").createdAt(t - 30 * TestWorkspace.MINUTE)
                        .checklists(checklist("cl-r", "שלום " + "ש".repeat(100_000),
                                item("r-1", "\u202Eevil.exe\u202C " + "ع".repeat(100_000), ChecklistItem.OPEN, "", 0,
                                        "/" + "x".repeat(100_000))))
                        .events(event("re1", t - 25 * TestWorkspace.MINUTE, TimelineEvent.STATUS_UPDATED,
                                "Z" + "\u0301\u0316".repeat(5_000) + " " + "מ".repeat(100_000), "u-bob"))),
                TestRuns.run(new TestRuns.RunSpec("run-ascii", "ASCII " + "A".repeat(100_000))
                        .owner("u-carol").playbook("pb-ir").createdAt(t - 40 * TestWorkspace.MINUTE)
                        .checklists(checklist("cl-s", "Triage", item("s-1", "Look", ChecklistItem.OPEN)))),
                // The same scripts, short: opened first, so loading the Arabic, Hebrew and emoji fonts (once
                // per process, whatever the length) is not what the pulse measurement sees.
                TestRuns.run(new TestRuns.RunSpec("run-warm", "WARMUP مرحبا שלום 🔥" + FAMILY).summary("مرحبا ש")
                        .owner("u-dave").playbook("pb-ir").createdAt(t - 50 * TestWorkspace.MINUTE)
                        .checklists(checklist("cl-w", "Triage", item("w-x", "Look " + FAMILY, ChecklistItem.OPEN,
                                "", 0, "/echo مرحبا")))
                        .events(event("we1", t - 45 * TestWorkspace.MINUTE, TimelineEvent.STATUS_UPDATED,
                                "Z\u0301\u0316 מ", "u-dave")))));
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        ui = new WorkspaceUi(ResourceBundle.getBundle(IncidentConsoleApp.BUNDLE), FxBatcher.onFxThread(),
                () -> TestWorkspace.NOW, ZoneOffset.UTC);
        scene = new Scene(ui.build(workspace), 1280, 800);
        scene.getStylesheets().add(IncidentConsoleApp.class.getResource(IncidentConsoleApp.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeUi() {
        ui.close();
    }

    @Test
    void aSixtyOneLineSummaryLeavesTheHeaderChecklistsAndStatusBarOnScreen(FxRobot fx) {
        ConsoleRobot user = warmedUp(fx);
        PulseMeter pulses = new PulseMeter().start();

        open(user, "checkout");
        assertDetailFits(fx, "a-1");
        assertTrue(text(fx, "#summaryLabel").startsWith("2026-12-01T21:00 ERROR"), "the summary's first lines show");
        assertEquals("Show all (61 lines, %,d characters)".formatted(LOG.length()), text(fx, "#summaryToggle"));

        fx.clickOn("#summaryToggle");
        user.assertVisible("#summaryScroll");
        assertTrue(text(fx, "#fullSummaryLabel").contains("2026-12-01T21:60 ERROR"), "expanded, all 61 lines are there");
        assertDetailFits(fx, "a-1");

        user.press(KeyCode.ESCAPE);
        assertListIntact(fx, user);
        assertPulsesWithinBudget(pulses.stop());
    }

    @Test
    void aHundredKilobyteRightToLeftNameNeitherFreezesNorBreaksTheWindow(FxRobot fx) {
        ConsoleRobot user = warmedUp(fx);
        PulseMeter pulses = new PulseMeter().start();

        user.keys("/").keys("bigname");
        user.waitUntil("the run is found", () -> user.runsTable().getItems().size() == 1);
        String listed = user.runsTable().getItems().get(0).nameProperty().get();
        assertTrue(listed.startsWith("BIGNAME evil.exe مرحبا"), "the override is gone: " + listed.substring(0, 30));
        assertTrue(listed.length() < 400, "the list row holds a bounded name, not " + listed.length() + " characters");
        user.press(KeyCode.ENTER).press(KeyCode.ENTER);
        user.assertVisible("#runDetail");
        assertDetailFits(fx, "r-1");
        assertFalse(text(fx, "#runName").contains("\u202E"));

        user.press(KeyCode.ESCAPE);
        assertListIntact(fx, user);
        assertPulsesWithinBudget(pulses.stop());
    }

    @Test
    void aHundredKilobytePlainNameKeepsTheDetailAndTheListIntact(FxRobot fx) {
        ConsoleRobot user = warmedUp(fx);
        PulseMeter pulses = new PulseMeter().start();

        open(user, "ascii");
        assertDetailFits(fx, "s-1");

        user.press(KeyCode.ESCAPE);
        assertListIntact(fx, user);
        assertPulsesWithinBudget(pulses.stop());
    }

    /** The same steps on a seeded run with short texts: the yardstick the long ones are read against. */
    @Test
    void aShortRunTakesTheSameStepsWithinTheBudget(FxRobot fx) {
        ConsoleRobot user = warmedUp(fx);
        PulseMeter pulses = new PulseMeter().start();

        open(user, "database");
        assertDetailFits(fx, "i-page");
        user.press(KeyCode.ESCAPE);
        assertListIntact(fx, user);
        assertPulsesWithinBudget(pulses.stop());
    }

    @Test
    void aLongSlashCommandLeavesTheTitleItsWidth(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        open(user, "checkout");
        Node title = fx.lookup(".checklist-item").match(n -> "a-2".equals(n.getProperties().get("itemId")))
                .lookup(".item-title").query();
        Node command = fx.lookup(".checklist-item").match(n -> "a-2".equals(n.getProperties().get("itemId")))
                .lookup(".item-command").query();
        Bounds titleBounds = title.localToScene(title.getLayoutBounds());
        Bounds commandBounds = command.localToScene(command.getLayoutBounds());
        // One line of the title, as a short command would leave it (probe L8: one letter per line).
        assertTrue(titleBounds.getHeight() < 30, "title is " + titleBounds);
        assertTrue(commandBounds.getMinY() >= titleBounds.getMaxY() - 1, "the command sits under the title");
        assertTrue(commandBounds.getHeight() < 30, "the command clips to one line: " + commandBounds);
        Labeled assignee = fx.lookup(".checklist-item").match(n -> "a-2".equals(n.getProperties().get("itemId")))
                .lookup(".item-assignee").queryAs(Labeled.class);
        assertEquals("Bob Baker", assignee.getText());
        assertTrue(assignee.getWidth() >= assignee.prefWidth(-1) - 0.5, "the assignee is not squeezed by the command: "
                + assignee.getWidth() + " of " + assignee.prefWidth(-1));
    }

    /** Opens and leaves a run with the same scripts, short, before measuring. */
    private ConsoleRobot warmedUp(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        open(user, "warmup");
        user.press(KeyCode.ESCAPE);
        user.assertVisible("#runsTable");
        user.press(KeyCode.ESCAPE);
        user.waitUntil("the filter is cleared", () -> user.runsTable().getItems().size() == 7);
        return user;
    }

    private static void open(ConsoleRobot user, String filter) {
        user.keys("/").keys(filter);
        user.waitUntil("the run is found", () -> user.runsTable().getItems().size() == 1);
        user.press(KeyCode.ENTER).press(KeyCode.ENTER);
        user.assertVisible("#runDetail");
    }

    private void assertDetailFits(FxRobot fx, String firstItemId) {
        WaitForAsyncUtils.waitForFxEvents();
        for (String query : List.of("#backButton", "#runName", "#runStatus", "#ownerLabel", "#connectionLabel")) {
            assertOnScreen(fx, query, 8);
        }
        Node checklists = fx.lookup("#checklists").query();
        Bounds bounds = assertOnScreen(checklists, "#checklists", 120);
        Node item = fx.lookup(".checklist-item").match(n -> firstItemId.equals(n.getProperties().get("itemId"))).query();
        Bounds itemBounds = item.localToScene(item.getLayoutBounds());
        assertTrue(itemBounds.getMinY() >= bounds.getMinY() - 1 && itemBounds.getMinY() < bounds.getMaxY(),
                "the first item is inside the visible checklists: " + itemBounds + " in " + bounds);
        assertTrue(itemBounds.getHeight() < 200, "the item is bounded: " + itemBounds);
        assertOnScreen(fx, "#timeline", 80);
    }

    private void assertListIntact(FxRobot fx, ConsoleRobot user) {
        user.assertVisible("#runsTable");
        assertOnScreen(fx, "#filterField", 8);
        assertOnScreen(fx, "#runsCount", 8);
        assertOnScreen(fx, "#runsTable", 300);
        assertOnScreen(fx, "#connectionLabel", 8);
        Bounds filter = bounds(fx.lookup("#filterField").query());
        assertTrue(filter.getMinY() < 80, "the toolbar is at the top, not shifted: " + filter);
    }

    private Bounds assertOnScreen(FxRobot fx, String query, double minHeight) {
        return assertOnScreen(fx.lookup(query).query(), query, minHeight);
    }

    private Bounds assertOnScreen(Node node, String what, double minHeight) {
        Bounds b = bounds(node);
        assertTrue(node.isVisible(), what + " is visible");
        assertTrue(b.getMinX() >= -0.5 && b.getMinY() >= -0.5 && b.getMaxX() <= scene.getWidth() + 0.5
                && b.getMaxY() <= scene.getHeight() + 0.5, what + " lies inside the " + scene.getWidth() + "x"
                + scene.getHeight() + " window: " + b);
        assertTrue(b.getHeight() >= minHeight, what + " is at least " + minHeight + " px tall: " + b);
        return b;
    }

    private static Bounds bounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

    private static void assertPulsesWithinBudget(PulseMeter pulses) {
        System.out.println("PULSES " + pulses);
        assertTrue(pulses.frames() > 10, "frames were measured: " + pulses);
        assertTrue(pulses.longestCpuMillis() <= PULSE_BUDGET_MS, pulses.toString());
    }

    private static String text(FxRobot fx, String query) {
        return fx.lookup(query).queryAs(Labeled.class).getText();
    }
}
