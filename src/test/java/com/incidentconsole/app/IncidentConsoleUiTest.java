package com.incidentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.runs.RunRow;
import com.incidentconsole.shell.OutboxViewModel;
import com.incidentconsole.sync.ActionTarget;
import com.incidentconsole.sync.FakeRunCommands.Call;
import com.incidentconsole.uitest.ConsoleRobot;
import com.incidentconsole.uitest.TestRuns;
import com.incidentconsole.uitest.TestWorkspace;
import com.incidentconsole.wire.ChecklistItem;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The console driven by the keyboard, as a commander would at 4 AM, against an in-memory workspace. */
@ExtendWith(ApplicationExtension.class)
class IncidentConsoleUiTest {

    private static final String DB = TestWorkspace.DB_OUTAGE;

    private TestWorkspace workspace;
    private WorkspaceUi ui;

    @Start
    void start(Stage stage) {
        workspace = TestWorkspace.seeded();
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        ui = new WorkspaceUi(ResourceBundle.getBundle(IncidentConsoleApp.BUNDLE), FxBatcher.onFxThread(),
                () -> TestWorkspace.NOW, ZoneOffset.UTC);
        Scene scene = new Scene(ui.build(workspace), 1280, 800);
        scene.getStylesheets().add(IncidentConsoleApp.class.getResource(IncidentConsoleApp.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeUi() {
        ui.close();
    }

    @Test
    void runsListShowsNamesTitlesProgressAndStage(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        TableView<RunRow> table = user.runsTable();
        user.waitUntil("three runs show", () -> table.getItems().size() == 3);

        RunRow first = table.getItems().get(0);
        assertEquals("Database outage eu-west", first.nameProperty().get(), "in progress and newest comes first");
        assertEquals("Alice Archer", first.ownerProperty().get());
        assertEquals("Incident Resolution", first.playbookProperty().get());
        assertEquals("1/6", first.progressProperty().get().text());
        assertEquals("Triage", first.stageProperty().get());
        assertEquals("12 min ago", first.lastUpdateProperty().get().text());
        assertEquals("In progress", first.statusProperty().get());
        assertEquals("Login latency spike", table.getItems().get(1).nameProperty().get());
        assertEquals("never", table.getItems().get(1).lastUpdateProperty().get().text());
        assertEquals("Finished", table.getItems().get(2).statusProperty().get());
        assertTrue(user.isVisible("#sandboxBadge"));
        assertEquals("Live", fx.lookup("#connectionLabel").queryAs(Label.class).getText());
    }

    @Test
    void aRunStartedElsewhereAppearsWithoutAnyUserAction(FxRobot fx) throws InterruptedException {
        ConsoleRobot user = new ConsoleRobot(fx);
        Thread eventThread = new Thread(() -> workspace.runs().upsert(TestRuns.run(
                new TestRuns.RunSpec("run-new", "Checkout 500s").owner("u-dave").playbook("pb-ir")
                        .createdAt(TestWorkspace.NOW.toEpochMilli()))), "event-stream");
        eventThread.start();
        eventThread.join();

        user.waitUntil("the new run shows on top", () -> user.runsTable().getItems().size() == 4
                && "Checkout 500s".equals(user.runsTable().getItems().get(0).nameProperty().get()));
        assertEquals("Dave Dunn", user.runsTable().getItems().get(0).ownerProperty().get());
        assertEquals("New run: Checkout 500s (owner Dave Dunn)", fx.lookup("#newRunNotice").queryAs(Label.class).getText());
        assertEquals(TestWorkspace.DB_OUTAGE, user.runsTable().getSelectionModel().getSelectedItem().id(),
                "the selection stays on the run the user was looking at");
    }

    @Test
    void theSelectionFollowsTheRunWhenItChangesAndMoves(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        user.keys("j");
        assertEquals(TestWorkspace.LOGIN_LATENCY, user.runsTable().getSelectionModel().getSelectedItem().id());

        var login = workspace.runs().get(TestWorkspace.LOGIN_LATENCY).orElseThrow();
        workspace.runs().upsert(TestRuns.withItemState(login, "l-1", ChecklistItem.CLOSED, login.updateAt() + 1));
        workspace.runs().remove(TestWorkspace.DB_OUTAGE);

        user.waitUntil("the login run moved to the top, done", () -> user.runsTable().getItems().size() == 2
                && "1/1".equals(user.runsTable().getItems().get(0).progressProperty().get().text()));
        assertEquals(TestWorkspace.LOGIN_LATENCY, user.runsTable().getSelectionModel().getSelectedItem().id());
    }

    @Test
    void typingInTheFilterNarrowsTheListAndEscClearsIt(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        user.keys("/").keys("latency");
        user.waitUntil("only the login run shows", () -> user.runsTable().getItems().size() == 1);
        assertEquals("Login latency spike", user.runsTable().getItems().get(0).nameProperty().get());

        user.press(KeyCode.ESCAPE);
        user.waitUntil("all runs show again", () -> user.runsTable().getItems().size() == 3);
        assertEquals(user.runsTable(), user.focusOwner(), "Esc hands the keyboard back to the table");
    }

    @Test
    void tickingShowsDoneAndPendingAtOnceAndConfirmationClearsTheMarker(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        user.press(KeyCode.ENTER);
        user.assertVisible("#runDetail");

        user.keys("j").keys("x");

        assertEquals(List.of(new Call("setItemState", DB, "i-scope", ChecklistItem.CLOSED)),
                workspace.fakeCommands().calls());
        assertTrue(user.itemClasses("i-scope").containsAll(List.of("done", "pending")), "done and pending at once");

        workspace.fakeCommands().confirm(ActionTarget.item(DB, "i-scope"));
        user.waitUntil("the pending marker goes", () -> !user.itemClasses("i-scope").contains("pending"));
        assertTrue(user.itemClasses("i-scope").contains("done"));
    }

    @Test
    void aFailedTickStaysOnTheItemWithTheServersMessageAndShiftRRetries(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        user.press(KeyCode.ENTER).keys("x");
        ActionTarget target = ActionTarget.item(DB, "i-channel");

        workspace.fakeCommands().fail(target, "You are not a participant of this run");
        user.waitUntil("the item shows the failure", () -> user.itemClasses("i-channel").contains("failed"));
        Label error = fx.from(user.item("i-channel")).lookup(".item-error").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("You are not a participant of this run"), error.getText());
        assertTrue(error.getText().contains("Shift+R"), "the message says how to retry");
        assertTrue(user.itemClasses("i-channel").contains("done"), "never a silent revert");

        user.press(KeyCode.SHIFT, KeyCode.R);
        user.waitUntil("the retry is sent", () -> workspace.fakeCommands().calls().size() == 2);
        assertEquals(new Call("retry", DB, "item:i-channel", ChecklistItem.CLOSED), workspace.fakeCommands().calls().get(1));
        user.waitUntil("the item is pending again", () -> user.itemClasses("i-channel").contains("pending")
                && !user.itemClasses("i-channel").contains("failed"));
    }

    @Test
    void theOutboxListsWaitingAndFailedActionsAndRetriesFromTheKeyboard(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        user.press(KeyCode.ENTER).keys("x");
        ActionTarget target = ActionTarget.item(DB, "i-channel");
        workspace.fakeCommands().fail(target, "Server refused (403): Not authorized");
        user.waitUntil("the item shows the failure", () -> user.itemClasses("i-channel").contains("failed"));

        user.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O);

        user.assertVisible("#outbox");
        @SuppressWarnings("unchecked")
        ListView<OutboxViewModel.Entry> list = fx.lookup("#outboxList").queryAs(ListView.class);
        user.waitUntil("the failed tick is listed", () -> list.getItems().size() == 1);
        OutboxViewModel.Entry entry = list.getItems().get(0);
        assertTrue(entry.failed());
        assertEquals("Database outage eu-west", entry.run(), "the run is named, not its id");
        assertEquals("Server refused (403): Not authorized", entry.detail());

        user.press(KeyCode.SHIFT, KeyCode.R);
        user.waitUntil("the retry is sent", () -> workspace.fakeCommands().calls().size() == 2);
        assertEquals(new Call("retry", DB, "item:i-channel", ChecklistItem.CLOSED),
                workspace.fakeCommands().calls().get(1));

        user.press(KeyCode.ESCAPE);
        user.waitUntil("the outbox closes", () -> !user.isVisible("#outbox"));
    }

    @Test
    void bracketsJumpStagesEscReturnsToTheSameRunAndQuestionMarkShowsKeys(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        user.keys("j").press(KeyCode.ENTER);
        user.assertVisible("#runDetail");
        assertEquals("Login latency spike", fx.lookup("#runName").queryAs(Label.class).getText());
        user.press(KeyCode.ESCAPE).keys("k").press(KeyCode.ENTER);
        assertEquals("Database outage eu-west", fx.lookup("#runName").queryAs(Label.class).getText());

        user.keys("]");
        user.waitUntil("the next stage's first item has focus", () -> user.focusOwner() == user.item("i-failover"));
        user.keys("]");
        user.waitUntil("then the stage after", () -> user.focusOwner() == user.item("i-retro"));
        user.keys("[");
        user.waitUntil("and back", () -> user.focusOwner() == user.item("i-failover"));

        user.press(KeyCode.ESCAPE);
        user.assertVisible("#runsTable");
        assertFalse(user.isVisible("#runDetail"));
        assertEquals(DB, user.runsTable().getSelectionModel().getSelectedItem().id(), "same run still selected");

        var db = workspace.runs().get(DB).orElseThrow();
        workspace.runs().upsert(TestRuns.run(new TestRuns.RunSpec(DB, db.name()).owner("u-alice").playbook("pb-ir")
                .createdAt(db.createAt()).checklists(TestRuns.checklist("cl-x", "Reshaped",
                        TestRuns.item("i-new", "A new item", ChecklistItem.OPEN)))));
        user.waitUntil("the list shows the reshaped run", () -> "Reshaped".equals(
                user.runsTable().getItems().get(0).stageProperty().get()));
        assertEquals(user.runsTable(), user.focusOwner(), "a live update behind the list keeps the keyboard on the table");

        user.keys("?");
        user.assertVisible("#keysHelp");
        for (Node keyCap : fx.lookup(".key-cap").queryAll()) {
            Label label = (Label) keyCap;
            assertTrue(label.getWidth() >= label.prefWidth(-1) - 0.5,
                    "the keys read whole, not cut short: " + label.getText());
        }
        user.press(KeyCode.ESCAPE);
        user.waitUntil("the keys overlay closes", () -> !user.isVisible("#keysHelp"));
    }

    @Test
    void changingTheOwnerByKeyboardSendsTheCommandAndShowsTheNewOwnerPending(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        user.press(KeyCode.ENTER).keys("o");
        user.assertVisible("#userPicker");
        user.keys("carol");
        user.press(KeyCode.ENTER);

        user.waitUntil("the command is sent", () -> !workspace.fakeCommands().calls().isEmpty());
        assertEquals(new Call("changeOwner", DB, "owner", "u-carol"), workspace.fakeCommands().calls().get(0));
        assertFalse(user.isVisible("#userPicker"));
        assertEquals("Carol Chen", fx.lookup("#ownerLabel").queryAs(Label.class).getText());
        assertTrue(user.isVisible("#ownerPending"), "the new owner is marked pending");

        workspace.fakeCommands().confirm(ActionTarget.owner(DB));
        user.waitUntil("the pending marker goes", () -> !user.isVisible("#ownerPending"));
        assertEquals("Carol Chen", fx.lookup("#ownerLabel").queryAs(Label.class).getText());
    }

    @Test
    void aRefusedOwnerChangeShowsTheServersMessageAndShiftRRetries(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        user.press(KeyCode.ENTER).keys("o").keys("dave").press(KeyCode.ENTER);
        workspace.fakeCommands().fail(ActionTarget.owner(DB), "Dave is not a member of the run channel");

        user.waitUntil("the refusal shows", () -> user.isVisible("#ownerError"));
        String error = fx.lookup("#ownerError").queryAs(Label.class).getText();
        assertTrue(error.contains("Dave is not a member of the run channel") && error.contains("Shift+R"), error);
        assertTrue(fx.lookup("#actionsLabel").queryAs(Label.class).getText().contains("1 failed"));

        user.press(KeyCode.SHIFT, KeyCode.R);
        user.waitUntil("the retry is sent", () -> workspace.fakeCommands().calls().size() == 2);
        assertEquals(new Call("retry", DB, "owner", "u-dave"), workspace.fakeCommands().calls().get(1));
        user.waitUntil("pending again", () -> user.isVisible("#ownerPending") && !user.isVisible("#ownerError"));
    }

    @Test
    void spaceTicksTheFocusedItemLikeACheckBox(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        user.press(KeyCode.ENTER).press(KeyCode.SPACE);
        assertEquals(List.of(new Call("setItemState", DB, "i-channel", ChecklistItem.CLOSED)),
                workspace.fakeCommands().calls());
    }
}
