package com.incidentconsole.statusupdate;

import com.incidentconsole.cadence.UpdateCadence;
import com.incidentconsole.entry.BadEntry;
import com.incidentconsole.entry.DurationText;
import com.incidentconsole.runs.RunFormat;
import com.incidentconsole.sync.ActionStatus;
import com.incidentconsole.sync.ActionTarget;
import com.incidentconsole.sync.PendingAction;
import com.incidentconsole.sync.PendingActions;
import com.incidentconsole.sync.PostStatusUpdate;
import com.incidentconsole.sync.RequestStatusUpdate;
import com.incidentconsole.sync.ResetReminder;
import com.incidentconsole.sync.RunCommands;
import com.incidentconsole.sync.RunStore;
import com.incidentconsole.sync.store.Drafts;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.StatusPostComplete;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
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
 * A run's status updates: reading them (every post, newest first, with what is still on its way from me), writing
 * one (prefilled like the server's dialog, saved as a draft while typed, posted through the outbox), and the
 * reminder (snooze, cadence, asking the owner). The posts' text is not in the run (only their ids): it is loaded
 * from the server off the FX thread and kept per run, so offline the last loaded list shows, marked as such.
 * FX thread only, except the work it hands to {@code background}.
 */
public final class StatusUpdatesViewModel {

    /** One status post as the view lists it. */
    public record PostRow(String id, String author, String when, String markdown, String state, boolean pending) {
    }

    private record Loaded(List<StatusPostComplete> posts, Instant at) {
    }

    private final RunStore runs;
    private final PendingActions pending;
    private final RunCommands commands;
    private final RunFormat format;
    private final StatusServer server;
    private final DraftBox drafts;
    private final Executor background;
    private final Executor fx;
    private final Supplier<Instant> clock;
    private final Supplier<String> myUserName;
    /** The last list loaded per run: what offline shows (from this session; nothing is written to disk). */
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();
    private final Map<String, String> channelNames = new ConcurrentHashMap<>();

    private String runId;
    private final ReadOnlyBooleanWrapper panelOpen = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper editorOpen = new ReadOnlyBooleanWrapper();
    private final ObservableList<PostRow> posts = FXCollections.observableArrayList();
    /** One wrapper for good: it listens to {@link #posts} weakly, so a new one per call could lose its listeners. */
    private final ObservableList<PostRow> readOnlyPosts = FXCollections.unmodifiableObservableList(posts);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper loadNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastUpdate = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cadence = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper overdue = new ReadOnlyBooleanWrapper();

    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty reminder = new SimpleStringProperty("");
    private final BooleanProperty broadcast = new SimpleBooleanProperty();
    private final BooleanProperty finishRun = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper broadcastChannels = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper editorNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper editorError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper posting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper actionNote = new ReadOnlyStringWrapper("");
    /** The text the editor was filled with (template, last update, draft): the draft's base. */
    private String prefill = "";
    private boolean filling;
    private Optional<ActionTarget> postTarget = Optional.empty();

    /**
     * @param background where posts load and drafts are read (never the FX thread)
     * @param fx runs finished work on the FX thread
     * @param myUserName the signed-in user's username, to mark my own posts and find my draft's post
     */
    public StatusUpdatesViewModel(RunStore runs, PendingActions pending, RunCommands commands, RunFormat format,
            StatusServer server, DraftBox drafts, Executor background, Executor fx, Supplier<Instant> clock,
            Supplier<String> myUserName) {
        this.runs = runs;
        this.pending = pending;
        this.commands = commands;
        this.format = format;
        this.server = server;
        this.drafts = drafts;
        this.background = background;
        this.fx = fx;
        this.clock = clock;
        this.myUserName = myUserName;
        message.addListener((obs, was, is) -> saveDraft(is));
        finishRun.addListener((obs, was, is) -> editorError.set(""));
    }

    private String text(String key) {
        return format.text(key);
    }

    /** Opens the list of the run's updates and loads them. */
    public void openPanel(String id) {
        show(id);
        panelOpen.set(true);
        reload();
    }

    public void closePanel() {
        panelOpen.set(false);
    }

    private void show(String id) {
        if (!id.equals(runId)) {
            runId = id;
            editorOpen.set(false);
            postTarget = Optional.empty();
        }
        refresh();
    }

    /** Loads the run's status posts and its broadcast channels' names from the server, off the FX thread. */
    public void reload() {
        String id = runId;
        if (id == null) {
            return;
        }
        loadNote.set(loaded.containsKey(id) ? loadNote.get() : text("status.loading"));
        List<String> channels = runs.get(id).map(PlaybookRun::broadcastChannelIds).orElse(List.of());
        background.execute(() -> {
            try {
                List<StatusPostComplete> list = server.statusUpdates(id);
                loaded.put(id, new Loaded(list, clock.get()));
                for (String channel : channels) {
                    channelNames.computeIfAbsent(channel, c -> {
                        try {
                            return server.channelName(c);
                        } catch (RuntimeException e) {
                            return c;
                        }
                    });
                }
                fx.execute(() -> {
                    if (id.equals(runId)) {
                        loadNote.set("");
                        refresh();
                    }
                });
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    if (id.equals(runId)) {
                        loadNote.set(offlineNote(id, e));
                        refresh();
                    }
                });
            }
        });
    }

    private String offlineNote(String id, RuntimeException why) {
        int count = runs.get(id).map(r -> r.statusPosts().size()).orElse(0);
        Loaded last = loaded.get(id);
        String reason = why instanceof StatusServer.Offline ? text("status.offline") : why.getMessage();
        return last != null
                ? String.format(text("status.offlineCached"), reason, format.time(last.at().toEpochMilli()))
                : String.format(text("status.offlineNone"), reason, count);
    }

    /** Repaints from the run, the loaded posts and my pending posts (store and outbox changes, the clock). */
    public void refresh() {
        String id = runId;
        if (id == null) {
            return;
        }
        Optional<PlaybookRun> run = runs.get(id);
        title.set(run.map(r -> String.format(text("status.title"), format.name(r.name()))).orElse(text("run.gone")));
        Instant now = clock.get();
        run.ifPresent(r -> {
            lastUpdate.set(String.format(text("status.lastUpdate"), r.statusPosts().isEmpty() ? text("time.never")
                    : format.dateTime(r.lastStatusUpdateAt()) + " (" + format.timeAgo(r.lastStatusUpdateAt(), now) + ")"));
            cadence.set(cadenceWords(r, now));
            overdue.set(UpdateCadence.at(r, now) instanceof UpdateCadence.State.Overdue);
            broadcastChannels.set(channelWords(r));
        });
        List<PostRow> rows = new ArrayList<>();
        for (PendingAction mine : myPendingPosts(id)) {
            ActionStatus status = ActionStatus.of(Optional.of(mine), "");
            rows.add(new PostRow(mine.target().subject(), myUserName.get(), format.time(mine.startedAt().toEpochMilli()),
                    mine.desiredValue(), pendingWords(status, mine), true));
        }
        Loaded list = loaded.get(id);
        if (list != null) {
            for (StatusPostComplete post : list.posts()) {
                if (post.deleteAt() == 0) {
                    rows.add(new PostRow(post.id(), "@" + format.name(post.authorUserName()), format.dateTime(post.createAt())
                            + " (" + format.timeAgo(post.createAt(), now) + ")", post.message(), "", false));
                }
            }
        }
        posts.setAll(rows);
        showPostState();
    }

    private String pendingWords(ActionStatus status, PendingAction action) {
        return switch (status.phase()) {
            case PENDING, SETTLED -> text("status.post.pending");
            case WAITING -> String.format(text("status.post.waiting"), action.error());
            case FAILED -> String.format(text("status.post.failed"), action.error());
            case CONFLICT, UNCERTAIN -> String.format(text("status.post.uncertain"), action.error());
        };
    }

    private List<PendingAction> myPendingPosts(String id) {
        return pending.all().stream()
                .filter(a -> a.target().runId().equals(id) && a.target().subject().startsWith("status-post:"))
                .toList();
    }

    /** "Next update in 12 min (every 30 min)", "Overdue 7 min — the reminder is posted", "No reminder". */
    private String cadenceWords(PlaybookRun run, Instant now) {
        String every = UpdateCadence.currentReminder(run).map(d -> String.format(text("status.every"),
                DurationText.format(d))).orElse("");
        return switch (UpdateCadence.at(run, now)) {
            case UpdateCadence.State.NotDue notDue -> text("status.notDue." + notDue.reason().name().toLowerCase(
                    java.util.Locale.ROOT));
            case UpdateCadence.State.DueIn in -> String.format(text("status.dueIn"),
                    format.nextUpdate(run, now).text(), format.time(in.dueAt().toEpochMilli())) + every;
            case UpdateCadence.State.Overdue late -> format.nextUpdate(run, now).text()
                    + (late.reminderPosted() ? text("status.reminderPosted") : "") + every;
        };
    }

    private String channelWords(PlaybookRun run) {
        if (run.broadcastChannelIds().isEmpty()) {
            return text("status.broadcast.none");
        }
        List<String> names = run.broadcastChannelIds().stream()
                .map(c -> "~" + format.name(channelNames.getOrDefault(c, c))).toList();
        return String.join(", ", names);
    }

    /**
     * Opens the editor for the run: the saved draft if there is one (and it is not already posted or on its way),
     * else the newest update's text, else the run's status template — what the server's dialog offers.
     */
    public void compose(String id) {
        show(id);
        Optional<PlaybookRun> run = runs.get(id);
        if (run.isEmpty()) {
            return;
        }
        PlaybookRun r = run.get();
        editorError.set("");
        editorNote.set("");
        reminder.set(UpdateCadence.defaultReminder(r).map(DurationText::format).orElse(""));
        broadcast.set(r.statusUpdateBroadcastChannelsEnabled() && !r.broadcastChannelIds().isEmpty());
        finishRun.set(false);
        fill(defaultText(r), "");
        editorOpen.set(true);
        reload();
        background.execute(() -> {
            Optional<Drafts.Draft> draft = drafts.find(DraftBox.key(id));
            fx.execute(() -> draft.ifPresent(d -> offerDraft(id, d)));
        });
    }

    private void offerDraft(String id, Drafts.Draft draft) {
        if (!id.equals(runId) || !editorOpen.get() || draft.text().isBlank()) {
            return;
        }
        String text = draft.text().strip();
        boolean onItsWay = myPendingPosts(id).stream().anyMatch(a -> a.desiredValue().strip().equals(text));
        boolean posted = Optional.ofNullable(loaded.get(id)).map(Loaded::posts).orElse(List.of()).stream()
                .anyMatch(p -> p.authorUserName().equals(myUserName.get()) && p.message().strip().equals(text));
        if (posted) {
            // Posted before a crash or another window confirmed it: the draft has served its purpose.
            drafts.discard(draft.key());
            return;
        }
        fill(draft.text(), draft.base());
        editorNote.set(String.format(text(onItsWay ? "status.draft.queued" : "status.draft.restored"),
                format.dateTime(draft.updatedAt())));
    }

    private String defaultText(PlaybookRun run) {
        return lastPostText().orElseGet(() -> template(run));
    }

    private Optional<String> lastPostText() {
        return Optional.ofNullable(loaded.get(runId)).flatMap(l -> l.posts().stream()
                .filter(p -> p.deleteAt() == 0).findFirst()).map(StatusPostComplete::message);
    }

    private static String template(PlaybookRun run) {
        return run.reminderMessageTemplate();
    }

    /** Replaces the text with the run's status template (the draft is kept as typed until then). */
    public void useTemplate() {
        runs.get(runId).ifPresent(r -> {
            fill(template(r), template(r));
            saveDraft(message.get());
            editorNote.set(text(template(r).isBlank() ? "status.template.none" : "status.template.used"));
        });
    }

    public void useLastUpdate() {
        Optional<String> last = lastPostText();
        if (last.isPresent()) {
            fill(last.get(), last.get());
            saveDraft(message.get());
            editorNote.set(text("status.last.used"));
        } else {
            editorNote.set(text("status.last.none"));
        }
    }

    private void fill(String text, String base) {
        filling = true;
        try {
            prefill = base.isEmpty() ? text : base;
            message.set(text);
        } finally {
            filling = false;
        }
    }

    private void saveDraft(String text) {
        if (filling || runId == null || !editorOpen.get()) {
            return;
        }
        drafts.save(new Drafts.Draft(DraftBox.key(runId), text, prefill, clock.get().toEpochMilli()));
    }

    /** Picks one of the server's reminder presets (index into {@link UpdateCadence#PRESETS}). */
    public void pickPreset(int index) {
        if (index >= 0 && index < UpdateCadence.PRESETS.size()) {
            reminder.set(DurationText.format(UpdateCadence.PRESETS.get(index)));
        }
    }

    /**
     * Posts the update through the outbox: shown at once in the list as on its way; the editor stays until the
     * server answers — accepted: closed and the draft dropped; refused: the text stays with the server's message.
     * Offline it is queued (the editor says so and may be closed): posted once when the server is back.
     */
    public void post() {
        String id = runId;
        if (id == null || posting.get()) {
            return;
        }
        String text = message.get() == null ? "" : message.get().strip();
        if (text.isEmpty()) {
            editorError.set(text("status.error.empty"));
            return;
        }
        Duration every = Duration.ZERO;
        if (!finishRun.get()) {
            try {
                every = DurationText.parse(reminder.get());
            } catch (BadEntry e) {
                editorError.set(e.getMessage());
                return;
            }
            if (!UpdateCadence.acceptable(every)) {
                editorError.set(text("status.error.reminder"));
                return;
            }
        }
        editorError.set("");
        saveDraft(message.get());
        PostStatusUpdate action = PostStatusUpdate.of(id, message.get(), every, broadcast.get(), finishRun.get());
        postTarget = Optional.of(action.target());
        posting.set(true);
        commands.submit(action).whenComplete((done, error) -> fx.execute(() -> answered(id, action, error)));
        refresh();
    }

    private void answered(String id, PostStatusUpdate action, Throwable error) {
        if (postTarget.filter(action.target()::equals).isEmpty()) {
            return; // the user moved on (another run, another post)
        }
        posting.set(false);
        if (error == null) {
            postTarget = Optional.empty();
            drafts.discard(DraftBox.key(id));
            if (id.equals(runId)) {
                editorOpen.set(false);
                actionNote.set(text("status.posted"));
                reload();
            }
            return;
        }
        // A refusal: keep the text and say what the server said; the failed action is dropped so that posting again
        // is one new post, not a resend of an unknown one. One that may be on the server stays in the list (outbox:
        // send again or drop).
        Optional<PendingAction> left = pending.get(action.target());
        String why = left.map(a -> pendingWords(ActionStatus.of(left, ""), a))
                .orElse(String.format(text("status.post.failed"), error.getMessage()));
        left.filter(a -> a.status() == PendingAction.Status.FAILED).ifPresent(a -> pending.dismiss(a.target()));
        postTarget = Optional.empty();
        if (id.equals(runId)) {
            editorOpen.set(true);
            editorNote.set("");
            editorError.set(why);
        }
        refresh();
    }

    /** The outbox moved (queued, waiting, failed): the editor's line and the list follow. */
    public void pendingChanged() {
        refresh();
    }

    private void showPostState() {
        if (postTarget.isEmpty() || !posting.get()) {
            return;
        }
        Optional<PendingAction> action = pending.get(postTarget.get());
        action.ifPresent(a -> {
            ActionStatus status = ActionStatus.of(Optional.of(a), "");
            editorNote.set(status.phase() == ActionStatus.Phase.WAITING
                    ? String.format(text("status.post.queued"), a.error()) : text("status.post.pending"));
        });
    }

    /** Closes the editor; the draft stays (reopening offers it). A post on its way goes on. */
    public void closeEditor() {
        editorOpen.set(false);
    }

    /** Snoozes the reminder: the next update is due {@code text} (a duration) from now. */
    public void snooze(String id, String durationText) {
        reset(id, durationText, true);
    }

    /** Changes the cadence: remind every {@code text} (a duration), counting from now. */
    public void changeCadence(String id, String durationText) {
        reset(id, durationText, false);
    }

    private void reset(String id, String durationText, boolean snooze) {
        Duration every;
        try {
            every = DurationText.parse(durationText);
        } catch (BadEntry e) {
            actionNote.set(e.getMessage());
            return;
        }
        if (!UpdateCadence.acceptable(every)) {
            actionNote.set(text("status.error.reminder"));
            return;
        }
        ResetReminder action = snooze ? ResetReminder.snooze(id, every) : ResetReminder.cadence(id, every);
        actionNote.set(String.format(text(snooze ? "status.snoozing" : "status.cadencing"), DurationText.format(every)));
        commands.submit(action).whenComplete((done, error) -> fx.execute(() -> actionNote.set(error == null
                ? String.format(text(snooze ? "status.snoozed" : "status.cadenced"), DurationText.format(every))
                : String.format(text("status.action.failed"), pending.get(action.target()).map(PendingAction::error)
                        .orElse(String.valueOf(error.getMessage()))))));
    }

    /** Asks the owner for an update (any participant may). */
    public void requestUpdate(String id) {
        String name = runs.get(id).map(PlaybookRun::name).orElse(id);
        RequestStatusUpdate action = new RequestStatusUpdate(id, name);
        actionNote.set(text("status.requesting"));
        commands.submit(action).whenComplete((done, error) -> fx.execute(() -> actionNote.set(error == null
                ? text("status.requested")
                : String.format(text("status.action.failed"), pending.get(action.target()).map(PendingAction::error)
                        .orElse(String.valueOf(error.getMessage()))))));
    }

    /** The reminder choices, for the palette's question: presets by their server names. */
    public static Map<String, String> presetChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        UpdateCadence.PRESETS.forEach(d -> choices.put(DurationText.format(d), DurationText.format(d)));
        return choices;
    }

    public ReadOnlyBooleanProperty panelOpenProperty() {
        return panelOpen.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editorOpenProperty() {
        return editorOpen.getReadOnlyProperty();
    }

    public ObservableList<PostRow> posts() {
        return readOnlyPosts;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadNoteProperty() {
        return loadNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastUpdateProperty() {
        return lastUpdate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cadenceProperty() {
        return cadence.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty overdueProperty() {
        return overdue.getReadOnlyProperty();
    }

    /** The editor's text; the view binds its text area both ways. */
    public StringProperty messageProperty() {
        return message;
    }

    /** The reminder for the next update as typed ("30m", "1h 30m") or picked. */
    public StringProperty reminderProperty() {
        return reminder;
    }

    public BooleanProperty broadcastProperty() {
        return broadcast;
    }

    public BooleanProperty finishRunProperty() {
        return finishRun;
    }

    /** The run's broadcast channels by name ("~incidents, ~status"), or that it has none. */
    public ReadOnlyStringProperty broadcastChannelsProperty() {
        return broadcastChannels.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty editorNoteProperty() {
        return editorNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty editorErrorProperty() {
        return editorError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty postingProperty() {
        return posting.getReadOnlyProperty();
    }

    /** What came of a snooze, a cadence change or a request, in words. */
    public ReadOnlyStringProperty actionNoteProperty() {
        return actionNote.getReadOnlyProperty();
    }

    public String runId() {
        return runId;
    }
}
