package com.incidentconsole.sync;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Every action the user took that the server has not confirmed, by target. Listeners receive the
 * target whose entry changed (added, failed, in conflict, confirmed or dismissed).
 */
public final class PendingActions {

    private final Map<ActionTarget, PendingAction> actions = new ConcurrentHashMap<>();
    private final Listeners<ActionTarget> listeners = new Listeners<>();
    private final Map<Long, Unreadable> unreadable = new ConcurrentHashMap<>();

    /** The target listeners hear when the rows this build cannot read change. */
    public static final ActionTarget UNREADABLE = new ActionTarget("", "unreadable");

    /**
     * An outbox row this build cannot read (a newer build's kind or version, a damaged payload): kept on
     * disk, never sent, and listed so the outbox never claims to be empty while it holds one.
     *
     * @param description the sentence stored with it (may be empty)
     * @param why what is wrong with it, in words
     */
    public record Unreadable(long seq, String description, String why) {
    }

    public List<Unreadable> unreadable() {
        return unreadable.values().stream().sorted(java.util.Comparator.comparingLong(Unreadable::seq)).toList();
    }

    void unreadable(long seq, String description, String why) {
        unreadable.put(seq, new Unreadable(seq, description == null ? "" : description, why));
        listeners.fire(UNREADABLE);
    }

    public Optional<PendingAction> get(ActionTarget target) {
        return Optional.ofNullable(actions.get(target));
    }

    public List<PendingAction> all() {
        return List.copyOf(actions.values());
    }

    public Subscription subscribe(Consumer<ActionTarget> listener) {
        return listeners.add(listener);
    }

    void put(PendingAction action) {
        actions.put(action.target(), action);
        listeners.fire(action.target());
    }

    /** Marks the action failed, unless a newer action on the same target replaced it meanwhile. */
    void fail(PendingAction action, String message) {
        if (actions.replace(action.target(), action, action.failedWith(message))) {
            listeners.fire(action.target());
        }
    }

    /** The outbox committed the action: the copy now shown, or the given one if a newer action replaced it. */
    PendingAction saved(PendingAction action) {
        PendingAction saved = action.savedCopy();
        if (actions.replace(action.target(), action, saved)) {
            listeners.fire(action.target());
            return saved;
        }
        return action;
    }

    /** Writing the action to disk failed: it stays visible, failed and marked as not saved. */
    void unsaved(PendingAction action, String message) {
        if (actions.replace(action.target(), action, action.unsavedWith(message))) {
            listeners.fire(action.target());
        }
    }

    /** Whether every action shown is on disk (false while one could not be written, e.g. on a full disk). */
    public boolean allSaved() {
        return actions.values().stream().allMatch(PendingAction::saved);
    }

    /** Marks the action as in conflict with the server's version, unless a newer action replaced it. */
    void conflict(PendingAction action, String message, ActionConflict serverVersion) {
        if (actions.replace(action.target(), action, action.conflictedWith(message, serverVersion))) {
            listeners.fire(action.target());
        }
    }

    /** Removes the action once the server's state shows it, unless a newer one replaced it. */
    boolean confirm(PendingAction action) {
        boolean removed = actions.remove(action.target(), action);
        if (removed) {
            listeners.fire(action.target());
        }
        return removed;
    }

    /**
     * The user chose to drop a failed action, or to keep the server's version in a conflict: the
     * screen goes back to the server's value, visibly by their hand.
     */
    public void dismiss(ActionTarget target) {
        PendingAction held = actions.get(target);
        if (held != null && held.failed() && actions.remove(target, held)) {
            listeners.fire(target);
        }
    }
}
