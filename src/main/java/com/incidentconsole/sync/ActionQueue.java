package com.incidentconsole.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.ServerError;
import com.incidentconsole.client.TransportError;
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
 * The outbox in motion: every user action is written to the durable {@link Outbox}, sent in the
 * order the user acted, and kept visible as a {@link PendingAction} until the run we hold shows it.
 *
 * <p>What happens on trouble: no answer (offline) or 5xx/429 → the action stays pending and the
 * queue pauses (honouring {@code Retry-After}) so later actions keep their order; 4xx or an action
 * that no longer makes sense → the action fails visibly with the reason and the queue moves on.
 * All sending and outbox writes happen on the single {@code worker} thread.
 */
public final class ActionQueue implements RunCommands {

    private static final Logger LOG = Logger.getLogger(ActionQueue.class.getName());
    /** How long to wait for the confirming event before asking the server directly. */
    static final Duration CONFIRM_FETCH_DELAY = Duration.ofSeconds(3);

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

    ActionQueue(Outbox outbox, ActionTransport transport, RunStore store, PendingActions pending, UserDirectory users,
                ScheduledExecutorService worker, Clock clock, Backoff backoff, JsonMapper mapper,
                Duration confirmFetchDelay) {
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
        // The UI dismisses a failed action through PendingActions; the outbox follows.
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

    @Override
    public CompletableFuture<Void> retry(ActionTarget target) {
        CompletableFuture<Void> accepted = new CompletableFuture<>();
        worker.execute(() -> {
            Optional<Tracked> failed = tracked.values().stream()
                    .filter(t -> t.action.target().equals(target) && t.state != OutboxEntry.State.PENDING
                            && t.state != OutboxEntry.State.SENT)
                    .max(Comparator.comparingLong(t -> t.seq));
            if (failed.isEmpty()) {
                accepted.complete(null);
                return;
            }
            Tracked t = failed.get();
            t.accepted = accepted;
            t.state = OutboxEntry.State.PENDING;
            outbox.update(t.seq, OutboxEntry.State.PENDING, "", false);
            t.shown = newPending(t.action);
            pending.put(t.shown);
            pausedUntil = Instant.MIN;
            drain();
        });
        return accepted;
    }

    /** The user gave up on a failed action (it left {@link PendingActions}): it leaves the outbox too. */
    private void dropDismissed(ActionTarget target) {
        if (pending.get(target).isPresent()) {
            return;
        }
        tracked.values().removeIf(t -> {
            boolean dismissed = t.action.target().equals(target)
                    && (t.state == OutboxEntry.State.FAILED || t.state == OutboxEntry.State.CONFLICT);
            if (dismissed) {
                outbox.remove(t.seq);
            }
            return dismissed;
        });
    }

    /**
     * Loads what the outbox held when the app last stopped (crash or quit). Pending and sent actions
     * show as pending again and are sent by {@link #resume()} once runs are loaded.
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
                t.shown = newPending(action.get());
                tracked.put(entry.seq(), t);
                pending.put(t.shown);
                if (t.state == OutboxEntry.State.FAILED || t.state == OutboxEntry.State.CONFLICT) {
                    pending.fail(t.shown, entry.error());
                }
            }
        });
    }

    /**
     * The server is reachable and runs are loaded: settle what the server already shows, send the rest.
     * Actions sent before a crash whose effect is not visible are sent again — safely, as both kinds
     * are idempotent on the server.
     */
    void resume() {
        worker.execute(() -> {
            for (Tracked t : tracked.values()) {
                if (t.state == OutboxEntry.State.SENT) {
                    t.state = OutboxEntry.State.PENDING;
                }
                store.get(t.action.runId()).ifPresent(this::confirmSettled);
            }
            pausedUntil = Instant.MIN;
            drain();
        });
    }

    private CompletableFuture<Void> enqueue(RunAction action) {
        Tracked t = new Tracked(-1, action, new CompletableFuture<>());
        // Shown at once: the user sees the intended value before the disk or the network answer.
        t.shown = newPending(action);
        pending.put(t.shown);
        worker.execute(() -> {
            supersedeUnsent(action.target());
            try {
                OutboxEntry entry = outbox.append(action.kind(), action.runId(), action.target().subject(),
                        mapper.writeValueAsString(action.payload()), action.description(), clock.millis());
                t.seq = entry.seq();
                tracked.put(t.seq, t);
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
     * user's last intent goes out.
     */
    private void supersedeUnsent(ActionTarget target) {
        tracked.values().removeIf(t -> {
            boolean unsent = t.state == OutboxEntry.State.PENDING && t.attempts == 0;
            boolean givenUp = t.state == OutboxEntry.State.FAILED || t.state == OutboxEntry.State.CONFLICT;
            if (t.action.target().equals(target) && (unsent || givenUp)) {
                outbox.remove(t.seq);
                t.accepted.complete(null);
                return true;
            }
            if (t.action.target().equals(target)) {
                t.superseded = true;
            }
            return false;
        });
    }

    private void drain() {
        if (clock.instant().isBefore(pausedUntil)) {
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
        t.attempts++;
        try {
            PlaybookRun current = store.get(t.action.runId()).orElseGet(() -> transport.fetchRun(t.action.runId()));
            t.action.send(transport, current);
        } catch (TransportError offline) {
            String note = "Waiting for the server: " + offline.getMessage();
            outbox.update(t.seq, OutboxEntry.State.PENDING, note, true);
            showNote(t, note);
            pauseFor(backoff.delay(++consecutiveRetries));
            return false;
        } catch (ServerError error) {
            if (error.isRetryable()) {
                outbox.update(t.seq, OutboxEntry.State.PENDING, ActionFailure.describe(error), true);
                showNote(t, ActionFailure.describe(error));
                Duration wait = backoff.delay(++consecutiveRetries);
                pauseFor(error.retryAfter().filter(r -> r.compareTo(wait) > 0).orElse(wait));
                return false;
            }
            failVisibly(t, OutboxEntry.State.FAILED, ActionFailure.describe(error));
            return true;
        } catch (RuntimeException rejected) {
            failVisibly(t, OutboxEntry.State.FAILED, ActionFailure.describe(rejected));
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

    /** The action is still on its way, but the user sees why it is taking long (and that it is retried). */
    private void showNote(Tracked t, String note) {
        if (pending.get(t.action.target()).filter(shown -> shown == t.shown).isPresent()) {
            t.shown = new PendingAction(t.shown.target(), t.shown.description(), t.shown.desiredValue(),
                    PendingAction.Status.PENDING, note, t.shown.startedAt());
            pending.put(t.shown);
        }
    }

    private void pauseFor(Duration wait) {
        pausedUntil = clock.instant().plus(wait);
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
            failVisibly(t, OutboxEntry.State.CONFLICT,
                    "The server accepted this, but now shows a different value — someone else changed it");
        }
    }

    private void failVisibly(Tracked t, OutboxEntry.State state, String reason) {
        t.state = state;
        outbox.update(t.seq, state, reason, false);
        pending.fail(t.shown, reason);
        t.accepted.completeExceptionally(new ActionFailure.ActionRejected(reason));
    }

    private void forget(Tracked t) {
        tracked.remove(t.seq);
        outbox.remove(t.seq);
    }

    private PendingAction newPending(RunAction action) {
        return new PendingAction(action.target(), action.description(), action.desiredValue(),
                PendingAction.Status.PENDING, "", clock.instant());
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

        Tracked(long seq, RunAction action, CompletableFuture<Void> accepted) {
            this.seq = seq;
            this.action = action;
            this.accepted = accepted;
        }
    }
}
