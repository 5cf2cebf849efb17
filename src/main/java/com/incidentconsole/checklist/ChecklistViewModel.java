package com.incidentconsole.checklist;

import com.incidentconsole.sync.ActionConflict;
import com.incidentconsole.sync.ActionTarget;
import com.incidentconsole.sync.PendingAction;
import com.incidentconsole.sync.PendingActions;
import com.incidentconsole.sync.RunCommands;
import com.incidentconsole.text.DisplayText;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The stage checklists of the open run and the keyboard cursor over their items. Ticking is
 * optimistic: the item shows the wanted state at once, marked pending, until the server confirms;
 * a refusal stays on the item with the server's words until the user retries or dismisses it; a
 * conflict (the server changed the item meanwhile) is marked on the item with the server's version.
 * FX thread only.
 */
public final class ChecklistViewModel {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("MMM d HH:mm");
    private static final int STAGE_TITLE = 120;
    private static final int ITEM_TITLE = 300;
    private static final int COMMAND = 300;
    private static final int PERSON = 80;
    private static final int ERROR_LINES = 4;
    private static final int ERROR = 400;

    private final RunCommands commands;
    private final Executor fxThread;
    private final Map<ActionTarget, Unsent> unrecorded = new HashMap<>();
    private final PendingActions pending;
    private final ResourceBundle bundle;
    private final Function<String, String> userNames;
    private final Supplier<Instant> clock;
    private final ZoneId zone;
    private final ObservableList<StageRow> stages = FXCollections.observableArrayList();
    // One wrapper, kept: the source list holds a wrapper only weakly, so listeners on a fresh one would vanish.
    private final ObservableList<StageRow> stagesView = FXCollections.unmodifiableObservableList(stages);
    private final ReadOnlyObjectWrapper<ItemRow> focused = new ReadOnlyObjectWrapper<>();
    private final List<ItemRow> flat = new ArrayList<>();
    private PlaybookRun run;
    private List<String> shape = List.of();

    /** @param fxThread where command outcomes are handled; the FX thread in the app, direct in tests */
    public ChecklistViewModel(RunCommands commands, Executor fxThread, PendingActions pending,
                              ResourceBundle bundle, Function<String, String> userNames, Supplier<Instant> clock,
                              ZoneId zone) {
        this.commands = commands;
        this.fxThread = fxThread;
        this.pending = pending;
        this.bundle = bundle;
        this.userNames = userNames;
        this.clock = clock;
        this.zone = zone;
    }

    public ObservableList<StageRow> stages() {
        return stagesView;
    }

    public ReadOnlyObjectProperty<ItemRow> focusedProperty() {
        return focused.getReadOnlyProperty();
    }

    /**
     * Shows the run as the server last sent it. Rows are kept (and updated in place) while the run's
     * stages and items stay the same, so focus and scroll do not jump under the user's cursor.
     */
    public void show(PlaybookRun fresh) {
        boolean sameRun = run != null && fresh != null && run.id().equals(fresh.id());
        run = fresh;
        if (fresh == null) {
            shape = List.of();
            flat.clear();
            stages.clear();
            focused.set(null);
            return;
        }
        List<String> freshShape = shapeOf(fresh);
        if (!freshShape.equals(shape)) {
            String keepFocus = sameRun && focused.get() != null ? focused.get().itemId() : null;
            rebuild(fresh);
            shape = freshShape;
            focused.set(flat.stream().filter(i -> i.itemId().equals(keepFocus)).findFirst()
                    .orElse(firstItemOfCurrentStage(fresh)));
        }
        refreshAll();
    }

    /** Pending entries changed: repaint the items they name. */
    public void pendingChanged(Collection<ActionTarget> targets) {
        if (run == null) {
            return;
        }
        flat.stream().filter(item -> targets.contains(item.target())).forEach(this::refresh);
    }

    public void focus(ItemRow item) {
        if (flat.contains(item)) {
            focused.set(item);
        }
    }

    public void focusNext() {
        moveFocus(1);
    }

    public void focusPrevious() {
        moveFocus(-1);
    }

    public void focusNextStage() {
        jumpStage(1);
    }

    public void focusPreviousStage() {
        jumpStage(-1);
    }

