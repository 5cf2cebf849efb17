package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.sync.store.Outbox;
import com.incidentconsole.sync.store.OutboxEntry;
import com.incidentconsole.sync.store.StoreException;
import com.incidentconsole.wire.ChecklistItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbox in motion, as the workspace sees it: {@link #submit} shows the action at once, has the
 * {@link OutboxWriter} commit it (never behind the network), then hands it to the {@link ActionSender},
 * which sends, judges, confirms or holds it. This class only routes between the two threads and the
 * store of pending actions; what each kind does lives in the kind (ADR 0018).
 */
final class ActionQueue implements RunCommands, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ActionQueue.class.getName());
    /** How long to wait for the confirming event before asking the server directly. */
    static final Duration CONFIRM_FETCH_DELAY = Duration.ofSeconds(3);
    /** The note on every action held while the session is over. */
    static final String WAITING_FOR_SIGN_IN = "Waiting for sign-in: the server ended the session";

    private final OutboxWriter writer;
    private final ActionSender sender;
    private final RunStore store;
    private final PendingActions pending;
    private final UserDirectory users;
    private final Clock clock;
    private final JsonMapper mapper;
    private final ActionKinds kinds = ActionKinds.standard();
    /** The sender's thread when this queue made it (per workspace), to stop with the queue. */
    private final Optional<ScheduledExecutorService> ownThread;
    /** Actions the disk would not take: only in memory, so that "retry" can write them again. */
    private final Map<ActionTarget, Submission> unsaved = new ConcurrentHashMap<>();

    ActionQueue(Outbox outbox, ActionTransport transport, RunStore store, PendingActions pending, UserDirectory users,
                ScheduledExecutorService worker, Clock clock, Backoff backoff, JsonMapper mapper,
                Duration confirmFetchDelay) {
        this(outbox, transport, store, pending, users, worker, clock, backoff, mapper, confirmFetchDelay, () -> { },
                () -> "", Optional.empty());
    }

    /** @param sessionEnded told (on the sender) when the server answered 401: the session is over, not the action */
    ActionQueue(Outbox outbox, ActionTransport transport, RunStore store, PendingActions pending, UserDirectory users,
                ScheduledExecutorService worker, Clock clock, Backoff backoff, JsonMapper mapper,
                Duration confirmFetchDelay, Runnable sessionEnded) {
        this(outbox, transport, store, pending, users, worker, clock, backoff, mapper, confirmFetchDelay, sessionEnded,
                () -> "", Optional.empty());
    }

    /**
     * @param myUserName who is signed in ({@code ""} until known): a non-idempotent action looks for its
     *                   own effect among what this user did
     */
    ActionQueue(Outbox outbox, ActionTransport transport, RunStore store, PendingActions pending, UserDirectory users,
                ScheduledExecutorService worker, Clock clock, Backoff backoff, JsonMapper mapper,
                Duration confirmFetchDelay, Runnable sessionEnded, Supplier<String> myUserName,
                Optional<ScheduledExecutorService> ownThread) {
        this.writer = new OutboxWriter(outbox, String.valueOf(System.identityHashCode(this)));
        this.sender = new ActionSender(writer, transport, store, pending, users, worker, clock, backoff, mapper,
                confirmFetchDelay, sessionEnded, myUserName);
        this.store = store;
        this.pending = pending;
        this.users = users;
        this.clock = clock;
        this.mapper = mapper;
        this.ownThread = ownThread;
        store.subscribe(change -> change.upserted().forEach(run -> worker.execute(() -> sender.confirmSettled(run))));
        // The UI dismisses a failed action (or keeps the server's side of a conflict) through PendingActions; the outbox follows.
        pending.subscribe(target -> worker.execute(() -> dropDismissed(target)));
    }

    /** A queue with its own sender thread, so that this server's network waits delay no other server. */
    static ActionQueue forServer(String label, Outbox outbox, ActionTransport transport, RunStore store,
                                 PendingActions pending, UserDirectory users, Clock clock, Backoff backoff,
                                 JsonMapper mapper, Runnable sessionEnded, Supplier<String> myUserName) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("actions-" + label).daemon()
                .uncaughtExceptionHandler((t, e) -> LOG.log(Level.SEVERE, "Uncaught in " + t.getName(), e)).factory());
        return new ActionQueue(outbox, transport, store, pending, users, thread, clock, backoff, mapper,
                CONFIRM_FETCH_DELAY, sessionEnded, myUserName, Optional.of(thread));
    }

    @Override
    public CompletableFuture<Void> setItemState(String runId, String itemId, String newState) {
        String title = store.get(runId).flatMap(run -> ItemPosition.itemIn(run, itemId))
                .map(ChecklistItem::title).orElse(itemId);
        return submit(new SetItemState(runId, itemId, title, newState));
    }

    @Override
    public CompletableFuture<Void> changeOwner(String runId, String newOwnerUserId) {
        return submit(new ChangeOwner(runId, newOwnerUserId, users.displayName(newOwnerUserId)));
    }

    /**
     * Shown at once, committed by the writer in milliseconds whatever the network does, then sent. The
     * base is what the screen showed: a pending action's wanted value stands in for the server's, but
     * not one that failed — that never happened, so the user acted on the server's value.
     */
    @Override
    public CompletableFuture<Void> submit(Action action) {
        Instant now = clock.instant();
        Optional<ActionBase> base = store.get(action.runId()).map(run -> ActionBase.seen(action, run,
                pending.get(action.target()).filter(p -> !p.failed()).map(PendingAction::desiredValue)
                        .orElseGet(() -> action.valueIn(run).orElse(""))));
        PendingAction shown = PendingAction.unsavedPending(action.target(), action.description(),
                action.desiredValue(), now);
        unsaved.remove(action.target());
        pending.put(shown);
        Submission submission = new Submission(UUID.randomUUID().toString(), action, base, shown, now,
                new CompletableFuture<>());
        save(submission);
        return submission.accepted();
    }

    private void save(Submission s) {
        OutboxEntry.New row = new OutboxEntry.New(s.clientId(), s.action().kind().id(), s.action().kind().version(),
                s.action().scope().kind().stored(), s.action().scope().id(), s.action().target().subject(),
                s.action().payload(mapper).toString(), s.action().description(), s.at().toEpochMilli(),
                s.base().map(b -> b.toJson(mapper)).orElse(""));
        writer.append(row).whenComplete((entry, error) -> {
            if (error != null) {
                notSaved(s, error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
                return;
            }
            PendingAction saved = pending.saved(s.shown());
            sender.thread.execute(() -> {
                Tracked t = new Tracked(entry.seq(), s.clientId(), s.action(), s.accepted());
                t.base = s.base();
                t.shown = saved;
                sender.add(t);
            });
        });
    }

    /** The disk refused the action: visible, saying why in the user's terms, and kept for a retry. */
    private void notSaved(Submission s, Throwable cause) {
        LOG.log(Level.SEVERE, "Could not save an action to the outbox", cause);
        String why = cause instanceof StoreException store && store.reason() == StoreException.Reason.DISK_FULL
                ? "the disk is full. Free some space, then retry (Shift+R)"
                : ActionFailure.describe(cause) + ". Retry (Shift+R) to save it again";
        unsaved.put(s.action().target(), s);
        pending.unsaved(s.shown(), "Not saved on this computer and not sent: " + why);
        s.accepted().completeExceptionally(cause);
    }

    @Override
    public CompletableFuture<Void> retry(ActionTarget target) {
        Submission lost = unsaved.remove(target);
        if (lost != null) {
            return submit(lost.action());
        }
        CompletableFuture<Void> accepted = new CompletableFuture<>();
        sender.thread.execute(() -> retryHeld(target, accepted));
        return accepted;
    }

    /**
     * For a conflict this is "apply mine anyway": the server's version the user was shown becomes the
     * new base, so a change made after they chose is still caught. For an uncertain action it is "send
     * again": the user has looked and says it is not there.
     */
    private void retryHeld(ActionTarget target, CompletableFuture<Void> accepted) {
        Optional<Tracked> held = sender.tracked.values().stream()
                .filter(t -> t.action.target().equals(target) && t.givenUp())
                .max(Comparator.comparingLong(t -> t.seq));
        if (held.isEmpty()) {
            accepted.complete(null);
            return;
        }
        Tracked t = held.get();
        if (t.state == OutboxEntry.State.CONFLICT && t.serverBase != null) {
            t.base = Optional.of(t.serverBase);
            writer.rebase(t.seq, t.serverBase.toJson(mapper));
        }
        if (t.state == OutboxEntry.State.UNCERTAIN) {
            t.sentAt = 0;
        }
        t.serverBase = null;
        t.accepted = accepted;
        t.state = OutboxEntry.State.PENDING;
        t.waited = true;
        writer.update(t.seq, OutboxEntry.State.PENDING, "", false);
        t.shown = new PendingAction(t.action.target(), t.action.description(), t.action.desiredValue(),
                PendingAction.Status.PENDING, "", clock.instant());
        pending.put(t.shown);
        if (sender.signedOut) {
            sender.outcomes.showNote(t, WAITING_FOR_SIGN_IN);
        }
        sender.retryNow();
    }

    /** The user gave up on a failed action or kept the server's version (it left {@link PendingActions}): it leaves the outbox too. */
    private void dropDismissed(ActionTarget target) {
        if (pending.get(target).isPresent()) {
            return;
        }
        unsaved.remove(target);
        sender.tracked.values().removeIf(t -> {
            boolean dismissed = t.action.target().equals(target) && t.givenUp();
            if (dismissed) {
                writer.remove(t.seq);
            }
            return dismissed;
        });
    }

    /**
     * Loads what the outbox held when the app last stopped (crash or quit). Pending and sent actions
     * show as pending again and are checked against the server, then sent, by {@link #resume()} once
     * runs are loaded; failures, conflicts and doubts show as they were left. A row this build cannot
     * read is kept on disk, never sent, and shown as such.
     */
    void restore() {
        CompletableFuture<List<OutboxEntry>> stored = writer.read(writer.outbox()::entries);
        sender.thread.execute(() -> {
            List<OutboxEntry> entries;
            try {
                entries = stored.join();
            } catch (CompletionException e) {
                LOG.log(Level.SEVERE, "Could not read the outbox", e.getCause());
                return;
            }
            entries.forEach(this::restore);
        });
    }

    private void restore(OutboxEntry entry) {
        ActionKinds.Decoded decoded = kinds.decode(entry, mapper);
        if (decoded instanceof ActionKinds.Decoded.Unreadable unreadable) {
            LOG.warning(() -> "Kept outbox entry " + entry.seq() + " unsent: " + unreadable.why());
            pending.unreadable(entry.seq(), entry.description(), unreadable.why());
            return;
        }
        Action action = ((ActionKinds.Decoded.Readable) decoded).action();
        Tracked t = new Tracked(entry.seq(), entry.clientId(), action, new CompletableFuture<>());
        t.state = entry.state();
        t.attempts = entry.attempts();
        t.sentAt = entry.sentAt();
        t.base = ActionBase.fromJson(entry.base(), mapper);
        t.waited = true;
        t.shown = new PendingAction(action.target(), action.description(), action.desiredValue(),
                PendingAction.Status.PENDING, "", Instant.ofEpochMilli(entry.createdAt()));
        sender.tracked.put(entry.seq(), t);
        // Published once, as it was left: a restored conflict never shows as plain "pending" first.
        PendingAction visible = t.shown;
        Optional<ActionConflict.Stored> conflict = ActionConflict.fromJson(entry.conflict(), mapper);
        boolean held = t.state == OutboxEntry.State.CONFLICT || t.state == OutboxEntry.State.UNCERTAIN;
        if (held && conflict.isPresent()) {
            t.serverBase = t.state == OutboxEntry.State.CONFLICT ? conflict.get().serverBase() : null;
            visible = t.shown.conflictedWith(entry.error(), conflict.get().conflict());
        } else if (t.givenUp()) {
            visible = t.shown.failedWith(entry.error());
        }
        pending.put(visible);
    }

    /**
     * The server is reachable and runs are loaded: every waiting action is judged against the server
     * (done, conflict or send). Idempotent actions sent before a crash whose effect is not visible are
     * judged too and sent again if needed; a non-idempotent one is first looked for on the server.
     */
    void resume() {
        sender.thread.execute(sender::resume);
    }

    /**
     * The session is over (a 401 here or elsewhere): hold every action, say so on each, and send nothing until
     * {@link #resume()} — sending with a refused token would only earn more 401s.
     */
    void holdForSignIn() {
        sender.thread.execute(sender::holdForSignIn);
    }

    /**
     * "Retry now": the user asks not to wait out the pause after an outage. Does nothing while signed out —
     * only signing in again can help then.
     */
    void retryNow() {
        sender.thread.execute(sender::retryNow);
    }

    @Override
    public void close() {
        ownThread.ifPresent(ScheduledExecutorService::shutdownNow);
        writer.close();
    }

    /** What {@link #submit} knows before the outbox numbered the action. */
    private record Submission(String clientId, Action action, Optional<ActionBase> base, PendingAction shown,
                              Instant at, CompletableFuture<Void> accepted) {
    }
}
