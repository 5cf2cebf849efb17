package com.incidentconsole.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sync.ActionTarget;
import com.incidentconsole.sync.DuplicateItem;
import com.incidentconsole.sync.FakeRunCommands.Call;
import com.incidentconsole.sync.FinishRun;
import com.incidentconsole.sync.PendingAction;
import com.incidentconsole.uitest.TestWorkspace;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;
import com.incidentconsole.wire.ChecklistItem;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checklist work without a stage (issue #14 items 2, 6, 9): each key's action, shown at once, in plain words. */
class ChecklistWorkViewModelTest {

    private static final String DB = TestWorkspace.DB_OUTAGE;

    private final TestWorkspace workspace = TestWorkspace.seeded();
    private ChecklistViewModel model;

    @BeforeEach
    void showTheDatabaseOutage() {
        model = new ChecklistViewModel(workspace.commands(), Runnable::run, workspace.pending(),
                ResourceBundle.getBundle("i18n.messages"), workspace.users()::displayName, () -> TestWorkspace.NOW,
                ZoneOffset.UTC);
        model.show(workspace.runs().get(DB).orElseThrow());
        workspace.pending().subscribe(target -> model.pendingChanged(List.of(target)));
    }

    private ItemRow focus(String itemId) {
        model.focusItem(itemId);
        return model.focusedProperty().get();
    }

    private List<String> shownIds(int stage) {
        return model.stages().get(stage).items().stream().map(ItemRow::itemId).toList();
    }

    private Call lastCall() {
        List<Call> calls = workspace.fakeCommands().calls();
        return calls.get(calls.size() - 1);
    }

    @Test
    void anAssignmentShowsTheNameAtOncePendingAndTheParticipantsAreOfferedFirst() {
        ItemRow item = focus("i-channel");
        model.assignFocused("u-alice");

        assertEquals(new Call("item_assignee", DB, "assignee:i-channel", "u-alice"), lastCall());
        assertEquals(workspace.users().displayName("u-alice"), item.assigneeProperty().get());
        assertTrue(item.pendingProperty().get());
        assertEquals(List.of("u-alice", "u-bob"), model.participantIds());
    }

    @Test
    void aDueDateIsTypedRelativeAndStoredAbsoluteAndBadTextSendsNothing() {
        ItemRow item = focus("i-channel");
        assertTrue(model.setDueFocused("in 30m").isEmpty());
        long expected = TestWorkspace.NOW.plus(Duration.ofMinutes(30)).toEpochMilli();
        assertEquals(new Call("item_due_date", DB, "due:i-channel", Long.toString(expected)), lastCall());
        assertTrue(item.dueProperty().get().startsWith("due "), item.dueProperty().get());

        int before = workspace.fakeCommands().calls().size();
        String problem = model.setDueFocused("soonish");
        assertTrue(problem.contains("in 30m"), "the message shows the forms: " + problem);
        assertEquals(before, workspace.fakeCommands().calls().size());
    }

    @Test
    void anOverdueOpenItemIsMarkedAndADoneOneIsNot() {
        ItemRow item = focus("i-channel");
        model.setDueFocused("2020-01-01T10:00");
        assertTrue(item.overdueProperty().get());
        assertTrue(item.dueProperty().get().startsWith("overdue"), item.dueProperty().get());
        model.toggleDone();
        assertFalse(item.overdueProperty().get());
    }

    @Test
    void anAddedItemShowsRightBelowTheCursorPendingAndTakesTheCursor() {
        focus("i-channel");
        assertEquals("", model.addBelowFocused("  Tell support  "));

        Call add = lastCall();
        assertEquals("item_add", add.method());
        List<String> ids = shownIds(model.focusedProperty().get().stageIndex());
        int at = ids.indexOf("i-channel");
        assertTrue(ids.get(at + 1).startsWith(ChecklistPreview.PLACEHOLDER), ids.toString());
        assertEquals("Tell support", model.focusedProperty().get().titleProperty().get());
        assertTrue(model.focusedProperty().get().pendingProperty().get());
        model.toggleDone();
        assertTrue(model.noticeProperty().get().startsWith("Not on the server yet"), "no tick on a placeholder");
        assertEquals("A title is needed (the server refuses a blank one)", model.addBelowFocused(" "));
    }

    @Test
    void anEditShowsAllThreeFieldsAtOnce() {
        ItemRow item = focus("i-channel");
        model.editFocused("Open the bridge", "Zoom, not Meet", "/zoom start");
        assertEquals("Open the bridge", item.titleProperty().get());
        assertEquals("/zoom start", item.commandProperty().get());
        assertTrue(item.pendingProperty().get());
    }

    @Test
    void aMoveDownSwapsTheRowsAndKeepsTheCursorOnTheMovedItem() {
        focus("i-channel");
        int stage = model.focusedProperty().get().stageIndex();
        List<String> before = shownIds(stage);
        model.moveFocused(1);
        List<String> after = shownIds(stage);
        int at = before.indexOf("i-channel");
        assertEquals(before.get(at + 1), after.get(at));
        assertEquals("i-channel", after.get(at + 1));
        assertEquals("i-channel", model.focusedProperty().get().itemId());
    }

    @Test
    void aDeleteIsMarkedUntilConfirmedAndTheCursorMovesOn() {
        focus("i-channel");
        model.deleteFocused();
        ItemRow deleted = model.stages().stream().flatMap(s -> s.items().stream())
                .filter(r -> r.itemId().equals("i-channel")).findFirst().orElseThrow();
        assertTrue(deleted.deletingProperty().get());
        assertTrue(deleted.pendingProperty().get());
        assertFalse(model.focusedProperty().get().itemId().equals("i-channel"));
    }

    @Test
    void runningAnItemWithoutACommandSaysSoAndOneWithACommandIsSent() {
        focus("i-channel");
        int before = workspace.fakeCommands().calls().size();
        model.runCommandFocused();
        assertEquals(before, workspace.fakeCommands().calls().size());
        assertTrue(model.noticeProperty().get().contains("no slash command"));

        focus("i-failover");
        model.runCommandFocused();
        assertEquals("item_run_command", lastCall().method());
        assertTrue(model.focusedProperty().get().pendingProperty().get());
    }

    @Test
    void offlineReadsAsWhatTheUserCanDoNeverAsARequestPath() {
        ItemRow item = focus("i-channel");
        model.assignFocused("u-bob");
        workspace.fakeCommands().waiting(new ActionTarget(DB, "assignee:i-channel"),
                "Waiting for the server: PUT /plugins/playbooks/api/v0/runs/run-db/checklists/0/item/1/assignee: "
                        + "connection refused");

        String line = item.errorProperty().get();
        assertTrue(line.contains("Offline \u2014 will send when the server answers"), line);
        assertFalse(line.contains("/plugins"), line);
        assertTrue(item.pendingProperty().get(), "still on its way, not failed");
        assertFalse(item.failedProperty().get());
    }

    @Test
    void aRefusedAssignmentStaysWithTheServersWordsAndIsRetriedOrDismissed() {
        ItemRow item = focus("i-channel");
        model.assignFocused("u-bob");
        ActionTarget target = new ActionTarget(DB, "assignee:i-channel");
        workspace.fakeCommands().fail(target, "Server refused (403): not a participant");

        assertTrue(item.failedProperty().get());
        assertTrue(item.errorProperty().get().contains("not a participant"), item.errorProperty().get());
        model.retryFocused();
        assertEquals(new Call("retry", DB, "assignee:i-channel", "u-bob"), lastCall());
        workspace.fakeCommands().fail(target, "Server refused (403): not a participant");
        model.dismissFocused();
        assertEquals("", item.assigneeProperty().get(), "back to the server's: nobody");
        assertFalse(item.failedProperty().get());
    }

    @Test
    void stagesAreAddedRenamedAndSkippedAtOnce() {
        focus("i-channel");
        int stages = model.stages().size();
        model.addChecklist("Aftercare");
        assertEquals(stages + 1, model.stages().size());
        assertEquals("Aftercare", model.stages().get(stages).title());

        int stage = model.focusedProperty().get().stageIndex();
        model.renameFocusedStage("Triage (EU)");
        assertEquals("Triage (EU)", model.stages().get(stage).title());
        model.toggleFocusedStageSkipped();
        assertTrue(model.stages().get(stage).items().stream()
                .allMatch(r -> ChecklistItem.SKIPPED.equals(r.state())), "every item shows skipped at once");
    }

    @Test
    void aFinishedRunAcceptsNoChecklistWork() {
        workspace.commands().submit(new FinishRun(DB, "Database outage eu-west"));
        model.pendingChanged(List.of(ActionTarget.status(DB)));
        assertFalse(model.writableProperty().get());
        focus("i-channel");
        int before = workspace.fakeCommands().calls().size();
        model.assignFocused("u-bob");
        model.deleteFocused();
        assertEquals(before, workspace.fakeCommands().calls().size());
    }

    /**
     * The server's answer and the run holding the copy are two events, in either order. When the confirmation
     * comes first the placeholder goes before the copy is there; the cursor must still land on the copy.
     */
    @Test
    void theCursorFollowsADuplicateWhenTheConfirmationComesBeforeTheRun() {
        focus("i-channel");
        model.duplicateFocused();
        ActionTarget copy = workspace.pending().all().stream().map(PendingAction::target)
                .filter(t -> t.subject().startsWith(DuplicateItem.SUBJECT)).findFirst().orElseThrow();

        workspace.fakeCommands().answeredBeforeTheRun(copy); // the placeholder leaves
        model.show(withCopyOf(workspace.runs().get(DB).orElseThrow(), "i-channel", "i-copy"));

        assertEquals("i-copy", model.focusedProperty().get().itemId());
    }

    /** The run as the server holds it after a duplicate: the copy, with a new id, right below the original. */
    private static PlaybookRun withCopyOf(PlaybookRun run, String itemId, String copyId) {
        JsonMapper mapper = WireJson.newMapper();
        ObjectNode tree = mapper.valueToTree(run);
        for (JsonNode checklist : tree.withArray("checklists")) {
            ArrayNode items = (ArrayNode) checklist.withArray("items");
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).path("id").asText().equals(itemId)) {
                    items.insert(i + 1, ((ObjectNode) items.get(i).deepCopy()).put("id", copyId));
                    tree.put("update_at", run.updateAt() + 1);
                    return mapper.convertValue(tree, PlaybookRun.class);
                }
            }
        }
        throw new IllegalArgumentException("no item " + itemId);
    }
}
