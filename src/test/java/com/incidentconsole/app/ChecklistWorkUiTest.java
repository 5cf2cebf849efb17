package com.incidentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.uitest.ConsoleRobot;
import com.incidentconsole.uitest.SandboxConsole;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import com.incidentconsole.wire.User;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue #14 items 2, 6 and 9 from the keyboard against the sandbox: assign, due date, edit, run the slash
 * command, add below, duplicate, move, delete and stage navigation, each checked on screen and on the
 * server; then the same work queued with the network cut, shown in plain words, and applied exactly once
 * when the network is back.
 */
@ExtendWith(ApplicationExtension.class)
class ChecklistWorkUiTest {

    private final SandboxConsole console = SandboxConsole.start(SandboxOptions.defaults().withPort(0).withRuns(6, 2));
    private final PlaybookRun target = console.myOngoingRun(r -> r.currentStageIndex().get() + 1 < r.checklists().size());

    @Start
    void start(Stage stage) {
        console.show(stage);
    }

    @AfterEach
    void tearDown() {
        console.close();
    }

    @Test
    void checklistWorkFromTheKeyboard(FxRobot fx) {
        ConsoleRobot user = openTargetRun(fx);
        ChecklistItem item = focusedItem();
        User assignee = someParticipant();

        // a: assign, the run's participants first in the picker
        user.keys("a");
        user.assertVisible("#userPicker");
        user.keys(assignee.username()).press(KeyCode.ENTER);
        user.waitUntil("assigned on the server", () -> assignee.id().equals(serverItem(item.id()).assigneeId()));
        user.waitUntil("the name on the item", () -> labelOn(fx, item.id(), ".item-assignee")
                .equals(assignee.displayName()));

        // d: a due date typed relative, stored absolute
        long before = System.currentTimeMillis();
        user.keys("d");
        user.assertVisible("#itemEditor");
        user.keys("in 30m").press(KeyCode.ENTER);
        user.waitUntil("due on the server", () -> serverItem(item.id()).dueDate() > 0);
        long due = serverItem(item.id()).dueDate();
        assertTrue(due >= before + Duration.ofMinutes(30).toMillis() - 1_000
                && due <= System.currentTimeMillis() + Duration.ofMinutes(30).toMillis(), "due " + due);
        assertFalse(user.isVisible("#itemEditor"), "Enter saved and closed the editor");

        // An overdue item stands out: not the grey of a done one
        user.keys("d").keys("2020-01-01T09:00").press(KeyCode.ENTER);
        user.waitUntil("overdue on screen, confirmed", () -> user.itemClasses(item.id()).contains("overdue")
                && !user.itemClasses(item.id()).contains("pending"));
        assertTrue(labelOn(fx, item.id(), ".item-due").startsWith("overdue"));
        assertFalse(user.itemClasses(item.id()).contains("done"));

        // e: edit title, description and command in one go
        user.keys("e");
        user.keys("Page the database on-call").press(KeyCode.TAB).keys("Use the escalation policy")
                .press(KeyCode.TAB).keys("/echo paged").press(KeyCode.ENTER);
        user.waitUntil("edited on the server", () -> "Page the database on-call".equals(serverItem(item.id()).title())
                && "/echo paged".equals(serverItem(item.id()).command())
                && "Use the escalation policy".equals(serverItem(item.id()).description()));
        user.waitUntil("the new title on screen", () -> labelOn(fx, item.id(), ".item-title")
                .equals("Page the database on-call"));

        // r: run the slash command; the server stamps the item and the timeline gets its event
        long ranBefore = ranEvents();
        user.keys("r");
        user.waitUntil("ran on the server", () -> serverItem(item.id()).commandLastRun() > 0 && ranEvents() == ranBefore + 1);
        user.waitUntil("the run shows on the item", () -> labelOn(fx, item.id(), ".item-command").contains("ran"));

        // n: add an item right below; the cursor lands on it
        user.keys("n").keys("Tell support").press(KeyCode.ENTER);
        user.waitUntil("added below on the server", () -> titleAfter(item.id()).equals(Optional.of("Tell support")));
        String added = idAfter(item.id()).orElseThrow();
        try {
            user.waitUntil("the cursor on the new item", () -> added.equals(focusedItemId(fx)));
        } catch (AssertionError e) {
            throw new AssertionError("cursor on " + focusedItemId(fx) + ", added " + added + ", rows "
                    + fx.lookup(".checklist-item").queryAll().stream().map(n -> n.getProperties().get("itemId")
                    + (n.getPseudoClassStates().toString())).toList(), e);
        }

        // D: duplicate it; the copy sits right below
        user.keys("D");
        user.waitUntil("duplicated on the server", () -> countTitled("Tell support") == 2);
        assertEquals(Optional.of("Tell support"), titleAfter(added));

        // k then K: back to the original, moved up above the item it was added below
        user.waitUntil("the cursor on the copy", () -> !focusedItemId(fx).equals(added)
                && idAfter(added).map(id -> id.equals(focusedItemId(fx))).orElse(false));
        user.keys("k");
        user.waitUntil("the cursor on the original", () -> added.equals(focusedItemId(fx)));
        user.keys("K");
        user.waitUntil("moved up on the server", () -> idAfter(added).equals(Optional.of(item.id())));

        // Delete, asked first: Esc keeps it, Enter deletes it
        user.press(KeyCode.DELETE);
        user.assertVisible("#itemEditor");
        user.press(KeyCode.ESCAPE);
        assertEquals(2, countTitled("Tell support"));
        user.press(KeyCode.DELETE).press(KeyCode.ENTER);
        user.waitUntil("deleted on the server", () -> countTitled("Tell support") == 1
                && findItem(added).isEmpty());

        // ] and [: between stages, the current stage marked
        int stageBefore = stageOf(fx, focusedItemId(fx));
        user.keys("]");
        user.waitUntil("in the next stage", () -> stageOf(fx, focusedItemId(fx)) == stageBefore + 1);
        user.keys("[");
        user.waitUntil("back", () -> stageOf(fx, focusedItemId(fx)) == stageBefore);
        assertTrue(user.isVisible(".stage-current-badge"));

    }

