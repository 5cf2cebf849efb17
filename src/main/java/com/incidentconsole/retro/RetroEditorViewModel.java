package com.incidentconsole.retro;

import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.report.RunRecordMarkdown;
import com.incidentconsole.sync.CancelRetrospective;
import com.incidentconsole.sync.PublishRetrospective;
import com.incidentconsole.sync.SaveRetrospective;
import com.incidentconsole.sync.SetRetrospectiveEnabled;
import com.incidentconsole.sync.Subscription;
import com.incidentconsole.sync.Workspace;
import com.incidentconsole.sync.store.DraftAutosave;
import com.incidentconsole.sync.store.Drafts;
import com.incidentconsole.text.TextMerge;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.PlaybookMetricConfig;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.RunMetricData;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The retrospective editor of one run. The text starts from the local draft when there is one (offered with a
 * notice), else from the server's text, else from the playbook's retrospective template. Every change is autosaved
 * ({@link RetroDrafts}) with the server's text when the draft began as its base. Save, publish and "no
 * retrospective" go through the outbox as action kinds; none is sent while the server's text differs from the base —
 * the three-way merge ({@link RetroMerge}) is shown first, and the merged text (both sides of any conflict kept)
 * becomes the user's text over the server's as the new base. The record to insert is {@link RetroRecord}'s, the
 * metrics {@link RetroMetrics}'. FX thread only; disk and network work runs on the executors given.
 */
