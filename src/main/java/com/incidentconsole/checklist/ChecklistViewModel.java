package com.incidentconsole.checklist;

import com.incidentconsole.sync.ActionStatus;
import com.incidentconsole.sync.ActionStatusText;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
    private final PendingActions pending;
    private final ResourceBundle bundle;
    private final Function<String, String> userNames;
    private final Supplier<Instant> clock;
    private final ZoneId zone;
    private final ObservableList<StageRow> stages = FXCollections.observableArrayList();
    // One wrapper, kept: the source list holds a wrapper only weakly, so listeners on a fresh one would vanish.
    private final ObservableList<StageRow> stagesView = FXCollections.unmodifiableObservableList(stages);
    private final ReadOnlyObjectWrapper<ItemRow> focused = new ReadOnlyObjectWrapper<>();
    /** Why the checklists cannot be changed right now (a finished run); {@code ""} when they can. */
    private final ReadOnlyStringWrapper readOnlyNotice = new ReadOnlyStringWrapper("");
    private final ActionStatusText words;
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
        this.words = new ActionStatusText(bundle::getString, userNames);
    }

    public ObservableList<StageRow> stages() {
        return stagesView;
    }

    public ReadOnlyObjectProperty<ItemRow> focusedProperty() {
        return focused.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty readOnlyNoticeProperty() {
        return readOnlyNotice.getReadOnlyProperty();
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
        showReadOnly();
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
        if (targets.contains(ActionTarget.status(run.id()))) {
            showReadOnly();
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
        withFocused(item -> send(item, ChecklistItem.CLOSED.equals(intended(item)) ? ChecklistItem.OPEN : ChecklistItem.CLOSED));
    }

    /** Skipped ↔ open. */
    public void toggleSkipped() {
        withFocused(item -> send(item, ChecklistItem.SKIPPED.equals(intended(item)) ? ChecklistItem.OPEN : ChecklistItem.SKIPPED));
    }

    /** Refused, in conflict with an "apply mine", or in doubt: send mine again. */
    public void retryFocused() {
        withFocused(item -> {
            if (statusOf(item).canRetry()) {
                commands.retry(item.target());
                refresh(item);
            }
        });
    }

    public void dismissFocused() {
        withFocused(item -> {
            pending.dismiss(item.target());
            refresh(item);
        });
    }

    /** Whether the open run is finished (or about to be, by me): then nothing in it can be ticked. */
    public boolean isReadOnly() {
        return run != null && PlaybookRun.STATUS_FINISHED.equals(pending.get(ActionTarget.status(run.id()))
                .filter(p -> !p.failed()).map(PendingAction::desiredValue).orElse(run.currentStatus()));
    }

    private void showReadOnly() {
        readOnlyNotice.set(isReadOnly() ? bundle.getString("checklist.readOnly") : "");
    }

    /**
     * The state a toggle starts from: what the user wants the item to be. An action that failed never
     * happened, so that is the server's state — redoing a tick that could not be saved ticks again,
     * it does not send its opposite.
     */
    private String intended(ItemRow item) {
        ActionStatus status = statusOf(item);
        return status.phase() == ActionStatus.Phase.FAILED ? serverState(item).orElse(item.state()) : item.state();
    }

    private ActionStatus statusOf(ItemRow item) {
        return ActionStatus.of(pending.get(item.target()), serverState(item).orElse(""));
    }

    private Optional<String> serverState(ItemRow row) {
        return run == null ? Optional.empty() : run.checklists().get(row.stageIndex()).items().stream()
                .filter(i -> i.id().equals(row.itemId())).findFirst().map(ChecklistItem::state);
    }

    /**
     * Never throws and never loses the outcome: a failure leaves a failed pending entry (the
     * {@link RunCommands} contract), which this row then shows. A finished run is refused here, with words.
     */
    private void send(ItemRow item, String newState) {
        if (isReadOnly()) {
            showReadOnly();
            return;
        }
        commands.setItemState(run.id(), item.itemId(), newState);
        // The command records its pending entry before returning: show it in this same keystroke.
        refresh(item);
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
        ActionStatus status = ActionStatus.of(pending.get(row.target()), item.state());
        String state = status.shownValue();
        boolean open = !ChecklistItem.CLOSED.equals(state) && !ChecklistItem.SKIPPED.equals(state);
        long dueAt = item.dueDate();
        boolean overdue = open && dueAt > 0 && Instant.ofEpochMilli(dueAt).isBefore(clock.get());
        String due = dueAt <= 0 ? "" : String.format(bundle.getString(overdue ? "item.overdue" : "item.due"),
                DUE.format(Instant.ofEpochMilli(dueAt).atZone(zone)));
        String assignee = item.assigneeId().isEmpty() ? "" : userNames.apply(item.assigneeId());
        // Server text is bounded before a label sees it; the error can carry the server's message too.
        row.show(new ItemRow.ItemView(DisplayText.foldRightToLeft(DisplayText.line(item.title(), ITEM_TITLE)), state,
                status.inFlight(), status.phase() == ActionStatus.Phase.FAILED,
                DisplayText.paragraph(words.line(row.target(), status), ERROR_LINES, ERROR).text(),
                DisplayText.line(assignee, PERSON), due, overdue, DisplayText.line(item.command(), COMMAND),
                status.held()));
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