    @Test
    void workQueuedOfflineIsShownInPlainWordsAndAppliedOnceWhenTheNetworkIsBack(FxRobot fx) {
        ConsoleRobot user = openTargetRun(fx);
        ChecklistItem item = focusedItem();
        console.link().cut();

        user.keys("d").keys("in 2h").press(KeyCode.ENTER);
        user.waitUntil("offline, in words", () -> fx.lookup("#item-error").tryQueryAs(Label.class)
                .map(l -> l.getText().contains("Offline \u2014 will send when the server answers")
                        && !l.getText().contains("/plugins")).orElse(false));
        user.keys("n").keys("Call the vendor").press(KeyCode.ENTER);
        user.waitUntil("the added item shows, pending", () -> fx.lookup(".checklist-item.pending").queryAll().size() >= 2);
        assertEquals(0, countTitled("Call the vendor"));

        console.link().restore();
        user.waitUntil("applied when the network is back", () -> countTitled("Call the vendor") == 1
                && serverItem(item.id()).dueDate() > 0
                && fx.lookup(".checklist-item.pending").queryAll().isEmpty());
        assertEquals(1, countTitled("Call the vendor"), "added exactly once");
        assertEquals(Optional.of("Call the vendor"), titleAfter(item.id()));
    }

    private static String labelOn(FxRobot fx, String itemId, String query) {
        return fx.lookup(".checklist-item").queryAll().stream()
                .filter(n -> itemId.equals(n.getProperties().get("itemId"))).findFirst()
                .flatMap(n -> fx.from(n).lookup(query).tryQueryAs(Label.class)).map(Label::getText).orElse("");
    }

    /** The item under the keyboard cursor (the row marked {@code :cursor}). */
    private static String focusedItemId(FxRobot fx) {
        return fx.lookup(".checklist-item").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("cursor")))
                .map(n -> String.valueOf(n.getProperties().get("itemId"))).findFirst().orElse("");
    }

    private static int stageOf(FxRobot fx, String itemId) {
        return fx.lookup(".stage").queryAll().stream()
                .filter(s -> fx.from(s).lookup(".checklist-item").queryAll().stream()
                        .anyMatch(n -> itemId.equals(n.getProperties().get("itemId"))))
                .map(s -> (Integer) s.getProperties().get("stageIndex")).findFirst().orElse(-1);
    }

    private long ranEvents() {
        return serverRun().timelineEvents().stream()
                .filter(e -> TimelineEvent.RAN_SLASH_COMMAND.equals(e.eventType()) && e.deleteAt() == 0).count();
    }

    private long countTitled(String title) {
        return serverRun().checklists().stream().flatMap(c -> c.items().stream())
                .filter(i -> i.title().equals(title)).count();
    }

    private Optional<String> idAfter(String itemId) {
        for (Checklist c : serverRun().checklists()) {
            List<ChecklistItem> items = c.items();
            for (int i = 0; i + 1 < items.size(); i++) {
                if (items.get(i).id().equals(itemId)) {
                    return Optional.of(items.get(i + 1).id());
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> titleAfter(String itemId) {
        return idAfter(itemId).flatMap(this::findItem).map(ChecklistItem::title);
    }

    private Optional<ChecklistItem> findItem(String itemId) {
        return serverRun().checklists().stream().flatMap(c -> c.items().stream())
                .filter(i -> i.id().equals(itemId)).findFirst();
    }

    private ConsoleRobot openTargetRun(FxRobot fx) {
        ConsoleRobot user = console.openRun(fx, target);
        user.waitUntil("the focused item shows", () -> focusedItem().id().equals(focusedItemId(fx)));
        return user;
    }

    private ChecklistItem focusedItem() {
        return SandboxConsole.focusedItem(target);
    }

    private User someParticipant() {
        String me = console.control().defaultUser().id();
        return target.participantIds().stream().filter(id -> !id.equals(me)).findFirst()
                .flatMap(id -> console.control().users().stream().filter(u -> u.id().equals(id)).findFirst())
                .orElseGet(() -> console.control().users().stream().filter(u -> !u.id().equals(me) && !u.isBot())
                        .findFirst().orElseThrow());
    }

    private PlaybookRun serverRun() {
        return console.serverRun(target.id());
    }

    private ChecklistItem serverItem(String itemId) {
        return findItem(itemId).orElseThrow();
    }
}
