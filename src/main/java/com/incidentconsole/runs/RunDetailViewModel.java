package com.incidentconsole.runs;

import com.incidentconsole.checklist.ChecklistViewModel;
import com.incidentconsole.sync.ActionStatus;
import com.incidentconsole.sync.ActionStatusText;
import com.incidentconsole.sync.ActionTarget;
import com.incidentconsole.sync.FinishRun;
import com.incidentconsole.sync.PendingAction;
import com.incidentconsole.sync.PendingActions;
import com.incidentconsole.sync.RestoreRun;
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
 * The run the user opened: its header (name, status, playbook, owner, summary, participants), the
 * owner change, finishing and restoring the run (each asked for, then confirmed), plus the checklists
 * and timeline it feeds. Every action's state shows through one {@link ActionStatus}. FX thread only.
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
    private final ReadOnlyObjectWrapper<ActionStatus.Phase> ownerState =
            new ReadOnlyObjectWrapper<>(ActionStatus.Phase.SETTLED);
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
    private final ReadOnlyBooleanWrapper canFinish = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRestore = new ReadOnlyBooleanWrapper();
    /** What the confirm bar asks ({@code ""}: no question open). */
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper("");
    /** The finish or restore's state when it is not plain pending: why it waits, failed or conflicts. */
    private final ReadOnlyStringWrapper statusError = new ReadOnlyStringWrapper("");
    private final ActionStatusText words;
    private Runnable onConfirm = () -> { };

    public RunDetailViewModel(RunStore store, PendingActions pending, RunCommands commands, RunFormat format,
                              ChecklistViewModel checklist, TimelineViewModel timeline, Supplier<Instant> clock) {
        this.store = store;
        this.pending = pending;
        this.commands = commands;
        this.format = format;
        this.checklist = checklist;
        this.timeline = timeline;
        this.clock = clock;
        this.words = new ActionStatusText(format::text, format::userName);
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
        if (targets.contains(ActionTarget.status(id))) {
            store.get(id).ifPresent(this::showStatus);
        }
        // checklist work: a confirmed addition leaves its placeholder as the store gains the real item; show
        // the store's run, which already holds it, not the one the screen had (issue #14)
        if (targets.stream().anyMatch(t -> id.equals(t.runId()) && !t.subject().startsWith("item:")
                && !ActionTarget.OWNER.equals(t.subject()) && !ActionTarget.STATUS.equals(t.subject()))) {
            store.get(id).ifPresent(checklist::show);
        }
        checklist.pendingChanged(targets);
        // runops (ADR 0025)
        if (targets.contains(new ActionTarget(id, "name")) || targets.contains(new ActionTarget(id, "summary"))) {
            refresh();
        }
    }

    /** runops (ADR 0025): the value a pending rename or summary edit sets; not a failed one, which never happened. */
    private Optional<String> pendingValue(String id, String subject) {
        return pending.get(new ActionTarget(id, subject)).filter(p -> !p.failed()).map(PendingAction::desiredValue);
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
        // runops (ADR 0025): a rename or summary still on its way shows at once.
        String shownName = pendingValue(r.id(), "name").orElse(r.name());
        name.set(format.headerName(shownName));
        fullName.set(format.fullName(shownName));
        showStatus(r);
        playbook.set(format.playbookTitle(r.playbookId()));
        showSummary(pendingValue(r.id(), "summary").orElse(r.summary()));
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
        if (id != null && ownerStatus(id).canRetry()) {
            commands.retry(ActionTarget.owner(id));
            store.get(id).ifPresent(this::showOwner);
        }
    }

    /** Dismisses a failed, conflicting or uncertain finish or restore: the server's status stays. */
    public void dismissStatusError() {
        String id = runId.get();
        if (id != null) {
            pending.dismiss(ActionTarget.status(id));
            store.get(id).ifPresent(this::showStatus);
            checklist.pendingChanged(List.of(ActionTarget.status(id)));
        }
    }

    public void retryStatus() {
        String id = runId.get();
        if (id != null && ActionStatus.of(pending.get(ActionTarget.status(id)), "").canRetry()) {
            commands.retry(ActionTarget.status(id));
            store.get(id).ifPresent(this::showStatus);
        }
    }

    public void dismissOwnerError() {
        String id = runId.get();
        if (id != null) {
            pending.dismiss(ActionTarget.owner(id));
            store.get(id).ifPresent(this::showOwner);
        }
    }

    private ActionStatus ownerStatus(String id) {
        return ActionStatus.of(pending.get(ActionTarget.owner(id)), store.get(id).map(PlaybookRun::ownerUserId).orElse(""));
    }

    private void showOwner(PlaybookRun run) {
        ActionStatus state = ownerStatus(run.id());
        owner.set(format.userName(state.shownValue()));
        ownerError.set(DisplayText.paragraph(words.line(ActionTarget.owner(run.id()), state), 3, 300).text());
        ownerState.set(state.phase() == ActionStatus.Phase.WAITING ? ActionStatus.Phase.PENDING : state.phase());
    }

    /**
     * The run's status as the user made it: a finish or restore of mine shows at once (the checklists
     * become read-only, or writable again) and is marked while the server has not confirmed it.
     */
    private void showStatus(PlaybookRun run) {
        ActionTarget target = ActionTarget.status(run.id());
        ActionStatus state = ActionStatus.of(pending.get(target), run.currentStatus());
        boolean shownFinished = PlaybookRun.STATUS_FINISHED.equals(state.phase() == ActionStatus.Phase.FAILED
                ? run.currentStatus() : state.shownValue());
        status.set(format.text(shownFinished ? "run.status.finished" : "run.status.inProgress")
                + (state.inFlight() ? " · " + format.text("run.status.pending") : ""));
        finished.set(shownFinished);
        canFinish.set(!shownFinished && !state.inFlight());
        canRestore.set(shownFinished && !state.inFlight());
        statusError.set(DisplayText.paragraph(words.line(target, state), 3, 300).text());
    }

    /** Opens the confirm bar for finishing the run; nothing is sent until {@link #confirm()}. */
    public void askFinish() {
        if (canFinish.get()) {
            ask(String.format(format.text("run.finish.confirm"), name.get()), this::finishRun);
        }
    }

    /** Opens the confirm bar for restoring the finished run. */
    public void askRestore() {
        if (canRestore.get()) {
            ask(String.format(format.text("run.restore.confirm"), name.get()), this::restoreRun);
        }
    }

    private void ask(String text, Runnable then) {
        question.set(text);
        onConfirm = then;
    }

    public void confirm() {
        Runnable then = onConfirm;
        cancel();
        then.run();
    }

    public void cancel() {
        question.set("");
        onConfirm = () -> { };
    }

    /** Finishes the open run through the outbox (it shows as finished at once, pending). */
    public void finishRun() {
        String id = runId.get();
        if (id != null && canFinish.get()) {
            commands.submit(new FinishRun(id, name.get()));
            store.get(id).ifPresent(this::showStatus);
            checklist.pendingChanged(List.of(ActionTarget.status(id)));
        }
    }

    public void restoreRun() {
        String id = runId.get();
        if (id != null && canRestore.get()) {
            commands.submit(new RestoreRun(id, name.get()));
            store.get(id).ifPresent(this::showStatus);
            checklist.pendingChanged(List.of(ActionTarget.status(id)));
        }
    }

    /** Whether finishing can be asked for now: a run is open, in progress, with no finish or restore on its way. */
    public ReadOnlyBooleanProperty canFinishProperty() {
        return canFinish.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRestoreProperty() {
        return canRestore.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty questionProperty() {
        return question.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusErrorProperty() {
        return statusError.getReadOnlyProperty();
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

    /** The owner change's phase; waiting counts as pending here (the reason shows in the error line). */
    public ReadOnlyObjectProperty<ActionStatus.Phase> ownerStateProperty() {
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
