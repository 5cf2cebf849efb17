package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import java.util.Optional;

/**
 * Something the user does to a server, submitted once through {@link RunCommands#submit} and then owned
 * by the outbox. Each kind says, in its own class, everything the outbox needs: its stored form
 * ({@link #kind()} with its codec and version, {@link #payload}), its scope and target, whether it can be
 * repeated safely, how to judge it against the server before a delayed send, how to recognise that it
 * took effect, how to send it, and its words for the user. Adding a kind is adding such a class and
 * registering it in {@link ActionKinds}; the queue, the outbox and the views stay as they are.
 *
 * <p>Every kind today belongs to a run and is judged against the run as the server holds it. A kind
 * of another scope brings its own way to read that scope's state when it arrives.
 */
public interface Action {

    /** The kind, with its stored id, version and codec. */
    ActionKind kind();

    /** What it changes; at most one action per target is in flight, a newer one replaces the older. */
    ActionTarget target();

    default ActionScope scope() {
        return ActionScope.run(target().runId());
    }

    /** The run this action belongs to (its scope id). */
    default String runId() {
        return target().runId();
    }

    /**
     * Whether sending twice has the same effect as sending once. One that is not is never resent
     * blind: after a crash or a lost answer it is checked with {@link #tookEffect} first.
     */
    default boolean idempotent() {
        return true;
    }

    /** The value the screen shows while the action is pending (an item state, a user id, a run status). */
    String desiredValue();

    /** What the user did, in words ("Tick “Page the on-call DBA”"). */
    String description();

    /** The stored form's fields, read back by the kind's codec. */
    ObjectNode payload(JsonMapper mapper);

    /** Whether {@code run} shows the action's effect (the confirmation the queue waits for). */
    boolean isSettledIn(PlaybookRun run);

    /**
     * Whether the server's answer alone confirms the action: an addition (a status post) leaves
     * nothing in the run to compare a value with, and a non-idempotent action is not re-checked.
     */
    default boolean settledByAcceptance() {
        return false;
    }

    /** The value this action sets, as {@code run} shows it; empty when its target is gone. */
    Optional<String> valueIn(PlaybookRun run);

    /** The assignee of the item this action changes; {@code ""} for run-level actions. */
    default String assigneeIn(PlaybookRun run) {
        return "";
    }

    /** The timeline event that recorded the last change of this action's value, when the run carries one. */
    default Optional<TimelineEvent> lastChangeIn(PlaybookRun run) {
        return Optional.empty();
    }

    /**
     * Before a delayed send: already done, in conflict with someone else's change, or send. The general
     * rule ({@link ReplayCheck#judge}) fits value-setting kinds; a kind whose value is the run's status
     * or that adds something overrides it.
     */
    default ReplayCheck.Verdict judge(PlaybookRun server, Optional<ActionBase> base) {
        return ReplayCheck.judge(this, server, base);
    }

    /**
     * For a non-idempotent action a request for which may have reached the server (sent at
     * {@code sentAt}, epoch ms, by the user named {@code me}): did it take effect? Idempotent kinds are
     * never asked. The default knows only what the run shows.
     */
    default Settlement tookEffect(ActionTransport transport, PlaybookRun run, long sentAt, String me) {
        return isSettledIn(run) ? Settlement.TOOK_EFFECT : Settlement.UNKNOWN;
    }

    /** Sends it, blocking; throws the client's typed errors or {@link ActionFailure.ActionRejected}. */
    void send(ActionTransport transport, PlaybookRun current);

    /** A value of this action's target in the user's words (a state, a person's name, a run status). */
    default String valueWords(String value, java.util.function.Function<String, String> userNames) {
        return value;
    }

    /** Who made the server's change, appended to {@link #valueWords} ("skipped by Sam Lee"). */
    default String changedByWords(String userName) {
        return " by " + userName;
    }

    /** What the server says about an action that may already be on it. */
    enum Settlement {
        /** It is there: done, nothing to send. */
        TOOK_EFFECT,
        /** It is certainly not there: sending it is safe. */
        NOT_TAKEN,
        /** The server cannot tell: the user decides (send again, or drop). */
        UNKNOWN
    }
}
