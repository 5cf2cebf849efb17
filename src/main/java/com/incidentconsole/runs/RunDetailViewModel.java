package com.incidentconsole.runs;

import com.incidentconsole.checklist.ChecklistViewModel;
import com.incidentconsole.sync.ActionTarget;
import com.incidentconsole.sync.PendingAction;
import com.incidentconsole.sync.PendingActions;
import com.incidentconsole.sync.RunCommands;
import com.incidentconsole.sync.RunStore;
import com.incidentconsole.sync.RunsChange;
import com.incidentconsole.text.DisplayText;
import com.incidentconsole.timeline.TimelineViewModel;
import com.incidentconsole.wire.PlaybookRun;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The run the user opened: its header (name, status, playbook, owner, summary, participants) and the
 * owner change, plus the checklists and timeline it feeds. FX thread only.
 */
public final class RunDetailViewModel {

    private final RunStore store;
    private final PendingActions pending;
    private final RunCommands commands;
    private final RunFormat format;
    private final ChecklistViewModel checklist;
    private final TimelineViewModel timeline;
    private final Supplier<Instant> clock;
    private final ReadOnlyStringWrapper runId = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper playbook = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper owner = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<OwnerState> ownerState = new ReadOnlyObjectWrapper<>(OwnerState.SETTLED);
    private final ReadOnlyStringWrapper ownerError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fullName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fullSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper summaryClipped = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summaryMore = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper participants = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper started = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nextUpdate = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper updateOverdue = new ReadOnlyBooleanWrapper();

    public RunDetailViewModel(RunStore store, PendingActions pending, RunCommands commands, RunFormat format,
                              ChecklistViewModel checklist, TimelineViewModel timeline, Supplier<Instant> clock) {
        this.store = store;
        this.pending = pending;
        this.commands = commands;
        this.format = format;
        this.checklist = checklist;
        this.timeline = timeline;
        this.clock = clock;
    }

    public String text(String key) {
        return format.text(key);
    }

    public ChecklistViewModel checklist() {
        return checklist;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    public void open(String id) {
        runId.set(id);
        refresh();
    }

    /** Store changes, batched: repaint only when one of them touches the open run. */
    public void runsChanged(List<RunsChange> changes) {
        String id = runId.get();
        if (id != null && changes.stream().anyMatch(c -> c.reset() || c.removed().contains(id)
                || c.upserted().stream().anyMatch(r -> r.id().equals(id)))) {
            refresh();
        }
    }

    public void pendingChanged(Collection<ActionTarget> targets) {
        String id = runId.get();
        if (id == null) {
            return;
        }
        if (targets.contains(ActionTarget.owner(id))) {
            store.get(id).ifPresent(this::showOwner);
        }
        checklist.pendingChanged(targets);
    }

    /** Names arrived after the run did. */
    public void refresh() {
        Optional<PlaybookRun> run = Optional.ofNullable(runId.get()).flatMap(store::get);
        if (run.isEmpty()) {
            name.set(runId.get() == null ? "" : format.text("run.gone"));
            fullName.set(name.get());
            checklist.show(null);
            timeline.show(null);
            return;
        }
        PlaybookRun r = run.get();
        name.set(format.headerName(r.name()));
        fullName.set(format.fullName(r.name()));
        status.set(format.status(r));
        finished.set(r.isFinished());
        playbook.set(format.playbookTitle(r.playbookId()));
        showSummary(r.summary());
        participants.set(format.participants(r.participantIds()));
        started.set(format.dateTime(r.createAt()));
        stage.set(format.stage(r));
        RunFormat.NextUpdate next = format.nextUpdate(r, clock.get());
        nextUpdate.set(next.text());
        updateOverdue.set(next.overdue());
        showOwner(r);
        checklist.show(r);
        timeline.show(r);
    }

    /** A pasted log must not push the checklists off the screen (probe H2): a few lines, the rest on request. */
    private void showSummary(String markdown) {
        if (markdown.isBlank()) {
            summary.set(format.text("run.noSummary"));
            fullSummary.set("");
            summaryClipped.set(false);
            summaryMore.set("");
            return;
        }
        DisplayText.Clip shortClip = format.summary(markdown);
        summary.set(shortClip.text());
        summaryClipped.set(shortClip.clipped());
        if (shortClip.clipped()) {
            DisplayText.Clip full = format.fullSummary(markdown);
            fullSummary.set(full.text());
            summaryMore.set(String.format(format.text(full.clipped() ? "run.summary.moreCut" : "run.summary.more"),
                    shortClip.totalLines(), markdown.length(), RunFormat.FULL_SUMMARY));
        } else {
            fullSummary.set(shortClip.text());
            summaryMore.set("");
        }
    }

    public void changeOwner(String userId) {
        String id = runId.get();
        if (id != null) {
            commands.changeOwner(id, userId);
            store.get(id).ifPresent(this::showOwner);
        }
    }

    public void retryOwner() {
        String id = runId.get();
        if (id != null && ownerState.get() == OwnerState.FAILED) {
            commands.retry(ActionTarget.owner(id));
            store.get(id).ifPresent(this::showOwner);
        }
    }

    public void dismissOwnerError() {
        String id = runId.get();
        if (id != null) {
            pending.dismiss(ActionTarget.owner(id));
            store.get(id).ifPresent(this::showOwner);
        }
    }

    private void showOwner(PlaybookRun run) {
        Optional<PendingAction> action = pending.get(ActionTarget.owner(run.id()));
        owner.set(format.userName(action.map(PendingAction::desiredValue).orElse(run.ownerUserId())));
        ownerError.set(action.filter(PendingAction::failed)
                .map(a -> String.format(format.text("owner.failed"), DisplayText.paragraph(a.error(), 3, 300).text()))
                .orElse(""));
        ownerState.set(action.map(a -> a.failed() ? OwnerState.FAILED : OwnerState.PENDING).orElse(OwnerState.SETTLED));
    }

    public ReadOnlyStringProperty runIdProperty() {
        return runId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty playbookProperty() {
        return playbook.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ownerProperty() {
        return owner.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<OwnerState> ownerStateProperty() {
        return ownerState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ownerErrorProperty() {
        return ownerError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fullNameProperty() {
        return fullName.getReadOnlyProperty();
    }

    /** The full summary for the expanded area; equal to the summary when nothing was cut. */
    public ReadOnlyStringProperty fullSummaryProperty() {
        return fullSummary.getReadOnlyProperty();
    }

    /** Whether the header shows only the start of the summary. */
    public ReadOnlyBooleanProperty summaryClippedProperty() {
        return summaryClipped.getReadOnlyProperty();
    }

    /** "61 lines, 4,431 characters": what the expand toggle would show. */
    public ReadOnlyStringProperty summaryMoreProperty() {
        return summaryMore.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty participantsProperty() {
        return participants.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty startedProperty() {
        return started.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nextUpdateProperty() {
        return nextUpdate.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty updateOverdueProperty() {
        return updateOverdue.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stageProperty() {
        return stage.getReadOnlyProperty();
    }
}
