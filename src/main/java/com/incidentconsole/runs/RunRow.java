package com.incidentconsole.runs;

import com.incidentconsole.text.DisplayText;
import com.incidentconsole.triage.PendingProgress;
import com.incidentconsole.wire.PlaybookRun;
import java.time.Instant;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One line of the runs table. Rows are updated in place (not replaced) when the store changes, so the
 * table keeps its selection and scroll position while runs change under the user's eyes.
 */
public final class RunRow {

    private final String id;
    private final ReadOnlyObjectWrapper<PlaybookRun> run = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper fullName = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper playbook = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper owner = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper stage = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<SortableText> progress = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SortableText> lastUpdate = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SortableText> started = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SortableText> nextUpdate = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper updateOverdue = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper pending = new ReadOnlyBooleanWrapper();

    RunRow(PlaybookRun run, RunFormat format, Instant now) {
        this(run, format, now, (runId, itemId) -> Optional.empty());
    }

    RunRow(PlaybookRun run, RunFormat format, Instant now, RunListViewModel.InFlight inFlight) {
        this.id = run.id();
        update(run, format, now, inFlight);
    }

    void update(PlaybookRun fresh, RunFormat format, Instant now) {
        update(fresh, format, now, (runId, itemId) -> Optional.empty());
    }

    /** Derived values first, the run last: the list's extractor watches the run, so sorting sees fresh values. */
    void update(PlaybookRun fresh, RunFormat format, Instant now, RunListViewModel.InFlight inFlight) {
        // Bounded here, before any cell sees it: a table row shapes its text at every layout (probe H3).
        // The cells follow these properties (storm, issue 18): what a cell reads beside its own value is set first.
        fullName.set(format.fullName(fresh.name()));
        name.set(format.name(fresh.name()));
        playbook.set(format.playbookTitle(fresh.playbookId()));
        owner.set(format.userName(fresh.ownerUserId()));
        finished.set(fresh.isFinished());
        status.set(format.status(fresh));
        // As the detail shows it: my ticks on their way count, and the row says they are pending.
        PendingProgress shown = PendingProgress.of(fresh, itemId -> inFlight.state(fresh.id(), itemId));
        stage.set(shown.stageIndex().map(i -> DisplayText.line(fresh.checklists().get(i).title(), RunFormat.TITLE))
                .orElse(format.text("run.stage.none")));
        String counted = format.progress(shown.done(), shown.total());
        progress.set(new SortableText(shown.pending() == 0 ? counted
                : String.format(format.text("runs.progress.pending"), counted, shown.pending()), shown.fraction()));
        pending.set(shown.pending() > 0);
        started.set(new SortableText(format.dateTime(fresh.createAt()), fresh.createAt()));
        refreshClock(fresh, format, now);
        run.set(fresh);
    }

    void refreshClock(PlaybookRun current, RunFormat format, Instant now) {
        long at = current.lastStatusUpdateAt();
        lastUpdate.set(new SortableText(format.timeAgo(at, now), at));
        RunFormat.NextUpdate next = format.nextUpdate(current, now);
        updateOverdue.set(next.overdue());
        nextUpdate.set(new SortableText(next.text(), next.dueAt()));
    }

    /** What the search words are looked for in: the name, playbook and owner as shown. */
    String searchableText() {
        return name.get() + " " + playbook.get() + " " + owner.get();
    }

    /** Whether a tick of mine on this run is on its way: progress and stage already count it. */
    public ReadOnlyBooleanProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public String id() {
        return id;
    }

    public ReadOnlyObjectProperty<PlaybookRun> runProperty() {
        return run.getReadOnlyProperty();
    }

    public PlaybookRun run() {
        return run.get();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** The name for the tooltip: longer than the cell's, still bounded. */
    public ReadOnlyStringProperty fullNameProperty() {
        return fullName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty playbookProperty() {
        return playbook.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ownerProperty() {
        return owner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stageProperty() {
        return stage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SortableText> progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SortableText> lastUpdateProperty() {
        return lastUpdate.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SortableText> nextUpdateProperty() {
        return nextUpdate.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty updateOverdueProperty() {
        return updateOverdue.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SortableText> startedProperty() {
        return started.getReadOnlyProperty();
    }
}
