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
import com.incidentconsole.text.DurationText;
import com.incidentconsole.text.TextMerge;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.PlaybookMetricConfig;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.RunMetricData;
import com.incidentconsole.wire.TimelineEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The retrospective editor of one run. The text starts from the local draft when there is one (offered with a
 * notice), else from the server's text, else from the playbook's retrospective template. Every change is autosaved
 * as a draft ({@code retro:<run id>}, the metrics as {@code retro-metrics:<run id>}) with the server's text when
 * the draft began as its base. Save, publish and "no retrospective" go through the outbox as action kinds; none is
 * sent while the server's text differs from the base — the three-way merge is shown first, and the merged text
 * (with both sides of any conflict kept) becomes the user's text over the server's as the new base.
 * FX thread only; disk and network work runs on the executors given.
 */
public final class RetroEditorViewModel implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RetroEditorViewModel.class.getName());
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT);

    /** The draft key of a run's retrospective text. */
    public static String textKey(String runId) {
        return "retro:" + runId;
    }

    /** The draft key of a run's metric values as typed (one {@code id<TAB>text} line each). */
    public static String metricsKey(String runId) {
        return "retro-metrics:" + runId;
    }

    private final String runId;
    private final Workspace workspace;
    private final Optional<RetroStores> stores;
    private final Optional<DraftAutosave> autosave;
    private final Executor disk;
    private final Executor net;
    private final Executor fx;
    private final Supplier<Optional<MattermostConnection>> connection;
    private final RunRecordMarkdown record;
    private final Supplier<Instant> clock;
    private final ZoneId zone;

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper runName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reminder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper enabled = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper merging = new ReadOnlyBooleanWrapper(false);
    private final StringProperty mergeBase = new SimpleStringProperty("");
    private final StringProperty mergeMine = new SimpleStringProperty("");
    private final StringProperty mergeTheirs = new SimpleStringProperty("");
    private final StringProperty merged = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper mergeSummary = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObservableList<MetricRow> metrics = FXCollections.observableArrayList();

    /** The server's text when the user's draft began: what a three-way merge compares both sides with. */
    private String base = "";
    /** What to do once the merge is resolved (the save or publish that found the server's text moved). */
    private Runnable afterMerge = () -> { };
    private Runnable confirmed = () -> { };
    private boolean restoring;
    private Subscription runs = () -> { };
    private long autosaves;
    private long autosaveNanos;
    private long autosaveMaxNanos;

    public RetroEditorViewModel(String runId, Workspace workspace, Optional<RetroStores> stores,
                                Optional<DraftAutosave> autosave, Executor disk, Executor net, Executor fx,
                                Supplier<Optional<MattermostConnection>> connection, RunRecordMarkdown record,
                                Supplier<Instant> clock, ZoneId zone) {
        this.runId = runId;
        this.workspace = workspace;
        this.stores = stores;
        this.autosave = autosave;
        this.disk = disk;
        this.net = net;
        this.fx = fx;
        this.connection = connection;
        this.record = record;
        this.clock = clock;
        this.zone = zone;
        text.addListener((obs, old, now) -> {
            if (!restoring) {
                saveDraft();
            }
        });
    }

    /** Reads the drafts (disk thread), then fills the editor; follows the run as it changes on the server. */
    public void open() {
        CompletableFuture.supplyAsync(() -> stores.map(s -> new Drafts.Draft[] {
            s.drafts().find(textKey(runId)).orElse(null), s.drafts().find(metricsKey(runId)).orElse(null)})
                .orElse(new Drafts.Draft[2]), disk)
                .whenComplete((drafts, failure) -> fx.execute(() -> {
                    if (failure != null) {
                        error.set("Could not read the local draft: " + rootMessage(failure)
                                + ". Starting from the server's text.");
                        fill(null, null);
                    } else {
                        fill(drafts[0], drafts[1]);
                    }
                }));
        runs = workspace.runs().subscribe(change -> fx.execute(this::refresh));
    }

    private void fill(Drafts.Draft textDraft, Drafts.Draft metricsDraft) {
        Optional<PlaybookRun> found = workspace.runs().get(runId);
        if (found.isEmpty()) {
            error.set("This run is not in the local copy (yet).");
            return;
        }
        PlaybookRun run = found.get();
        String server = run.retrospective();
        restoring = true;
        try {
            if (textDraft != null) {
                text.set(textDraft.text());
                base = textDraft.base();
                notice.set("Your unsent draft of " + WHEN.format(Instant.ofEpochMilli(textDraft.updatedAt()).atZone(zone))
                        + " is restored. Discard it (Ctrl+Shift+Backspace) to start again from the server's text.");
                if (!base.equals(server) && !textDraft.text().equals(server)) {
                    showMerge(base, textDraft.text(), server, () -> { });
                }
            } else {
                base = server;
                text.set(server.isBlank() ? template(run) : server);
            }
        } finally {
            restoring = false;
        }
        fillMetrics(run, metricsDraft);
        loaded.set(true);
        refresh();
    }

    private String template(PlaybookRun run) {
        return playbook(run).map(Playbook::retrospectiveTemplate).orElse("");
    }

    private Optional<Playbook> playbook(PlaybookRun run) {
        return run.playbookId().isEmpty() ? Optional.empty() : workspace.playbooks().get(run.playbookId());
    }

    private void fillMetrics(PlaybookRun run, Drafts.Draft metricsDraft) {
        Map<String, String> typed = new LinkedHashMap<>();
        if (metricsDraft != null) {
            metricsDraft.text().lines().forEach(line -> {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    typed.put(line.substring(0, tab), line.substring(tab + 1));
                }
            });
        }
        Map<String, Long> held = new LinkedHashMap<>();
        run.metricsData().forEach(m -> held.put(m.metricConfigId(), m.value()));
        List<MetricRow> rows = new ArrayList<>();
        for (PlaybookMetricConfig metric : playbook(run).map(Playbook::metrics).orElse(List.of())) {
            String initial = typed.containsKey(metric.id()) ? typed.get(metric.id())
                    : held.get(metric.id()) == null ? ""
                    : com.incidentconsole.entry.MetricValue.format(metric, held.get(metric.id()));
            MetricRow row = new MetricRow(metric, initial);
            row.textProperty().addListener((obs, old, now) -> saveMetricsDraft());
            rows.add(row);
        }
        metrics.setAll(rows);
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
        if (run.retrospectiveWasCanceled()) {
            state.set("No retrospective (canceled " + when(run.retrospectivePublishedAt()) + ")");
        } else if (run.retrospectivePublishedAt() > 0) {
            state.set("Published " + when(run.retrospectivePublishedAt())
                    + (run.retrospective().equals(text.get()) ? "" : " · your text has unpublished changes"));
        } else {
            state.set("Not published" + (run.retrospective().isEmpty() ? "" : " · saved on the server"));
        }
        long every = run.retrospectiveReminderIntervalSeconds();
        // The server has no route to change a run's reminder (only the playbook's), so it is shown, not edited.
        reminder.set(every <= 0 ? "No retrospective reminder (set in the playbook)"
                : "Reminder every " + DurationText.of(every * 1000) + " until published (set in the playbook)");
        if (loaded.get() && !merging.get() && !base.equals(run.retrospective())
                && !run.retrospective().equals(text.get())) {
            notice.set("Someone changed the retrospective on the server since you began: saving or publishing "
                    + "shows both versions to merge first.");
        }
    }

    private String when(long epochMillis) {
        return epochMillis <= 0 ? "" : WHEN.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    private void saveDraft() {
        autosave.ifPresent(a -> {
            long started = System.nanoTime();
            a.save(new Drafts.Draft(textKey(runId), text.get(), base, clock.get().toEpochMilli()));
            long took = System.nanoTime() - started;
            autosaves++;
            autosaveNanos += took;
            autosaveMaxNanos = Math.max(autosaveMaxNanos, took);
        });
    }

    private void saveMetricsDraft() {
        StringBuilder lines = new StringBuilder();
        metrics.forEach(m -> lines.append(m.metric().id()).append('\t')
                .append(m.textProperty().get().replace('\n', ' ')).append('\n'));
        autosave.ifPresent(a -> a.save(new Drafts.Draft(metricsKey(runId), lines.toString(), "",
                clock.get().toEpochMilli())));
    }

    /** The FX thread's cost of autosaving, per change: "n saves, mean µs, max µs". */
    public String autosaveCost() {
        return autosaves + " saves, mean " + (autosaves == 0 ? 0 : autosaveNanos / autosaves / 1000) + " µs, max "
                + autosaveMaxNanos / 1000 + " µs on the FX thread";
    }

    // --- the record, inserted at the cursor

    /** The starred events (in time order), or a note that none are starred. */
    public CompletableFuture<String> starredEvents() {
        PlaybookRun run = workspace.runs().get(runId).orElse(null);
        if (run == null || stores.isEmpty()) {
            return CompletableFuture.completedFuture("");
        }
        return CompletableFuture.supplyAsync(() -> stores.get().stars().starred(runId), disk).thenApply(ids -> {
            List<TimelineEvent> starred = events(run, ids);
            return starred.isEmpty() ? "" : "#### Key events\n\n" + record.events(starred);
        });
    }

    static List<TimelineEvent> events(PlaybookRun run, Set<String> ids) {
        return run.timelineEvents().stream().filter(e -> e.deleteAt() == 0 && ids.contains(e.id())).toList();
    }

    /** The status updates' text needs the server (the run holds only their ids). */
    public CompletableFuture<String> statusUpdates() {
        Optional<MattermostConnection> server = connection.get();
        if (server.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "the status updates' text needs the server, which is not reachable now"));
        }
        return CompletableFuture.supplyAsync(() -> record.statusUpdates(server.get().runs().statusUpdates(runId)), net);
    }

    public String people() {
        return workspace.runs().get(runId).map(record::people).orElse("");
    }

    public String durations() {
        return workspace.runs().get(runId).map(run -> record.durations(run, clock.get())).orElse("");
    }

    /** Reports an insertion that could not be made (offline, nothing starred) without touching the text. */
    public void insertFailed(String why) {
        error.set(why);
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
        if (found.isEmpty() || merging.get()) {
            return;
        }
        List<String> bad = metrics.stream().filter(MetricRow::bad).map(MetricRow::errorProperty)
                .map(ReadOnlyStringProperty::get).toList();
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
            showMerge(base, text.get(), run.retrospective(), () -> send(publish));
            return;
        }
        List<RunMetricData> values = metricValues();
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
                discardDrafts();
                notice.set("");
            } else {
                saveDraft();
            }
            refresh();
        }));
    }

    private List<RunMetricData> metricValues() {
        return metrics.stream().map(m -> new RunMetricData(m.metric().id(), m.value().orElse(null))).toList();
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
        discardDrafts();
        PlaybookRun run = workspace.runs().get(runId).orElse(null);
        if (run == null) {
            return;
        }
        restoring = true;
        try {
            base = run.retrospective();
            text.set(run.retrospective().isBlank() ? template(run) : run.retrospective());
        } finally {
            restoring = false;
        }
        fillMetrics(run, null);
        notice.set("Draft discarded: this is the server's text.");
        merging.set(false);
    }

    private void discardDrafts() {
        autosave.ifPresent(a -> {
            a.discard(textKey(runId));
            a.discard(metricsKey(runId));
        });
    }

    // --- the merge

    private void showMerge(String serverBase, String mine, String theirs, Runnable then) {
        // A draft begun on an empty server text began from the template, as the colleague's edit most likely did
        // (the server copies the template into every new run): that is the ancestor both sides share.
        String from = serverBase.isEmpty() ? workspace.runs().get(runId).map(this::template).orElse("") : serverBase;
        TextMerge.Result result = TextMerge.merge(from, mine, theirs);
        mergeBase.set(from);
        mergeMine.set(mine);
        mergeTheirs.set(theirs);
        merged.set(result.text());
        mergeSummary.set("The retrospective changed on the server since your draft began. Nothing is sent until "
                + "you accept a merged text. " + (result.clean() ? "The two versions merge without conflict."
                : result.conflicts().size() + " conflicting part" + (result.conflicts().size() == 1 ? " holds" : "s hold")
                        + " both versions between <<<<<<< mine and >>>>>>> theirs: keep what you want."));
        afterMerge = then;
        merging.set(true);
    }

    /** The merged text becomes the user's text over the server's current one; the interrupted send goes on. */
    public void acceptMerge() {
        if (!merging.get()) {
            return;
        }
        if (TextMerge.hasMarkers(merged.get())) {
            mergeSummary.set("The merged text still holds conflict markers: keep what you want of each side and "
                    + "remove the marker lines, then accept.");
            return;
        }
        base = mergeTheirs.get();
        merging.set(false);
        text.set(merged.get());
        notice.set("Merged with the server's text.");
        Runnable then = afterMerge;
        afterMerge = () -> { };
        then.run();
    }

    /** Leaves the merge without choosing: the user's text stays as it was, nothing is sent. */
    public void closeMerge() {
        merging.set(false);
        afterMerge = () -> { };
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    @Override
    public void close() {
        runs.close();
        LOG.info(() -> "Retrospective editor of " + runId + ": autosave " + autosaveCost());
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
        return merging.getReadOnlyProperty();
    }

    public StringProperty mergeBaseProperty() {
        return mergeBase;
    }

    public StringProperty mergeMineProperty() {
        return mergeMine;
    }

    public StringProperty mergeTheirsProperty() {
        return mergeTheirs;
    }

    public StringProperty mergedProperty() {
        return merged;
    }

    public ReadOnlyStringProperty mergeSummaryProperty() {
        return mergeSummary.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObservableList<MetricRow> metrics() {
        return metrics;
    }

    /** Passes insertion text to the editor; the controller sets it to insert at the caret. */
    public void insert(CompletableFuture<String> markdown, Consumer<String> atCaret, String nothing) {
        markdown.whenComplete((md, failure) -> fx.execute(() -> {
            if (failure != null) {
                error.set("Not inserted: " + rootMessage(failure));
            } else if (md.isEmpty()) {
                error.set(nothing);
            } else {
                error.set("");
                atCaret.accept(md);
            }
        }));
    }
}