    /** Done ↔ open; an in-progress item becomes done. */
    public void toggleDone() {
        withFocused(item -> send(item, ChecklistItem.CLOSED.equals(item.state()) ? ChecklistItem.OPEN : ChecklistItem.CLOSED));
    }

    /** Skipped ↔ open. */
    public void toggleSkipped() {
        withFocused(item -> send(item, ChecklistItem.SKIPPED.equals(item.state()) ? ChecklistItem.OPEN : ChecklistItem.SKIPPED));
    }

    public void retryFocused() {
        withFocused(item -> {
            Unsent unsent = unrecorded.get(item.target());
            if (unsent != null) {
                send(item, unsent.desired());
            } else if (item.failedProperty().get() || conflictOn(item).map(ActionConflict::canApplyMine).orElse(false)) {
                // On a conflict this is "apply mine anyway", against the server's version the row names.
                commands.retry(item.target());
                refresh(item);
            }
        });
    }

    public void dismissFocused() {
        withFocused(item -> {
            unrecorded.remove(item.target());
            pending.dismiss(item.target());
            refresh(item);
        });
    }

    private void send(ItemRow item, String newState) {
        ActionTarget target = item.target();
        unrecorded.remove(target);
        try {
            commands.setItemState(run.id(), item.itemId(), newState)
                    .whenComplete((ok, error) -> {
                        if (error != null) {
                            fxThread.execute(() -> surfaceUnrecorded(target, newState, error));
                        }
                    });
        } catch (RuntimeException refused) {
            surfaceUnrecorded(target, newState, refused);
        }
        // The command records its pending entry before returning: show it in this same keystroke.
        refresh(item);
    }

