package com.incidentconsole.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.ServerError;
import com.incidentconsole.client.TransportError;
import com.incidentconsole.sync.ReplayCheck.Verdict;
import com.incidentconsole.sync.store.Outbox;
import com.incidentconsole.sync.store.OutboxEntry;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbox in motion: every user action is written to the durable {@link Outbox} with what the
 * user saw when acting (its {@link ActionBase}), sent in the order the user acted, and kept visible
 * as a {@link PendingAction} until the run we hold shows it.
 *
 * <p>What happens on trouble: no answer (offline) or 5xx/429 → the action stays pending and the
 * queue pauses (honouring {@code Retry-After}) so later actions keep their order; 4xx or an action
 * that no longer makes sense → the action fails visibly with the reason and the queue moves on.
 *
 * <p>An action that has waited (offline, after a restart, after a retry) is compared with the
 * server's current run before it is sent ({@link ReplayCheck}): already there → done without
 * sending; someone else changed the same thing, or the run was finished or restored meanwhile →
 * {@link OutboxEntry.State#CONFLICT}, nothing sent, both versions kept for the user to choose. A
 * 4xx whose cause shows in the run (finished, item gone) becomes such a conflict too.
 * A 401 is not a refusal of the action but the end of the session (expired, revoked): the action
 * stays pending, visibly waiting for sign-in, and the queue holds everything in order until
 * {@link #resume()} after the user signed in again — an ended session must not fail the user's work.
 * All sending and outbox writes happen on the single {@code worker} thread.
 */
public final class ActionQueue implements RunCommands {

    private static final Logger LOG = Logger.getLogger(ActionQueue.class.getName());
    /** How long to wait for the confirming event before asking the server directly. */
    static final Duration CONFIRM_FETCH_DELAY = Duration.ofSeconds(3);
    /** The note on every action held while the session is over. */
    static final String WAITING_FOR_SIGN_IN = "Waiting for sign-in: the server ended the session";

    private final Outbox outbox;
    private final ActionTransport transport;
    private final RunStore store;
    private final PendingActions pending;
    private final UserDirectory users;
    private final ScheduledExecutorService worker;
    private final Clock clock;
    private final Backoff backoff;
    private final JsonMapper mapper;
    private final Duration confirmFetchDelay;
    private final Map<Long, Tracked> tracked = new ConcurrentSkipListMap<>();
    private volatile Instant pausedUntil = Instant.MIN;
    private int consecutiveRetries;
    private final Runnable sessionEnded;
    /** The server ended the session: nothing is sent until {@link #resume()} (worker thread only). */
    private boolean signedOut;

    ActionQueue(Outbox outbox, ActionTransport transport, RunStore store, PendingActions pending, UserDirectory users,
                ScheduledExecutorService worker, Clock clock, Backoff backoff, JsonMapper mapper,
                Duration confirmFetchDelay) {
        this(outbox, transport, store, pending, users, worker, clock, backoff, mapper, confirmFetchDelay, () -> { });
    }

    /** @param sessionEnded told (on the worker) when the server answered 401: the session is over, not the action */
    ActionQueue(Outbox outbox, ActionTransport transport, RunStore store, PendingActions pending, UserDirectory users,
                ScheduledExecutorService worker, Clock clock, Backoff backoff, JsonMapper mapper,
                Duration confirmFetchDelay, Runnable sessionEnded) {
        this.sessionEnded = sessionEnded;
        this.confirmFetchDelay = confirmFetchDelay;
        this.outbox = outbox;
        this.transport = transport;
        this.store = store;
        this.pending = pending;
        this.users = users;
        this.worker = worker;
        this.clock = clock;
        this.backoff = backoff;
        this.mapper = mapper;
        store.subscribe(change -> change.upserted().forEach(run -> worker.execute(() -> confirmSettled(run))));
        // The UI dismisses a failed action (or keeps the server's side of a conflict) through PendingActions; the outbox follows.
        pending.subscribe(target -> worker.execute(() -> dropDismissed(target)));
    }

    @Override
    public CompletableFuture<Void> setItemState(String runId, String itemId, String newState) {
        String title = store.get(runId).flatMap(run -> RunAction.ItemPosition.itemIn(run, itemId))
                .map(ChecklistItem::title).orElse(itemId);
        return enqueue(new RunAction.SetItemState(runId, itemId, title, newState));
    }

    @Override
    public CompletableFuture<Void> changeOwner(String runId, String newOwnerUserId) {
        return enqueue(new RunAction.ChangeOwner(runId, newOwnerUserId, users.displayName(newOwnerUserId)));
    }

    /**
     * Sends a failed action again. For a conflict this is "apply mine anyway": the server's version
     * the user was shown becomes the new base, so a change made after they chose is still caught.
     */
    @Override
    public CompletableFuture<Void> retry(ActionTarget target) {
        CompletableFuture<Void> accepted = new CompletableFuture<>();
        worker.execute(() -> {
            Optional<Tracked> failed = tracked.values().stream()
                    .filter(t -> t.action.target().equals(target) && isGivenUp(t))
                    .max(Comparator.comparingLong(t -> t.seq));
            if (failed.isEmpty()) {
                accepted.complete(null);
                return;
            }
            Tracked t = failed.get();
            if (t.state == OutboxEntry.State.CONFLICT && t.serverBase != null) {
                t.base = Optional.of(t.serverBase);
                outbox.rebase(t.seq, t.serverBase.toJson(mapper));
            }
            t.serverBase = null;
            t.accepted = accepted;
            t.state = OutboxEntry.State.PENDING;
            t.waited = true;
            outbox.update(t.seq, OutboxEntry.State.PENDING, "", false);
            t.shown = newPending(t.action, clock.instant());
            pending.put(t.shown);
            if (signedOut) {
                showNote(t, WAITING_FOR_SIGN_IN);
            }
            pausedUntil = Instant.MIN;
            drain();
        });
        return accepted;
    }

    /** The user gave up on a failed action or kept the server's version (it left {@link PendingActions}): it leaves the outbox too. */
    private void dropDismissed(ActionTarget target) {
        if (pending.get(target).isPresent()) {
            return;
        }
        tracked.values().removeIf(t -> {
            boolean dismissed = t.action.target().equals(target) && isGivenUp(t);
            if (dismissed) {
                outbox.remove(t.seq);
            }
            return dismissed;
        });
    }

    /**
     * Loads what the outbox held when the app last stopped (crash or quit). Pending and sent actions
     * show as pending again and are checked against the server, then sent, by {@link #resume()}
     * once runs are loaded; failures and conflicts show as they were left.
     */
    void restore() {
        worker.execute(() -> {
            for (OutboxEntry entry : outbox.entries()) {
                Optional<RunAction> action = RunAction.restore(entry.kind(), entry.runId(), entry.payload(), mapper);
                if (action.isEmpty()) {
                    LOG.warning(() -> "Kept an outbox entry of unknown kind " + entry.kind() + " (newer build?)");
                    continue;
                }
                Tracked t = new Tracked(entry.seq(), action.get(), new CompletableFuture<>());
                t.state = entry.state();
                t.attempts = entry.attempts();
                t.base = ActionBase.fromJson(entry.base(), mapper);
                t.waited = true;
                t.shown = newPending(action.get(), Instant.ofEpochMilli(entry.createdAt()));
                tracked.put(entry.seq(), t);
                // Published once, as it was left: a restored conflict never shows as plain "pending" first.
                PendingAction visible = t.shown;
                Optional<ActionConflict.Stored> conflict = ActionConflict.fromJson(entry.conflict(), mapper);
                if (t.state == OutboxEntry.State.CONFLICT && conflict.isPresent()) {
                    t.serverBase = conflict.get().serverBase();
                    visible = t.shown.conflictedWith(entry.error(), conflict.get().conflict());
                } else if (isGivenUp(t)) {
                    visible = t.shown.failedWith(entry.error());
                }
                pending.put(visible);
            }
        });
    }

    /**
     * The server is reachable and runs are loaded: every waiting action is compared with the
     * server (done, conflict or send). Actions sent before a crash whose effect is not visible are
     * compared too: if the server shows them they are done, otherwise they are sent again — safely,
     * as both kinds are idempotent on the server.
     */
    void resume() {
        worker.execute(() -> {
            for (Tracked t : tracked.values()) {
                if (t.state == OutboxEntry.State.SENT) {
                    t.state = OutboxEntry.State.PENDING;
                }
                if (t.state == OutboxEntry.State.PENDING) {
                    t.waited = true;
                }
            }
            signedOut = false;
            pausedUntil = Instant.MIN;
            drain();
        });
    }

    /**
     * The session is over (a 401 here or elsewhere): hold every action, say so on each, and send nothing until
     * {@link #resume()} — sending with a refused token would only earn more 401s.
     */
    void holdForSignIn() {
        worker.execute(() -> {
            signedOut = true;
            for (Tracked t : tracked.values()) {
                if (t.state == OutboxEntry.State.PENDING) {
                    t.waited = true;
                    showNote(t, WAITING_FOR_SIGN_IN);
                }
            }
        });
    }

    /**
     * "Retry now": the user asks not to wait out the pause after an outage. Does nothing while signed out —
     * only signing in again can help then.
     */
    void retryNow() {
        worker.execute(() -> {
            if (!signedOut) {
                pausedUntil = Instant.MIN;
                drain();
            }
        });
    }

    private CompletableFuture<Void> enqueue(RunAction action) {
        Tracked t = new Tracked(-1, action, new CompletableFuture<>());
        Instant now = clock.instant();
        // What the user saw when acting: a pending action's wanted value shows in place of the server's.
        t.base = store.get(action.runId()).map(run -> ActionBase.seen(action, run, pending.get(action.target())
                .map(PendingAction::desiredValue).orElseGet(() -> action.valueIn(run).orElse(""))));
        // Shown at once: the user sees the intended value before the disk or the network answer.
        t.shown = newPending(action, now);
        pending.put(t.shown);
        worker.execute(() -> {
            supersede(t);
            t.waited = signedOut || clock.instant().isBefore(pausedUntil);
            try {
                OutboxEntry entry = outbox.append(action.kind(), action.runId(), action.target().subject(),
                        mapper.writeValueAsString(action.payload()), action.description(), now.toEpochMilli(),
                        t.base.map(b -> b.toJson(mapper)).orElse(""));
                t.seq = entry.seq();
                tracked.put(t.seq, t);
                if (signedOut) {
                    showNote(t, WAITING_FOR_SIGN_IN);
                }
                drain();
            } catch (JsonProcessingException | RuntimeException e) {
                LOG.log(Level.SEVERE, "Could not save an action to the outbox", e);
                pending.fail(t.shown, "Could not save this action locally: " + e.getMessage());
                t.accepted.completeExceptionally(e);
            }
        });
        return t.accepted;
    }

    /**
     * A newer action on the same target replaces one that was never sent or that failed: only the
     * user's last intent goes out. It inherits the replaced one's base — the user's chain of intent
     * started from what that one saw (or, after a conflict, from the server's version they were shown).
     */
    private void supersede(Tracked newer) {
        ActionTarget target = newer.action.target();
        tracked.values().removeIf(t -> {
            if (!t.action.target().equals(target)) {
                return false;
            }
            boolean unsent = t.state == OutboxEntry.State.PENDING && t.attempts == 0;
            if (unsent || isGivenUp(t)) {
                newer.base = t.serverBase != null ? Optional.of(t.serverBase) : t.base;
                outbox.remove(t.seq);
                t.accepted.complete(null);
                return true;
            }
            t.superseded = true;
            return false;
        });
    }

    private void drain() {
        if (signedOut || clock.instant().isBefore(pausedUntil)) {
            return;
        }
        for (Tracked t : tracked.values()) {
            if (t.state != OutboxEntry.State.PENDING) {
                continue;
            }
            if (!sendOne(t)) {
                return;
            }
        }
    }

    /** @return false when the queue must pause (offline, server busy) to keep the order */
    private boolean sendOne(Tracked t) {
        boolean sent = false;
        try {
            PlaybookRun current = mustAskServer(t) ? fetchFresh(t.action.runId())
                    : store.get(t.action.runId()).orElseGet(() -> fetchFresh(t.action.runId()));
            Verdict verdict = ReplayCheck.judge(t.action, current, t.base);
            if (verdict instanceof Verdict.Done) {
                consecutiveRetries = 0;
                settledWithoutSending(t);
                return true;
            }
            if (verdict instanceof Verdict.Conflicted conflicted) {
                consecutiveRetries = 0;
                conflict(t, conflicted, false);
                return true;
            }
            sent = true;
            t.attempts++;
            t.action.send(transport, current);
        } catch (TransportError offline) {
            waitForServer(t, "Waiting for the server: " + offline.getMessage(), sent, Optional.empty());
            return false;
        } catch (ServerError error) {
            if (error.isUnauthorized()) {
                waitForSignIn(t, sent);
                return false;
            }
            if (error.isRetryable()) {
                waitForServer(t, ActionFailure.describe(error), sent, error.retryAfter());
                return false;
            }
            refused(t, error, sent);
            return true;
        } catch (RuntimeException rejected) {
            failVisibly(t, ActionFailure.describe(rejected), sent);
            return true;
        }
        consecutiveRetries = 0;
        t.state = OutboxEntry.State.SENT;
        outbox.update(t.seq, OutboxEntry.State.SENT, "", true);
        t.accepted.complete(null);
        if (t.superseded) {
            forget(t);
            return true;
        }
        store.get(t.action.runId()).ifPresent(this::confirmSettled);
        if (tracked.containsKey(t.seq)) {
            worker.schedule(() -> settleByFetching(t), confirmFetchDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
        return true;
    }

    /**
     * The run we hold is good enough to judge a fresh action by (it is what the user just saw). Not
     * after waiting — the server may have moved on — nor while an earlier action of ours on the same
     * target is accepted but not yet visible in the run we hold.
     */
    private boolean mustAskServer(Tracked t) {
        return t.waited || !t.action.idempotent() || tracked.values().stream()
                .anyMatch(o -> o.seq < t.seq && o.action.target().equals(t.action.target())
                        && o.state == OutboxEntry.State.SENT);
    }

    private PlaybookRun fetchFresh(String runId) {
        PlaybookRun fresh = transport.fetchRun(runId);
        store.upsert(fresh);
        return fresh;
    }

    /** The action is still on its way, but the user sees why it is taking long (and that it is retried). */
    private void waitForServer(Tracked t, String note, boolean sent, Optional<Duration> advised) {
        t.waited = true;
        outbox.update(t.seq, OutboxEntry.State.PENDING, note, sent);
        showNote(t, note);
        Duration wait = backoff.delay(++consecutiveRetries);
        pauseFor(advised.filter(r -> r.compareTo(wait) > 0).orElse(wait));
    }

    /** A 401: the session ended, not the action. It waits, first in line, for the user to sign in again. */
    private void waitForSignIn(Tracked t, boolean sent) {
        outbox.update(t.seq, OutboxEntry.State.PENDING, WAITING_FOR_SIGN_IN, sent);
        boolean first = !signedOut;
        signedOut = true;
        for (Tracked each : tracked.values()) {
            if (each.state == OutboxEntry.State.PENDING) {
                each.waited = true;
                showNote(each, WAITING_FOR_SIGN_IN);
            }
        }
        if (first) {
            LOG.info("The server ended the session (401): holding the outbox until signed in again");
            sessionEnded.run();
        }
    }

    /**
     * A 4xx. When the run shows why — finished meanwhile, the item gone, someone else's change —
     * it is a conflict carrying the server's words; otherwise a plain, visible refusal.
     */
    private void refused(Tracked t, ServerError error, boolean sent) {
        String reason = ActionFailure.describe(error);
        if (!sent) {
            failVisibly(t, reason, false); // the run itself could not be read: nothing to compare with
            return;
        }
        Optional<PlaybookRun> fresh;
        try {
            fresh = Optional.of(fetchFresh(t.action.runId()));
        } catch (RuntimeException unreadable) {
            fresh = Optional.empty();
        }
        Verdict verdict = fresh.map(run -> ReplayCheck.judge(t.action, run, t.base))
                .orElse(new Verdict.Send());
        if (verdict instanceof Verdict.Done) {
            settledWithoutSending(t);
        } else if (verdict instanceof Verdict.Conflicted conflicted) {
            String said = error.serverMessage().isBlank() ? String.valueOf(error.status())
                    : error.serverMessage().strip() + " (" + error.status() + ")";
            conflict(t, new Verdict.Conflicted(conflicted.conflict().withServerMessage(said),
                    conflicted.serverBase()), true);
        } else {
            failVisibly(t, reason, true);
        }
    }

    private void showNote(Tracked t, String note) {
        if (pending.get(t.action.target()).filter(shown -> shown == t.shown).isPresent()) {
            t.shown = new PendingAction(t.shown.target(), t.shown.description(), t.shown.desiredValue(),
                    PendingAction.Status.PENDING, note, t.shown.startedAt());
            pending.put(t.shown);
        }
    }

    private void pauseFor(Duration wait) {
        pausedUntil = clock.instant().plus(wait);
        // Whatever waits behind the pause is compared with the server before it goes out.
        tracked.values().stream().filter(t -> t.state == OutboxEntry.State.PENDING).forEach(t -> t.waited = true);
        worker.schedule(this::drain, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void confirmSettled(PlaybookRun run) {
        for (Tracked t : tracked.values()) {
            if (t.action.runId().equals(run.id()) && t.state == OutboxEntry.State.SENT && t.action.isSettledIn(run)) {
                forget(t);
                pending.confirm(t.shown);
            }
        }
    }

    /** The confirming event did not come (lost, or another client changed the value): ask the server. */
    private void settleByFetching(Tracked t) {
        if (!tracked.containsKey(t.seq) || t.state != OutboxEntry.State.SENT) {
            return;
        }
        if (t.superseded) {
            forget(t); // a newer action on the same target decides what the value should be
            return;
        }
        PlaybookRun fresh;
        try {
            fresh = transport.fetchRun(t.action.runId());
        } catch (RuntimeException e) {
            return; // Offline again: the next resync settles it; the action stays visibly pending.
        }
        store.upsert(fresh);
        confirmSettled(fresh);
        if (tracked.containsKey(t.seq)) {
            // Accepted, then changed by someone else (or undone): theirs is the newer word, but not silently.
            conflict(t, ReplayCheck.changedAfterSending(t.action, fresh, t.base), false);
        }
    }

    private void settledWithoutSending(Tracked t) {
        forget(t);
        pending.confirm(t.shown);
        t.accepted.complete(null);
    }

    private void conflict(Tracked t, Verdict.Conflicted verdict, boolean sent) {
        if (t.superseded) {
            handOver(t);
            return;
        }
        String sentence = ActionFailure.describe(verdict.conflict(), t.action, users::displayName);
        t.state = OutboxEntry.State.CONFLICT;
        t.serverBase = verdict.serverBase();
        outbox.markConflict(t.seq, sentence, verdict.conflict().toJson(mapper, verdict.serverBase()), sent);
        pending.conflict(t.shown, sentence, verdict.conflict());
        LOG.info(() -> "Not sent, in conflict with the server: " + t.action.description() + " — " + sentence);
        t.accepted.completeExceptionally(new ActionFailure.ActionRejected(sentence));
    }

    private void failVisibly(Tracked t, String reason, boolean sent) {
        if (t.superseded) {
            handOver(t);
            return;
        }
        t.state = OutboxEntry.State.FAILED;
        outbox.update(t.seq, OutboxEntry.State.FAILED, reason, sent);
        pending.fail(t.shown, reason);
        t.accepted.completeExceptionally(new ActionFailure.ActionRejected(reason));
    }

    /**
     * An action the user already replaced on the same target did not go through: the newer one
     * decides, judged from what this one saw (it never reached the server, so the screen's value the
     * newer one was based on is not on the server either).
     */
    private void handOver(Tracked older) {
        tracked.values().stream()
                .filter(t -> t.seq > older.seq && t.action.target().equals(older.action.target()))
                .min(Comparator.comparingLong(t -> t.seq))
                .ifPresent(newer -> {
                    newer.base = older.base;
                    outbox.rebase(newer.seq, older.base.map(b -> b.toJson(mapper)).orElse(""));
                });
        forget(older);
        older.accepted.complete(null);
    }

    private void forget(Tracked t) {
        tracked.remove(t.seq);
        outbox.remove(t.seq);
    }

    private static boolean isGivenUp(Tracked t) {
        return t.state == OutboxEntry.State.FAILED || t.state == OutboxEntry.State.CONFLICT;
    }

    private PendingAction newPending(RunAction action, Instant startedAt) {
        return new PendingAction(action.target(), action.description(), action.desiredValue(),
                PendingAction.Status.PENDING, "", startedAt);
    }

    /** Worker-thread bookkeeping for one outbox entry. */
    private static final class Tracked {
        long seq;
        final RunAction action;
        CompletableFuture<Void> accepted;
        OutboxEntry.State state = OutboxEntry.State.PENDING;
        int attempts;
        boolean superseded;
        PendingAction shown;
        /** What the user saw when acting; empty for entries from a build that did not record it. */
        Optional<ActionBase> base = Optional.empty();
        /** The server's version while in conflict: the base "apply mine" sends against. */
        ActionBase serverBase;
        /** Offline, restarted, retried or queued behind a pause: compare with the server before sending. */
        boolean waited;

        Tracked(long seq, RunAction action, CompletableFuture<Void> accepted) {
            this.seq = seq;
            this.action = action;
            this.accepted = accepted;
        }
    }
}
