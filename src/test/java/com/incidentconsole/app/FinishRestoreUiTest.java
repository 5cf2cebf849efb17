package com.incidentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.uitest.ConsoleRobot;
import com.incidentconsole.uitest.SandboxConsole;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue #13 §2: a commander finishes and restores a run from the keyboard, each asked for in the
 * confirm bar, through the outbox to the sandbox — also with the network down, where the finish waits,
 * visibly pending, and is applied once when the network is back. A finished run's checklist refuses
 * ticks with words and offers restore.
 */
@Tag("slow") // 40-90 s on a loaded 2-core box: the wait for the queue's own retry after the network is back is real
@ExtendWith(ApplicationExtension.class)
class FinishRestoreUiTest {

    private final SandboxConsole console = SandboxConsole.start(SandboxOptions.defaults().withPort(0).withRuns(6, 2));
    private final PlaybookRun target = console.myOngoingRun(r -> true);

    @Start
    void start(Stage stage) {
        console.show(stage);
    }

    @AfterEach
    void tearDown() {
        console.close();
    }

    @Test
    void finishAndRestoreFromTheKeyboardOnlineAndOffline(FxRobot fx) {
        ConsoleRobot user = openTargetRun(fx);
        ChecklistItem item = focusedItem();

        user.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F);
        user.waitUntil("the confirm bar asks", () -> user.isVisible("#confirmBar"));
        assertFalse(serverRun().isFinished(), "nothing sent before confirming");
        user.press(KeyCode.ENTER);
        user.waitUntil("finished on the server", () -> serverRun().isFinished());
        user.waitUntil("shown finished, confirmed", () -> "Finished".equals(text(fx, "#runStatus"))
                && user.isVisible("#readOnlyNotice") && !user.isVisible("#confirmBar"));

        user.keys("x");
        assertFalse(user.itemClasses(item.id()).contains("pending"), "a tick on a finished run is refused here");
        assertEquals(item.state(), serverItem(item.id()).state());

        user.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.U);
        user.waitUntil("the confirm bar asks to restore", () -> user.isVisible("#confirmBar"));
        user.press(KeyCode.ESCAPE);
        user.waitUntil("cancelled", () -> !user.isVisible("#confirmBar") && user.isVisible("#runDetail"));
        user.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.U).press(KeyCode.ENTER);
        user.waitUntil("in progress on the server", () -> !serverRun().isFinished());
        user.waitUntil("writable again", () -> !user.isVisible("#readOnlyNotice"));

        long finishesBefore = finishEvents();
        console.link().cut();
        user.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).press(KeyCode.ENTER);
        user.waitUntil("finished on screen, pending, with the network down",
                () -> text(fx, "#runStatus").startsWith("Finished ·"));
        assertFalse(serverRun().isFinished());

        console.link().restore();
        user.waitUntil("applied when the network is back", () -> serverRun().isFinished()
                && "Finished".equals(text(fx, "#runStatus")));
        assertEquals(finishesBefore + 1, finishEvents(), "applied once");
    }

    private static String text(FxRobot fx, String query) {
        return fx.lookup(query).queryAs(Label.class).getText();
    }

    private long finishEvents() {
        return serverRun().timelineEvents().stream()
                .filter(e -> TimelineEvent.RUN_FINISHED.equals(e.eventType()) && e.deleteAt() == 0).count();
    }

    private ConsoleRobot openTargetRun(FxRobot fx) {
        ConsoleRobot user = console.openRun(fx, target);
        user.waitUntil("the focused item shows", () -> fx.lookup(".checklist-item").queryAll().stream()
                .map(Node::getProperties).anyMatch(p -> focusedItem().id().equals(p.get("itemId"))));
        return user;
    }

    private ChecklistItem focusedItem() {
        return SandboxConsole.focusedItem(target);
    }

    private PlaybookRun serverRun() {
        return console.serverRun(target.id());
    }

    private ChecklistItem serverItem(String itemId) {
        return serverRun().checklists().stream().flatMap(c -> c.items().stream())
                .filter(i -> i.id().equals(itemId)).findFirst().orElseThrow();
    }
}