    /**
     * A command that failed without leaving a failed pending entry (refused before it was recorded)
     * would otherwise vanish; show it on the item like any other failure.
     */
    private void surfaceUnrecorded(ActionTarget target, String desired, Throwable error) {
        if (pending.get(target).isPresent()) {
            return;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
        unrecorded.put(target, new Unsent(desired, cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
        flat.stream().filter(i -> i.target().equals(target)).forEach(this::refresh);
    }

    private void withFocused(Consumer<ItemRow> action) {
        ItemRow item = focused.get();
        if (item != null && run != null) {
            action.accept(item);
        }
    }

    private void moveFocus(int step) {
        if (flat.isEmpty()) {
            return;
        }
        int at = flat.indexOf(focused.get());
        int next = at < 0 ? 0 : Math.max(0, Math.min(flat.size() - 1, at + step));
        focused.set(flat.get(next));
    }

    private void jumpStage(int step) {
        ItemRow item = focused.get();
        int from = item == null ? -1 : item.stageIndex();
        for (int s = from + step; s >= 0 && s < stages.size(); s += step) {
            if (!stages.get(s).items().isEmpty()) {
                focused.set(stages.get(s).items().get(0));
                return;
            }
        }
    }

    private ItemRow firstItemOfCurrentStage(PlaybookRun fresh) {
        Optional<Integer> current = fresh.currentStageIndex();
        if (current.isPresent() && !stages.get(current.get()).items().isEmpty()) {
            // Land on the work that is left, not on a task someone already ticked.
            List<ItemRow> rows = stages.get(current.get()).items();
            return fresh.checklists().get(current.get()).items().stream()
                    .filter(i -> i.isOpen() && !i.isHidden()).findFirst()
                    .flatMap(open -> rows.stream().filter(r -> r.itemId().equals(open.id())).findFirst())
                    .orElse(rows.get(0));
        }
        return flat.isEmpty() ? null : flat.get(0);
    }

    private void rebuild(PlaybookRun fresh) {
        flat.clear();
        List<StageRow> rows = new ArrayList<>();
        for (int s = 0; s < fresh.checklists().size(); s++) {
            Checklist checklist = fresh.checklists().get(s);
            List<ItemRow> items = new ArrayList<>();
            for (ChecklistItem item : checklist.items()) {
                if (!item.isHidden()) {
                    items.add(new ItemRow(fresh.id(), item.id(), s));
                }
            }
            flat.addAll(items);
            rows.add(new StageRow(s, DisplayText.line(checklist.title(), STAGE_TITLE), items));
        }
        stages.setAll(rows);
    }

    private void refreshAll() {
        int current = run.currentStageIndex().orElse(-1);
        for (StageRow stage : stages) {
            Checklist checklist = run.checklists().get(stage.index());
            long done = checklist.items().stream().filter(i -> !i.isHidden() && !i.isOpen()).count();
            long total = checklist.items().stream().filter(i -> !i.isHidden()).count();
            stage.show(stage.index() == current, done + "/" + total);
            stage.items().forEach(this::refresh);
        }
    }

    private void refresh(ItemRow row) {
        ChecklistItem item = run.checklists().get(row.stageIndex()).items().stream()
                .filter(i -> i.id().equals(row.itemId())).findFirst().orElse(null);
        if (item == null) {
            return;
        }
        Optional<PendingAction> action = pending.get(row.target());
        Unsent unsent = action.isPresent() ? null : unrecorded.get(row.target());
        String state = action.map(PendingAction::desiredValue)
                .orElse(unsent != null ? unsent.desired() : item.state());
        Optional<ActionConflict> conflict = action.filter(PendingAction::conflicted).flatMap(PendingAction::conflict);
        boolean failed = conflict.isEmpty() && action.map(PendingAction::failed).orElse(unsent != null);
        String error;
        if (conflict.isPresent()) {
            error = String.format(bundle.getString(conflict.get().canApplyMine() ? "item.conflict" : "item.conflict.final"),
                    serverNow(conflict.get()));
        } else if (failed) {
            error = String.format(bundle.getString("item.failed"),
                    action.map(PendingAction::error).orElseGet(() -> unsent.message()));
        } else {
            // Still pending, but the server said something on the way (a 5xx, offline): say it, don't hide it.
            error = action.map(PendingAction::error).filter(e -> !e.isEmpty())
                    .map(e -> String.format(bundle.getString("item.retrying"), e)).orElse("");
        }
        boolean open = !ChecklistItem.CLOSED.equals(state) && !ChecklistItem.SKIPPED.equals(state);
        long dueAt = item.dueDate();
        boolean overdue = open && dueAt > 0 && Instant.ofEpochMilli(dueAt).isBefore(clock.get());
        String due = dueAt <= 0 ? "" : String.format(bundle.getString(overdue ? "item.overdue" : "item.due"),
                DUE.format(Instant.ofEpochMilli(dueAt).atZone(zone)));
        String assignee = item.assigneeId().isEmpty() ? "" : userNames.apply(item.assigneeId());
        // Server text is bounded before a label sees it; the error can carry the server's message too.
        row.show(new ItemRow.ItemView(DisplayText.foldRightToLeft(DisplayText.line(item.title(), ITEM_TITLE)), state,
                action.isPresent() && !failed && conflict.isEmpty(), failed,
                DisplayText.paragraph(error, ERROR_LINES, ERROR).text(), DisplayText.line(assignee, PERSON), due, overdue,
                DisplayText.line(item.command(), COMMAND), conflict.isPresent()));
    }

    private Optional<ActionConflict> conflictOn(ItemRow row) {
        return pending.get(row.target()).filter(PendingAction::conflicted).flatMap(PendingAction::conflict);
    }

    /** What the server shows instead of the user's change, with who did it when the timeline says so. */
    private String serverNow(ActionConflict conflict) {
        String what = switch (conflict.kind()) {
            case CHANGED -> bundle.getString("item.state." + (conflict.serverValue().isEmpty() ? "open" : conflict.serverValue()));
            case RUN_FINISHED -> bundle.getString("outbox.conflict.finished");
            case RUN_RESTORED -> bundle.getString("outbox.conflict.restored");
            case ITEM_GONE -> bundle.getString("outbox.conflict.gone");
        };
        return conflict.byUserId().isEmpty() ? what
                : what + " " + String.format(bundle.getString("outbox.conflict.by"), userNames.apply(conflict.byUserId()));
    }

    /** A change the command layer refused before recording it: what the user wanted, and why it failed. */
    private record Unsent(String desired, String message) {
    }

    private static List<String> shapeOf(PlaybookRun run) {
        List<String> ids = new ArrayList<>();
        ids.add(run.id());
        for (Checklist checklist : run.checklists()) {
            ids.add("#" + checklist.title());
            checklist.items().stream().filter(i -> !i.isHidden()).map(ChecklistItem::id)
                    .map(Objects::toString).forEach(ids::add);
        }
        return ids;
    }
}
