package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.ServerError;
import com.incidentconsole.client.TransportError;
import com.incidentconsole.sync.ReplayCheck.Verdict;
import com.incidentconsole.sync.store.OutboxEntry;
import com.incidentconsole.wire.PlaybookRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds, in the order the user acted, on one workspace's own thread — the only
 * thread that waits on the network, so a hanging server delays neither the outbox writes nor another
 * server's sending. What happens on trouble: no answer (offline) or 5xx/429 → the action stays pending
 * and the queue pauses (honouring {@code Retry-After}) so later actions keep their order; 4xx or an
 * action that no longer makes sense → it fails visibly with the reason and the queue moves on; 401 →
 * everything is held for sign-in.
 *
 * <p>An action that has waited is judged against the server's run first (the kind's
 * {@link Action#judge}: done, conflict or send). A non-idempotent action a request for which may be
 * on the server is asked {@link Action#tookEffect} before any resend; when the server cannot tell it
 * becomes {@link OutboxEntry.State#UNCERTAIN} and the user decides. All state here is sender-thread only.
 */
final class ActionSender {

    private static final Logger LOG = Logger.getLogger(ActionSender.class.getName());

    private final OutboxWriter writer;
    private final ActionTransport transport;
    private final RunStore store;
    private final PendingActions pending;
    final ScheduledExecutorService thread;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration confirmFetchDelay;
    private final Runnable sessionEnded;
    private final Supplier<String> myUserName;
    final Map<Long, Tracked> tracked = new ConcurrentSkipListMap<>();
    /** How an action ends or is held; shared with the queue's retry path. */
    final ActionOutcomes outcomes;
    private Instant pausedUntil = Instant.MIN;
    private int consecutiveRetries;
    /** The server ended the session: nothing is sent until {@link #resume()}. */
    boolean signedOut;

    ActionSender(OutboxWriter writer, ActionTransport transport, RunStore store, PendingActions pending,
                 UserDirectory users, ScheduledExecutorService thread, Clock clock, Backoff backoff, JsonMapper mapper,
                 Duration confirmFetchDelay, Runnable sessionEnded, Supplier<String> myUserName) {
        this.writer = writer;
        this.transport = transport;
        this.store = store;
        this.pending = pending;
        this.thread = thread;
        this.clock = clock;
        this.backoff = backoff;
        this.confirmFetchDelay = confirmFetchDelay;
        this.sessionEnded = sessionEnded;
        this.myUserName = myUserName;
        this.outcomes = new ActionOutcomes(writer, pending, users, mapper, tracked);
    }

    /** A newly saved action joins the queue (after replacing any unsent one on its target). */
    void add(Tracked t) {
        supersede(t);
        t.waited = signedOut || clock.instant().isBefore(pausedUntil);
        tracked.put(t.seq, t);
        if (signedOut) {
            outcomes.showNote(t, ActionQueue.WAITING_FOR_SIGN_IN);
        }
        drain();
    }

    /**
     * A newer action on the same target replaces one that was never sent or that failed: only the
     * user's last intent goes out. It inherits the replaced one's base — the user's chain of intent
     * started from what that one saw (or, after a conflict, from the server's version they were shown).
     */
    private void supersede(Tracked newer) {
        tracked.values().removeIf(t -> {
            if (!t.sameTarget(newer)) {
                return false;
            }
            if (t.unsent() || t.givenUp()) {
                newer.base = t.serverBase != null ? Optional.of(t.serverBase) : t.base;
                writer.remove(t.seq);
                t.accepted.complete(null);
                return true;
            }
            t.superseded = true;
            return false;
        });
    }

    void resume() {
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
    }

    void holdForSignIn() {
        signedOut = true;
        for (Tracked t : tracked.values()) {
            if (t.state == OutboxEntry.State.PENDING) {
                t.waited = true;
                outcomes.showNote(t, ActionQueue.WAITING_FOR_SIGN_IN);
            }
        }
    }

    void retryNow() {
        if (!signedOut) {
            pausedUntil = Instant.MIN;
            drain();
        }
    }

    void drain() {
        if (signedOut || clock.instant().isBefore(pausedUntil)) {
            return;
        }
        for (Tracked t : tracked.values()) {
            if (t.state == OutboxEntry.State.PENDING && !sendOne(t)) {
                return;
            }
        }
    }

    /** @return false when the queue must pause (offline, server busy) to keep the order */
    private boolean sendOne(Tracked t) {
        boolean sent = false;
        try {
            // A kind outside any run (ADR 0025) reads its own scope's state; there is no run to fetch for it.
            PlaybookRun current = t.action instanceof OutsideRunAction ? null
                    : mustAskServer(t) ? fetchFresh(t.action.runId())
                    : store.get(t.action.runId()).orElseGet(() -> fetchFresh(t.action.runId()));
            if (t.inDoubt()) {
                Action.Settlement settlement = t.action.tookEffect(transport, current, t.sentAt, myUserName.get());
                if (settlement == Action.Settlement.TOOK_EFFECT) {
                    consecutiveRetries = 0;
                    outcomes.settledWithoutSending(t);
                    return true;
                }
                if (settlement == Action.Settlement.UNKNOWN) {
                    consecutiveRetries = 0;
                    outcomes.uncertain(t);
                    return true;
                }
            }
            Verdict verdict = t.action.judge(current, t.base);
            if (verdict instanceof Verdict.Done) {
                consecutiveRetries = 0;
                outcomes.settledWithoutSending(t);
                return true;
            }
            if (verdict instanceof Verdict.Conflicted conflicted) {
                consecutiveRetries = 0;
                outcomes.conflict(t, conflicted);
                return true;
            }
            if (!recordSending(t)) {
                return true;
            }
            sent = true;
            if (t.action instanceof OutsideRunAction outside) {
                // The run it made goes into the store now: the screen opens it without waiting for the event.
                outside.sendOutsideRun(transport).ifPresent(store::upsert);
            } else {
                t.action.send(transport, current);
            }
        } catch (TransportError offline) {
            waitForServer(t, "Waiting for the server: " + offline.getMessage(), Optional.empty());
            return false;
        } catch (ServerError error) {
            if (error.isUnauthorized()) {
                waitForSignIn(t);
                return false;
            }
            if (error.isRetryable()) {
                waitForServer(t, ActionFailure.describe(error), error.retryAfter());
                return false;
            }
            refused(t, error, sent);
            return true;
        } catch (ActionFailure.ActionRejected rejected) {
            outcomes.failVisibly(t, rejected.getMessage());
            return true;
        } catch (RuntimeException bug) {
            // Not a refusal: a fault of this build. Logged as one, and still shown on the action, never swallowed.
            LOG.log(Level.SEVERE, "Unexpected failure while sending " + t.action.description(), bug);
            outcomes.failVisibly(t, ActionFailure.describe(bug));
            return true;
        }
        accepted(t);
        return true;
    }

    /**
     * Notes that a request is leaving. For a non-idempotent action the note is committed before the
     * request goes, so that a crash right after cannot lead to a blind resend; if it cannot be written
     * (a full disk), nothing is sent.
     */
    private boolean recordSending(Tracked t) {
        t.attempts++;
        t.sentAt = clock.millis();
        if (t.action.idempotent()) {
            writer.markSending(t.seq, t.sentAt);
            return true;
        }
        try {
            writer.markSending(t.seq, t.sentAt).join();
            return true;
        } catch (CompletionException e) {
            t.sentAt = 0;
            outcomes.failVisibly(t, "Not sent: " + ActionFailure.describe(e));
            return false;
        }
    }

    private void accepted(Tracked t) {
        consecutiveRetries = 0;
        if (t.action.settledByAcceptance()) {
            outcomes.settledWithoutSending(t);
            return;
        }
        t.state = OutboxEntry.State.SENT;
        writer.update(t.seq, OutboxEntry.State.SENT, "", false);
        t.accepted.complete(null);
        if (t.superseded) {
            outcomes.forget(t);
            return;
        }
        store.get(t.action.runId()).ifPresent(this::confirmSettled);
        if (tracked.containsKey(t.seq)) {
            thread.schedule(() -> settleByFetching(t), confirmFetchDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The run we hold is good enough to judge a fresh action by (it is what the user just saw). Not
     * after waiting — the server may have moved on — nor for a non-idempotent action, nor while an
     * earlier action of ours on the same target is accepted but not yet visible in the run we hold.
     */
    private boolean mustAskServer(Tracked t) {
        return t.waited || !t.action.idempotent() || tracked.values().stream()
                .anyMatch(o -> o.seq < t.seq && o.sameTarget(t) && o.state == OutboxEntry.State.SENT);
    }

    private PlaybookRun fetchFresh(String runId) {
        PlaybookRun fresh = transport.fetchRun(runId);
        store.upsert(fresh);
        return fresh;
    }

    /** The action is still on its way, but the user sees why it is taking long (and that it is retried). */
    private void waitForServer(Tracked t, String note, Optional<Duration> advised) {
        t.waited = true;
        writer.update(t.seq, OutboxEntry.State.PENDING, note, false);
        outcomes.showNote(t, note);
        Duration wait = backoff.delay(++consecutiveRetries);
        pauseFor(advised.filter(r -> r.compareTo(wait) > 0).orElse(wait));
    }

    /** A 401: the session ended, not the action. It waits, first in line, for the user to sign in again. */
    private void waitForSignIn(Tracked t) {
        writer.update(t.seq, OutboxEntry.State.PENDING, ActionQueue.WAITING_FOR_SIGN_IN, false);
        boolean first = !signedOut;
        holdForSignIn();
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
        if (!sent || t.action instanceof OutsideRunAction) {
            outcomes.failVisibly(t, reason); // the run itself could not be read: nothing to compare with
            return;
        }
        Optional<PlaybookRun> fresh;
        try {
            fresh = Optional.of(fetchFresh(t.action.runId()));
        } catch (TransportError | ServerError unreadable) {
            fresh = Optional.empty();
        }
        Verdict verdict = fresh.map(run -> t.action.judge(run, t.base)).orElse(new Verdict.Send());
        if (verdict instanceof Verdict.Done) {
            outcomes.settledWithoutSending(t);
        } else if (verdict instanceof Verdict.Conflicted conflicted) {
            String said = error.serverMessage().isBlank() ? String.valueOf(error.status())
                    : error.serverMessage().strip() + " (" + error.status() + ")";
            outcomes.conflict(t, new Verdict.Conflicted(conflicted.conflict().withServerMessage(said),
                    conflicted.serverBase()));
        } else {
            outcomes.failVisibly(t, reason);
        }
    }

    private void pauseFor(Duration wait) {
        pausedUntil = clock.instant().plus(wait);
        // Whatever waits behind the pause is compared with the server before it goes out.
        tracked.values().stream().filter(t -> t.state == OutboxEntry.State.PENDING).forEach(t -> t.waited = true);
        thread.schedule(this::drain, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    void confirmSettled(PlaybookRun run) {
        for (Tracked t : tracked.values()) {
            if (t.action.runId().equals(run.id()) && t.state == OutboxEntry.State.SENT && t.action.isSettledIn(run)) {
                outcomes.forget(t);
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
            outcomes.forget(t); // a newer action on the same target decides what the value should be
            return;
        }
        PlaybookRun fresh;
        try {
            fresh = transport.fetchRun(t.action.runId());
        } catch (TransportError | ServerError e) {
            return; // Offline again: the next resync settles it; the action stays visibly pending.
        }
        store.upsert(fresh);
        confirmSettled(fresh);
        if (tracked.containsKey(t.seq)) {
            // Accepted, then changed by someone else (or undone): theirs is the newer word, but not silently.
            outcomes.conflict(t, ReplayCheck.changedAfterSending(t.action, fresh, t.base));
        }
    }

}
