package com.incidentconsole.sync;

import com.incidentconsole.uitest.TestRuns;
import com.incidentconsole.wire.PlaybookRun;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Commands that behave like the real implementation towards the UI — a pending entry at once, the
 * store updated and the entry confirmed when the "server" accepts, a failed entry with the server's
 * message when it refuses — but whose outcome the test decides, from the test thread (a background
 * thread, as in production). Lives in {@code sync} to reach the package-private pending transitions.
 */
public final class FakeRunCommands implements RunCommands {

    /** One call as the UI made it. {@code subject} is the item id, or "owner". */
    public record Call(String method, String runId, String subject, String value) {
    }

    private record InFlight(PendingAction action, CompletableFuture<Void> future) {
    }

    private final RunStore runs;
    private final PendingActions pending;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<ActionTarget, InFlight> inFlight = new ConcurrentHashMap<>();
    private final Supplier<Instant> clock;

    public FakeRunCommands(RunStore runs, PendingActions pending) {
        this(runs, pending, Instant::now);
    }

    /** @param clock when the user acts, as the pending entries record it */
    public FakeRunCommands(RunStore runs, PendingActions pending, Supplier<Instant> clock) {
        this.runs = runs;
        this.pending = pending;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> setItemState(String runId, String itemId, String newState) {
        calls.add(new Call("setItemState", runId, itemId, newState));
        return send(ActionTarget.item(runId, itemId), "Set item state", newState);
    }

    @Override
    public CompletableFuture<Void> changeOwner(String runId, String newOwnerUserId) {
        calls.add(new Call("changeOwner", runId, ActionTarget.OWNER, newOwnerUserId));
        return send(ActionTarget.owner(runId), "Change owner", newOwnerUserId);
    }

    /** Any other kind, recorded by its target and the value it sets. */
    @Override
    public CompletableFuture<Void> submit(Action action) {
        calls.add(new Call(action.kind().id(), action.runId(), action.target().subject(), action.desiredValue()));
        return send(action.target(), action.description(), action.desiredValue());
    }

    @Override
    public CompletableFuture<Void> retry(ActionTarget target) {
        PendingAction held = pending.get(target).orElseThrow();
        calls.add(new Call("retry", target.runId(), target.subject(), held.desiredValue()));
        return send(target, held.description(), held.desiredValue());
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The server accepted: its state shows the change, then the pending entry goes. */
    public void confirm(ActionTarget target) {
        InFlight flight = inFlight.remove(target);
        PlaybookRun run = runs.get(target.runId()).orElseThrow();
        long now = System.currentTimeMillis();
        String value = flight.action().desiredValue();
        runs.upsert(switch (target.subject()) {
            case ActionTarget.OWNER -> TestRuns.withOwner(run, value, now);
            case ActionTarget.STATUS -> TestRuns.withStatus(run, value, now);
            default -> TestRuns.withItemState(run, target.subject().substring("item:".length()), value, now);
        });
        answered(flight);
    }

    /** The server's answer comes before the run it changed: the pending entry goes, the store is as it was. */
    public void answeredBeforeTheRun(ActionTarget target) {
        answered(inFlight.remove(target));
    }

    private void answered(InFlight flight) {
        pending.confirm(flight.action());
        flight.future().complete(null);
    }

    /** The queue could not reach the server and keeps the action pending, with the client's note (checklist work). */
    public void waiting(ActionTarget target, String note) {
        InFlight flight = inFlight.get(target);
        PendingAction held = new PendingAction(target, flight.action().description(), flight.action().desiredValue(),
                PendingAction.Status.PENDING, note, flight.action().startedAt());
        inFlight.put(target, new InFlight(held, flight.future()));
        pending.put(held);
    }

    /** The server refused with this message. */
    public void fail(ActionTarget target, String message) {
        InFlight flight = inFlight.get(target);
        pending.fail(flight.action(), message);
        flight.future().completeExceptionally(new IllegalStateException(message));
    }

    /** The queue found the server changed under the action: it was not sent; both versions are kept. */
    public void conflict(ActionTarget target, ActionConflict serverVersion) {
        InFlight flight = inFlight.get(target);
        pending.conflict(flight.action(), "Conflict — server now: " + serverVersion.serverValue(), serverVersion);
        flight.future().completeExceptionally(new IllegalStateException("conflict"));
    }

    /** The disk would not take the action (a full disk): failed and not saved, as the real queue leaves it. */
    public void notSaved(ActionTarget target, String message) {
        InFlight flight = inFlight.get(target);
        pending.unsaved(flight.action(), message);
        flight.future().completeExceptionally(new IllegalStateException(message));
    }

    /** An outbox row this build could not read, as the real queue reports it at restore. */
    public void unreadableRow(long seq, String description, String why) {
        pending.unreadable(seq, description, why);
    }

    private CompletableFuture<Void> send(ActionTarget target, String description, String desired) {
        PendingAction action = new PendingAction(target, description, desired, PendingAction.Status.PENDING, "", clock.get());
        CompletableFuture<Void> future = new CompletableFuture<>();
        inFlight.put(target, new InFlight(action, future));
        pending.put(action);
        return future;
    }
}
