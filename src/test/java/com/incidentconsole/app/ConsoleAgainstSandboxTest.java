package com.incidentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.fault.FaultRule;
import com.incidentconsole.uitest.ConsoleRobot;
import com.incidentconsole.uitest.SandboxConsole;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.User;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The whole console — UI, sync, client — against the embedded sandbox server, driven by the
 * keyboard: what a commander does, and what they and the server then see.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleAgainstSandboxTest {

    private final SandboxConsole console = SandboxConsole.start(SandboxOptions.defaults().withPort(0).withRuns(6, 4));
    private final PlaybookRun target = console.myOngoingRun(r -> r.participantIds().size() > 1
            && r.checklists().get(r.currentStageIndex().get()).items().size() > 1);

    @Start
    void start(Stage stage) {
        console.show(stage);
    }

    @AfterEach
    void tearDown() {
        console.close();
    }

    @Test
    void tickingWithTheKeyboardReachesTheServerAndShowsOnScreen(FxRobot fx) {
        ConsoleRobot user = openTargetRun(fx);
        ChecklistItem item = focusedItem();

        user.keys("x");

        user.waitUntil("the server has the item closed", () -> serverItem(item.id()).isDone());
        user.waitUntil("the item shows done and no longer pending", () -> user.itemClasses(item.id()).contains("done")
                && !user.itemClasses(item.id()).contains("pending"));
    }

    @Test
    void aChangeBySomeoneElseShowsWithoutAnyUserAction(FxRobot fx) {
        ConsoleRobot user = openTargetRun(fx);
        Checklist stage = target.checklists().get(target.currentStageIndex().orElseThrow());
        ChecklistItem other = stage.items().get(stage.items().size() - 1);
        // (the last item of the stage; not the focused one, as the target run's stage has more than one item)
        String otherState = other.isSkipped() ? ChecklistItem.OPEN : ChecklistItem.SKIPPED;
        User colleague = console.control().users().stream()
                .filter(u -> target.participantIds().contains(u.id()))
                .filter(u -> !u.id().equals(console.control().defaultUser().id()))
                .findFirst().orElseThrow();

        MattermostConnection second = MattermostConnection.open(new ServerAddress(console.sandbox().baseUrl()),
                new Credentials.AccessToken(console.control().tokenFor(colleague.username())), console.mapper());
        second.checklists().setItemState(target.id(), target.currentStageIndex().orElseThrow(),
                stage.items().size() - 1, otherState);

        String expectedClass = otherState.equals(ChecklistItem.SKIPPED) ? "skipped" : "done";
        user.waitUntil("the colleague's change shows", () -> otherState.equals(ChecklistItem.SKIPPED)
                ? user.itemClasses(other.id()).contains(expectedClass)
                : !user.itemClasses(other.id()).contains("skipped"));
    }

    @Test
    void aServerErrorOnTickShowsOnTheItemWhileTheConsoleRetries(FxRobot fx) {
        ConsoleRobot user = openTargetRun(fx);
        ChecklistItem item = focusedItem();
        console.control().inject(FaultRule.failNext(5, "PUT", ".*/item/\\d+/state", 500,
                "{\"error\":\"An internal error has occurred. Check app server logs for details.\"}"));

        user.keys("x");

        user.waitUntil("the item shows the server's error", () -> fx.lookup("#item-error").tryQuery()
                .map(n -> ((Label) n).getText()).filter(t -> t.contains("An internal error has occurred")).isPresent());
        Label error = fx.lookup("#item-error").queryAs(Label.class);
        assertTrue(error.getText().contains("500"), error.getText());
        assertTrue(user.itemClasses(item.id()).contains("pending"), "kept, not reverted: it is retried");
        assertEquals(item.state(), serverItem(item.id()).state(), "nothing changed on the server yet");
    }

    /** Filter the list by the run's name, open it with Enter, as a user would. */
    private ConsoleRobot openTargetRun(FxRobot fx) {
        ConsoleRobot user = console.openRun(fx, target);
        user.waitUntil("the focused item shows", () -> fx.lookup(".checklist-item").queryAll().stream()
                .map(Node::getProperties).anyMatch(p -> focusedItem().id().equals(p.get("itemId"))));
        return user;
    }

    /** The item the console focuses when a run opens: the first open one of the current stage. */
    private ChecklistItem focusedItem() {
        return SandboxConsole.focusedItem(target);
    }

    private ChecklistItem serverItem(String itemId) {
        return console.control().run(target.id()).orElseThrow().checklists().stream()
                .flatMap(c -> c.items().stream()).filter(i -> i.id().equals(itemId)).findFirst().orElseThrow();
    }
}
