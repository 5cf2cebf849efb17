package com.incidentconsole.checklist;

import com.incidentconsole.entry.BadEntry;
import com.incidentconsole.entry.DueText;
import com.incidentconsole.sync.ActionStatus;
import com.incidentconsole.sync.AddChecklist;
import com.incidentconsole.sync.AddItem;
import com.incidentconsole.sync.ChecklistChange;
import com.incidentconsole.sync.DeleteItem;
import com.incidentconsole.sync.DuplicateItem;
import com.incidentconsole.sync.EditItem;
import com.incidentconsole.sync.MoveItem;
import com.incidentconsole.sync.RunItemCommand;
import com.incidentconsole.sync.SetItemAssignee;
import com.incidentconsole.sync.SetItemDueDate;
import com.incidentconsole.sync.ActionStatusText;
import com.incidentconsole.sync.ActionTarget;
import com.incidentconsole.sync.PendingAction;
import com.incidentconsole.sync.PendingActions;
import com.incidentconsole.sync.RunCommands;
import com.incidentconsole.text.DisplayText;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import java.time.Clock;
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
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
    /** Whether checklist work can be done now: a run is open and it is not finished (or being finished by me). */
    private final ReadOnlyBooleanWrapper writable = new ReadOnlyBooleanWrapper();
    /** A short word about the last key that could not act ("no slash command"); {@code ""} when none. */
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private PlaybookRun run;
    /** The addition whose placeholder has the cursor: where the cursor goes once the server has it. */
    private record Following(String placeholderId, List<String> knownIds, String title, String waitingOn) {
        Following(String placeholderId, List<String> knownIds, String title) {
            this(placeholderId, knownIds, title, placeholderId);
        }

        /** The placeholder left before the run with the new item came: wait on the row the cursor fell back to. */
        Following waitingOn(String rowId) {
            return new Following(placeholderId, knownIds, title, rowId);
        }
    }

    private Following following;
    /** The server's checklists with my unconfirmed checklist work applied: what the rows show. */
    private ChecklistPreview preview;
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
        preview = ChecklistPreview.of(fresh, pending.all());
        List<String> freshShape = shapeOf(fresh.id(), preview.checklists());
        if (!freshShape.equals(shape)) {
            String keepFocus = sameRun && focused.get() != null ? focused.get().itemId() : null;
            int keepAt = sameRun ? flat.indexOf(focused.get()) : -1;
            rebuild(fresh.id(), preview.checklists());
            shape = freshShape;
            focused.set(refocus(keepFocus, keepAt, fresh));
        }
        refreshAll();
    }

    /**
     * Where the cursor goes once the rows changed shape: it stays on its row. An added item confirmed by the server
     * replaces its placeholder: the cursor follows it to the new item (an id the run did not hold, with its title).
     * The confirmation and the run holding the new item come as two events, in either order: when the placeholder
     * goes first, the cursor waits on the row it fell back to until the new item arrives (unless the user moves it
     * meanwhile).
     */
    private ItemRow refocus(String keepFocus, int keepAt, PlaybookRun fresh) {
        boolean waiting = following != null && following.waitingOn().equals(keepFocus);
        Optional<ItemRow> became = waiting
                ? flat.stream().filter(i -> !following.knownIds().contains(i.itemId()) && !isPlaceholder(i))
                        .filter(i -> shownItem(i).map(it -> it.title().equals(following.title())).orElse(false))
                        .findFirst()
                : Optional.empty();
        boolean onFallback = waiting && !following.placeholderId().equals(keepFocus);
        Optional<ItemRow> stays = onFallback && became.isPresent() ? Optional.empty() : rowOf(keepFocus);
        ItemRow next = stays.or(() -> became).orElseGet(() -> keepAt >= 0 && !flat.isEmpty()
                ? flat.get(Math.min(keepAt, flat.size() - 1)) : firstItemOfCurrentStage(fresh));
        if (waiting && became.isEmpty() && next != null && !next.itemId().equals(keepFocus)) {
            following = following.waitingOn(next.itemId());
        } else if (became.isPresent() && next == became.get()) {
            following = null; // arrived: nothing more to follow
        }
        return next;
    }

    private Optional<ItemRow> rowOf(String itemId) {
        return flat.stream().filter(i -> i.itemId().equals(itemId)).findFirst();
    }

    /** Focuses the item shown under this id (an added item's placeholder included). */
    public void focusItem(String itemId) {
        rowOf(itemId).ifPresent(focused::set);
    }

    /** Pending entries changed: repaint the items they name. */
    public void pendingChanged(Collection<ActionTarget> targets) {
        if (run == null) {
            return;
        }
        if (targets.contains(ActionTarget.status(run.id()))) {
            showReadOnly();
        }
        if (targets.stream().anyMatch(t -> t.runId().equals(run.id()) && !t.subject().startsWith("item:")
                && !ActionTarget.OWNER.equals(t.subject()) && !ActionTarget.STATUS.equals(t.subject()))) {
            show(run); // checklist work may add, move or hide rows: recompute what is shown
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
        withFocused(item -> send(item, ChecklistItem.CLOSED.equals(intended(item)) ? ChecklistItem.OPEN : ChecklistItem.CLOSED));
    }

    /** Skipped ↔ open. */
    public void toggleSkipped() {
        withFocused(item -> send(item, ChecklistItem.SKIPPED.equals(intended(item)) ? ChecklistItem.OPEN : ChecklistItem.SKIPPED));
    }

    /** Refused, in conflict with an "apply mine", or in doubt: send mine again. */
    public void retryFocused() {
        withFocused(item -> held(item).ifPresent(target -> {
            if (ActionStatus.of(pending.get(target), "").canRetry()) {
                commands.retry(target);
                show(run);
            }
        }));
    }

    public void dismissFocused() {
        withFocused(item -> {
            pending.dismiss(held(item).orElse(item.target()));
            show(run);
        });
    }

    /** The row's action that waits for the user (failed, in conflict, in doubt): the one retry and dismiss mean. */
    private Optional<ActionTarget> held(ItemRow item) {
        return targetsOf(item).stream().filter(t -> {
            ActionStatus.Phase phase = ActionStatus.of(pending.get(t), "").phase();
            return phase == ActionStatus.Phase.FAILED || phase == ActionStatus.Phase.CONFLICT
                    || phase == ActionStatus.Phase.UNCERTAIN;
        }).findFirst();
    }

    private List<ActionTarget> targetsOf(ItemRow item) {
        List<ActionTarget> targets = new ArrayList<>();
        targets.add(item.target());
        if (preview != null) {
            preview.itemTargets().getOrDefault(item.itemId(), List.of()).stream()
                    .filter(t -> !targets.contains(t)).forEach(targets::add);
        }
        return targets;
    }

    /** Whether the open run is finished (or about to be, by me): then nothing in it can be ticked. */
    public boolean isReadOnly() {
        return run != null && PlaybookRun.STATUS_FINISHED.equals(pending.get(ActionTarget.status(run.id()))
                .filter(p -> !p.failed()).map(PendingAction::desiredValue).orElse(run.currentStatus()));
    }

    private void showReadOnly() {
        readOnlyNotice.set(isReadOnly() ? bundle.getString("checklist.readOnly") : "");
        writable.set(run != null && !isReadOnly());
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
        return run == null ? Optional.empty() : run.checklists().stream().flatMap(c -> c.items().stream())
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
        if (isPlaceholder(item)) {
            notice.set(bundle.getString("checklist.notYetAdded"));
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
        if (current.isPresent() && current.get() < stages.size() && !stages.get(current.get()).items().isEmpty()) {
            // Land on the work that is left, not on a task someone already ticked.
            List<ItemRow> rows = stages.get(current.get()).items();
            return fresh.checklists().get(current.get()).items().stream()
                    .filter(i -> i.isOpen() && !i.isHidden()).findFirst()
                    .flatMap(open -> rows.stream().filter(r -> r.itemId().equals(open.id())).findFirst())
                    .orElse(rows.get(0));
        }
        return flat.isEmpty() ? null : flat.get(0);
    }

    private void rebuild(String runId, List<Checklist> shown) {
        flat.clear();
        List<StageRow> rows = new ArrayList<>();
        for (int s = 0; s < shown.size(); s++) {
            Checklist checklist = shown.get(s);
            List<ItemRow> items = new ArrayList<>();
            for (ChecklistItem item : checklist.items()) {
                if (!item.isHidden()) {
                    items.add(new ItemRow(runId, item.id(), s));
                }
            }
            flat.addAll(items);
            rows.add(new StageRow(s, checklist.id(), DisplayText.line(checklist.title(), STAGE_TITLE), items));
        }
        stages.setAll(rows);
    }

    private void refreshAll() {
        List<Checklist> shown = preview.checklists();
        int current = currentStage(shown);
        for (StageRow stage : stages) {
            Checklist checklist = shown.get(stage.index());
            long done = checklist.items().stream().filter(i -> !i.isHidden() && !i.isOpen()).count();
            long total = checklist.items().stream().filter(i -> !i.isHidden()).count();
            List<ActionTarget> mine = preview.checklistTargets().getOrDefault(checklist.id(), List.of());
            boolean stagePending = mine.stream().anyMatch(t -> ActionStatus.of(pending.get(t), "").inFlight());
            String stageError = mine.stream().map(t -> lineFor(t, ActionStatus.of(pending.get(t), "")))
                    .filter(line -> !line.isEmpty()).findFirst().orElse("");
            stage.show(stage.index() == current, done + "/" + total,
                    DisplayText.line(checklist.title(), STAGE_TITLE), stagePending,
                    DisplayText.paragraph(stageError, ERROR_LINES, ERROR).text(),
                    preview.deleting().contains(checklist.id()));
            stage.items().forEach(this::refresh);
        }
    }

    /** The first checklist with work left, as the server computes the current stage, over what is shown. */
    private static int currentStage(List<Checklist> shown) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).openCount() > 0) {
                return i;
            }
        }
        return -1;
    }

    private Optional<ChecklistItem> shownItem(ItemRow row) {
        if (preview == null || row.stageIndex() >= preview.checklists().size()) {
            return Optional.empty();
        }
        return preview.checklists().get(row.stageIndex()).items().stream()
                .filter(i -> i.id().equals(row.itemId())).findFirst();
    }

    private void refresh(ItemRow row) {
        ChecklistItem item = shownItem(row).orElse(null);
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
        // Every action of mine on this row: pending while one is on its way, failed while one is; the line
        // under it tells the one that needs the user first (failed, conflict, doubt), else why one waits.
        boolean inFlight = status.inFlight();
        boolean failed = status.phase() == ActionStatus.Phase.FAILED;
        boolean conflict = status.held();
        String error = lineFor(row.target(), status);
        boolean errorNeedsUser = failed || conflict;
        List<ActionTarget> targets = targetsOf(row);
        for (ActionTarget other : targets.subList(1, targets.size())) {
            ActionStatus s = ActionStatus.of(pending.get(other), "");
            boolean needsUser = s.phase() == ActionStatus.Phase.FAILED || s.held();
            inFlight |= s.inFlight();
            failed |= s.phase() == ActionStatus.Phase.FAILED;
            conflict |= s.held();
            String line = lineFor(other, s);
            if (!line.isEmpty() && (error.isEmpty() || needsUser && !errorNeedsUser)) {
                String what = pending.get(other).map(p -> p.description()).orElse("");
                error = what.isEmpty() ? line : what + " \u2014 " + line;
                errorNeedsUser = needsUser;
            }
        }
        boolean deleting = preview.deleting().contains(row.itemId());
        String command = DisplayText.line(item.command(), COMMAND);
        if (!command.isEmpty() && item.commandLastRun() > 0) {
            command = command + "   " + String.format(bundle.getString("item.ranAt"),
                    DUE.format(Instant.ofEpochMilli(item.commandLastRun()).atZone(zone)));
        }
        // Server text is bounded before a label sees it; the error can carry the server's message too.
        row.show(new ItemRow.ItemView(DisplayText.foldRightToLeft(DisplayText.line(item.title(), ITEM_TITLE)), state,
                inFlight, failed, DisplayText.paragraph(error, ERROR_LINES, ERROR).text(),
                DisplayText.line(assignee, PERSON), due, overdue, command, conflict && !failed, deleting));
    }

    /**
     * The line under an item in words a user can act on: a request that could not reach the server says
     * so and that it will be sent, never the request's method and path (issue #14 item 9).
     */
    private String lineFor(ActionTarget target, ActionStatus status) {
        String reason = status.reason();
        if (status.phase() == ActionStatus.Phase.WAITING && OfflineWords.isUnreachable(reason)) {
            return bundle.getString("item.offline");
        }
        if (status.phase() == ActionStatus.Phase.FAILED && OfflineWords.isUnreachable(reason)) {
            return bundle.getString("item.unreachable");
        }
        ActionStatus plain = new ActionStatus(status.phase(), status.shownValue(), OfflineWords.withoutPaths(reason),
                status.conflict(), status.saved());
        return words.line(target, plain);
    }

    private static List<String> shapeOf(String runId, List<Checklist> shown) {
        List<String> ids = new ArrayList<>();
        ids.add(runId);
        for (Checklist checklist : shown) {
            ids.add("#" + checklist.id());
            checklist.items().stream().filter(i -> !i.isHidden()).map(ChecklistItem::id)
                    .map(Objects::toString).forEach(ids::add);
        }
        return ids;
    }

    // --- checklist work (issue #14 items 2 and 6): each an action through the outbox, shown at once ---

    /** The zone dates are shown and typed in. */
    public ZoneId zone() {
        return zone;
    }

    public ReadOnlyBooleanProperty writableProperty() {
        return writable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The focused item as the user sees it (my pending edits applied). */
    public Optional<ChecklistItem> focusedItem() {
        ItemRow row = focused.get();
        return row == null ? Optional.empty() : shownItem(row);
    }

    /** The focused item's stage as shown, with its id. */
    public Optional<Checklist> focusedStage() {
        ItemRow row = focused.get();
        return row == null || preview == null ? Optional.empty() : Optional.of(preview.checklists().get(row.stageIndex()));
    }

    /** The open run's participants: the assignee picker lists them first. */
    public List<String> participantIds() {
        return run == null ? List.of() : run.participantIds();
    }

    public void assignFocused(String userId) {
        onRealItem((row, item) -> submit(new SetItemAssignee(run.id(), item.id(), item.title(), userId,
                userId.isEmpty() ? "" : userNames.apply(userId))));
    }

    /**
     * Sets the focused item's due date from what the user typed ("in 30m", "14:00", "tomorrow 9:00", an
     * ISO date-time, or nothing to clear it).
     *
     * @return {@code ""} when queued, else why the text is not a time (nothing is sent then)
     */
    public String setDueFocused(String typed) {
        long at;
        try {
            at = DueText.parse(typed, Clock.fixed(clock.get(), zone)).map(Instant::toEpochMilli).orElse(0L);
        } catch (BadEntry bad) {
            return bad.getMessage();
        }
        onRealItem((row, item) -> submit(new SetItemDueDate(run.id(), item.id(), item.title(), at)));
        return "";
    }

    /** Runs the focused item's slash command; an item without one says so instead. */
    public void runCommandFocused() {
        onRealItem((row, item) -> {
            if (item.command().isBlank()) {
                notice.set(bundle.getString("checklist.noCommand"));
                return;
            }
            submit(RunItemCommand.of(run.id(), item.id(), item.title(), item.command()));
        });
    }

    /** @return {@code ""} when queued, else why not (a blank title: the server refuses it too) */
    public String addBelowFocused(String title) {
        if (title == null || title.isBlank()) {
            return bundle.getString("checklist.blankTitle");
        }
        if (!canWrite()) {
            return readOnlyNotice.get();
        }
        ItemRow row = focused.get();
        Optional<Checklist> stage = focusedStage().or(() -> preview == null || preview.checklists().isEmpty()
                ? Optional.empty() : Optional.of(preview.checklists().get(0)));
        if (stage.isEmpty() || stage.get().id().startsWith(ChecklistPreview.PLACEHOLDER)) {
            return bundle.getString("checklist.notYetAdded");
        }
        String after = row == null || isPlaceholder(row) ? "" : row.itemId();
        AddItem add = AddItem.below(run, stage.get().id(), after, title);
        follow(ChecklistPreview.PLACEHOLDER + add.target().subject(), add.knownIds(), add.title());
        submit(add);
        focusItem(ChecklistPreview.PLACEHOLDER + add.target().subject());
        return "";
    }

    /** @return {@code ""} when queued, else why not */
    public String editFocused(String title, String description, String command) {
        if (title == null || title.isBlank()) {
            return bundle.getString("checklist.blankTitle");
        }
        onRealItem((row, item) -> {
            if (!(item.title().equals(title) && item.description().equals(description) && item.command().equals(command))) {
                submit(new EditItem(run.id(), item.id(), item.title(), title, description.strip(), command.strip()));
            }
        });
        return "";
    }

    public void deleteFocused() {
        onRealItem((row, item) -> {
            int at = flat.indexOf(row);
            submit(new DeleteItem(run.id(), item.id(), item.title()));
            // The cursor moves on to the next item, as after a tick there is more work below.
            if (at + 1 < flat.size()) {
                focused.set(flat.get(at + 1));
            }
        });
    }

    public void duplicateFocused() {
        onRealItem((row, item) -> {
            DuplicateItem copy = DuplicateItem.of(run, item.id(), item.title());
            follow(ChecklistPreview.PLACEHOLDER + copy.target().subject(), copy.knownIds(), item.title());
            submit(copy);
            focusItem(ChecklistPreview.PLACEHOLDER + copy.target().subject());
        });
    }

    /** Moves the focused item one place up ({@code -1}) or down within its stage; the cursor stays on it. */
    public void moveFocused(int step) {
        onRealItem((row, item) -> {
            Checklist stage = preview.checklists().get(row.stageIndex());
            int at = stage.items().indexOf(item);
            int to = at + step;
            if (to < 0 || to >= stage.items().size()) {
                return;
            }
            submit(new MoveItem(run.id(), item.id(), item.title(), stage.id(), to));
            focusItem(item.id());
        });
    }

    /** @return {@code ""} when queued, else why not */
    public String addChecklist(String title) {
        if (title == null || title.isBlank()) {
            return bundle.getString("checklist.blankTitle");
        }
        if (!canWrite()) {
            return readOnlyNotice.get();
        }
        submit(AddChecklist.of(run, title));
        return "";
    }

    /** @return {@code ""} when queued, else why not */
    public String renameFocusedStage(String title) {
        if (title == null || title.isEmpty()) {
            return bundle.getString("checklist.blankTitle");
        }
        onRealStage(stage -> {
            if (!stage.title().equals(title)) {
                submit(ChecklistChange.rename(run.id(), stage.id(), stage.title(), title));
            }
        });
        return "";
    }

    public void deleteFocusedStage() {
        onRealStage(stage -> submit(ChecklistChange.delete(run.id(), stage.id(), stage.title())));
    }

    public void moveFocusedStage(int step) {
        onRealStage(stage -> {
            int at = preview.checklists().indexOf(stage);
            int to = at + step;
            if (to >= 0 && to < preview.checklists().size()) {
                String keep = focused.get() == null ? null : focused.get().itemId();
                submit(ChecklistChange.move(run.id(), stage.id(), stage.title(), to));
                if (keep != null) {
                    focusItem(keep);
                }
            }
        });
    }

    /** Skips every item of the focused stage, or restores them when all are skipped. */
    public void toggleFocusedStageSkipped() {
        onRealStage(stage -> {
            boolean allSkipped = !stage.items().isEmpty() && stage.items().stream().allMatch(ChecklistItem::isSkipped);
            submit(ChecklistChange.skip(run.id(), stage.id(), stage.title(), !allSkipped));
        });
    }

    private void follow(String placeholderId, List<String> knownIds, String title) {
        following = new Following(placeholderId, knownIds, title);
    }

    private boolean canWrite() {
        if (run == null) {
            return false;
        }
        if (isReadOnly()) {
            showReadOnly();
            return false;
        }
        return true;
    }

    private static boolean isPlaceholder(ItemRow row) {
        return row.itemId().startsWith(ChecklistPreview.PLACEHOLDER);
    }

    private void onRealItem(java.util.function.BiConsumer<ItemRow, ChecklistItem> action) {
        ItemRow row = focused.get();
        if (row == null || !canWrite()) {
            return;
        }
        if (isPlaceholder(row)) {
            notice.set(bundle.getString("checklist.notYetAdded"));
            return;
        }
        shownItem(row).ifPresent(item -> action.accept(row, item));
    }

    private void onRealStage(Consumer<Checklist> action) {
        if (!canWrite()) {
            return;
        }
        focusedStage().ifPresent(stage -> {
            if (stage.id().startsWith(ChecklistPreview.PLACEHOLDER)) {
                notice.set(bundle.getString("checklist.notYetAdded"));
            } else {
                action.accept(stage);
            }
        });
    }

    /** The command records its pending entry before returning: show it in this same keystroke. */
    private void submit(com.incidentconsole.sync.Action action) {
        notice.set("");
        commands.submit(action);
        show(run);
    }
}