public final class RetroEditorViewModel implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RetroEditorViewModel.class.getName());

    /** The draft key of a run's retrospective text. */
    public static String textKey(String runId) {
        return RetroDrafts.textKey(runId);
    }

    private final String runId;
    private final Workspace workspace;
    private final Executor fx;
    private final RetroDrafts drafts;
    private final RetroMetrics metrics = new RetroMetrics();
    private final RetroMerge merge = new RetroMerge();
    private final RetroRecord record;
    private final RetroStatusText status;

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper runName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reminder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper enabled = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    /** The server's text when the user's draft began: what a three-way merge compares both sides with. */
    private String base = "";
    private Runnable confirmed = () -> { };
    private boolean restoring;
    private Subscription runs = () -> { };

    public RetroEditorViewModel(String runId, Workspace workspace, Optional<RetroStores> stores,
                                Optional<DraftAutosave> autosave, Executor disk, Executor net, Executor fx,
                                Supplier<Optional<MattermostConnection>> connection, RunRecordMarkdown record,
                                Supplier<Instant> clock, ZoneId zone) {
        this.runId = runId;
        this.workspace = workspace;
        this.fx = fx;
        this.drafts = new RetroDrafts(runId, stores.map(RetroStores::drafts), autosave, disk, clock);
        this.record = new RetroRecord(runId, workspace, stores, disk, net, fx, connection, record, clock, error::set);
        this.status = new RetroStatusText(zone);
        text.addListener((obs, old, now) -> {
            if (!restoring) {
                drafts.saveText(now, base);
            }
        });
    }

    /** Reads the drafts (disk thread), then fills the editor; follows the run as it changes on the server. */
    public void open() {
        drafts.read().whenComplete((found, failure) -> fx.execute(() -> {
            if (failure != null) {
                error.set("Could not read the local draft: " + rootMessage(failure)
                        + ". Starting from the server's text.");
                fill(new RetroDrafts.Found(Optional.empty(), Optional.empty()));
            } else {
                fill(found);
            }
        }));
        runs = workspace.runs().subscribe(change -> fx.execute(this::refresh));
    }

    private void fill(RetroDrafts.Found found) {
        Optional<PlaybookRun> run = workspace.runs().get(runId);
        if (run.isEmpty()) {
            error.set("This run is not in the local copy (yet).");
            return;
        }
        String server = run.get().retrospective();
        if (found.text().isPresent()) {
            Drafts.Draft draft = found.text().get();
            setText(draft.text(), draft.base());
            notice.set("Your unsent draft of " + status.when(draft.updatedAt()) + " is restored. Discard it "
                    + "(Ctrl+Shift+Backspace) to start again from the server's text.");
            if (!base.equals(server) && !draft.text().equals(server)) {
                showMerge(draft.text(), server, () -> { });
            }
        } else {
            setText(server.isBlank() ? template(run.get()) : server, server);
        }
        fillMetrics(run.get(), RetroDrafts.typedMetrics(found.metrics()));
        loaded.set(true);
        refresh();
    }

    /** Replaces the text without making it a draft (it is what the server or the draft already holds). */
    private void setText(String now, String newBase) {
        restoring = true;
        try {
            base = newBase;
            text.set(now);
        } finally {
            restoring = false;
        }
    }

    private String template(PlaybookRun run) {
        return playbook(run).map(Playbook::retrospectiveTemplate).orElse("");
    }

    private Optional<Playbook> playbook(PlaybookRun run) {
        return run.playbookId().isEmpty() ? Optional.empty() : workspace.playbooks().get(run.playbookId());
    }

    private void fillMetrics(PlaybookRun run, Map<String, String> typed) {
        List<PlaybookMetricConfig> configs = playbook(run).map(Playbook::metrics).orElse(List.of());
        metrics.fill(configs, run.metricsData(), typed, () -> drafts.saveMetrics(metrics.typed()));
    }

    /** Repaints what the server holds: published or not, the switch, the reminder; notes a colleague's change. */
    void refresh() {
        Optional<PlaybookRun> found = workspace.runs().get(runId);
        if (found.isEmpty()) {
            return;
        }
        PlaybookRun run = found.get();
        runName.set(run.name());
        enabled.set(run.retrospectiveEnabled());
        state.set(status.state(run, text.get()));
        reminder.set(status.reminder(run));
        if (loaded.get() && !merge.mergingProperty().get() && !base.equals(run.retrospective())
                && !run.retrospective().equals(text.get())) {
            notice.set("Someone changed the retrospective on the server since you began: saving or publishing "
                    + "shows both versions to merge first.");
        }
    }

    /** The FX thread's cost of autosaving, per change: "n saves, mean µs, max µs". */
    public String autosaveCost() {
        return drafts.cost();
    }

    // --- sending

    /** Saves the text and metrics without publishing. */
    public void save() {
        send(false);
    }

    public void publish() {
        send(true);
    }

    private void send(boolean publish) {
        error.set("");
        Optional<PlaybookRun> found = workspace.runs().get(runId);
        if (found.isEmpty() || merge.mergingProperty().get()) {
            return;
        }
        List<String> bad = metrics.errors();
        if (!bad.isEmpty()) {
            error.set("Not sent: " + String.join("; ", bad));
            return;
        }
        if (TextMerge.hasMarkers(text.get())) {
            error.set("Not sent: the text still holds merge markers (<<<<<<< mine … >>>>>>> theirs); keep what you "
                    + "want and remove them.");
            return;
        }
        PlaybookRun run = found.get();
        if (!base.equals(run.retrospective()) && !text.get().equals(run.retrospective())) {
            showMerge(text.get(), run.retrospective(), () -> send(publish));
            return;
        }
        List<RunMetricData> values = metrics.values();
        String sending = text.get();
        CompletableFuture<Void> accepted = workspace.commands().submit(publish
                ? PublishRetrospective.of(run, sending, values) : new SaveRetrospective(runId, sending, values));
        busy.set(true);
        state.set(publish ? "Publishing… (waiting for the server; the outbox keeps it)" : "Saving… (waiting for the server)");
        accepted.whenComplete((done, failure) -> fx.execute(() -> {
            busy.set(false);
            if (failure != null) {
                error.set((publish ? "Not published: " : "Not saved: ") + rootMessage(failure));
                refresh();
                return;
            }
            // The server has this text now: it is the base of whatever the user writes next.
            base = sending;
            if (sending.equals(text.get())) {
                drafts.discard();
                notice.set("");
            } else {
                drafts.saveText(text.get(), base);
            }
            refresh();
        }));
    }

    /** "No retrospective": asks first, since the server replaces the text. */
    public void askCancel() {
        if (workspace.runs().get(runId).isEmpty()) {
            return;
        }
        question.set("No retrospective for this run? The server replaces the text with “No retrospective for this "
                + "run.” and announces it in the channel. Enter: yes · Esc: no");
        confirmed = () -> {
            PlaybookRun run = workspace.runs().get(runId).orElseThrow();
            workspace.commands().submit(CancelRetrospective.of(run)).whenComplete((done, failure) -> fx.execute(() -> {
                if (failure != null) {
                    error.set("Not canceled: " + rootMessage(failure));
                } else {
                    notice.set("Canceled on the server; your text stays here and in the draft until you close.");
                }
                refresh();
            }));
        };
    }

    public void confirm() {
        Runnable action = confirmed;
        confirmed = () -> { };
        question.set("");
        action.run();
    }

    public void cancelQuestion() {
        confirmed = () -> { };
        question.set("");
    }

    /** The retrospective switch; off also stops the server's retrospective reminder, on again restarts it. */
    public void toggleEnabled() {
        boolean now = enabled.get();
        enabled.set(!now);
        workspace.commands().submit(new SetRetrospectiveEnabled(runId, !now)).whenComplete((done, failure) ->
                fx.execute(() -> {
                    if (failure != null) {
                        error.set("The retrospective switch was not changed: " + rootMessage(failure));
                    }
                    refresh();
                }));
    }

    /** Throws the draft away and starts again from the server's text (or the template). */
    public void discardDraft() {
        drafts.discard();
        PlaybookRun run = workspace.runs().get(runId).orElse(null);
        if (run == null) {
            return;
        }
        setText(run.retrospective().isBlank() ? template(run) : run.retrospective(), run.retrospective());
        fillMetrics(run, Map.of());
        notice.set("Draft discarded: this is the server's text.");
        merge.close();
    }

    // --- the merge

    private void showMerge(String mine, String theirs, Runnable then) {
        // A draft begun on an empty server text began from the template, as the colleague's edit most likely did
        // (the server copies the template into every new run): that is the ancestor both sides share.
        String from = base.isEmpty() ? workspace.runs().get(runId).map(this::template).orElse("") : base;
        merge.show(from, mine, theirs, then);
    }

    /** The merged text becomes the user's text over the server's current one; the interrupted send goes on. */
    public void acceptMerge() {
        merge.accept().ifPresent(accepted -> {
            base = accepted.newBase();
            text.set(accepted.text());
            notice.set("Merged with the server's text.");
            accepted.then().run();
        });
    }

    /** Leaves the merge without choosing: the user's text stays as it was, nothing is sent. */
    public void closeMerge() {
        merge.close();
    }

    /** The run's record to insert at the caret (Alt+S, Alt+U, Alt+P, Alt+D). */
    public RetroRecord record() {
        return record;
    }

    static String rootMessage(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    @Override
    public void close() {
        runs.close();
        LOG.info(() -> "Retrospective editor of " + runId + ": autosave " + drafts.cost());
    }

    // --- properties

    public String runId() {
        return runId;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty runNameProperty() {
        return runName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reminderProperty() {
        return reminder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty questionProperty() {
        return question.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty enabledProperty() {
        return enabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty mergingProperty() {
        return merge.mergingProperty();
    }

    public RetroMerge merge() {
        return merge;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObservableList<MetricRow> metrics() {
        return metrics.rows();
    }
}
