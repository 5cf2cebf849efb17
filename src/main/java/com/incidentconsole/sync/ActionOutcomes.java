package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.sync.ReplayCheck.Verdict;
import com.incidentconsole.sync.store.OutboxEntry;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The transitions that end an action or hold it for the user, each recorded in the same three places
 * at once: the sender's bookkeeping, the outbox row (through the writer, never waiting for it), and the
 * pending action the screen shows. Sender thread only.
 */
final class ActionOutcomes {

    private static final Logger LOG = Logger.getLogger(ActionOutcomes.class.getName());

    private final OutboxWriter writer;
    private final PendingActions pending;
    private final UserDirectory users;
    private final JsonMapper mapper;
    private final Map<Long, Tracked> tracked;

    ActionOutcomes(OutboxWriter writer, PendingActions pending, UserDirectory users, JsonMapper mapper,
                   Map<Long, Tracked> tracked) {
        this.writer = writer;
        this.pending = pending;
        this.users = users;
        this.mapper = mapper;
        this.tracked = tracked;
    }

    void showNote(Tracked t, String note) {
        if (pending.get(t.action.target()).filter(shown -> shown == t.shown).isPresent()) {
            t.shown = new PendingAction(t.shown.target(), t.shown.description(), t.shown.desiredValue(),
                    PendingAction.Status.PENDING, note, t.shown.startedAt());
            pending.put(t.shown);
        }
    }

    void settledWithoutSending(Tracked t) {
        forget(t);
        pending.confirm(t.shown);
        t.accepted.complete(null);
    }

    void conflict(Tracked t, Verdict.Conflicted verdict) {
        if (t.superseded) {
            handOver(t);
            return;
        }
        String sentence = ActionFailure.describe(verdict.conflict(), t.action, users::displayName);
        t.state = OutboxEntry.State.CONFLICT;
        t.serverBase = verdict.serverBase();
        writer.hold(t.seq, OutboxEntry.State.CONFLICT, sentence, verdict.conflict().toJson(mapper, verdict.serverBase()));
        pending.conflict(t.shown, sentence, verdict.conflict());
        LOG.info(() -> "Not sent, in conflict with the server: " + t.action.description() + " — " + sentence);
        t.accepted.completeExceptionally(new ActionFailure.ActionRejected(sentence));
    }

    /**
     * The server cannot tell whether this non-idempotent action is already there. Sending it again could
     * do it twice, dropping it could lose it: the user decides, with what the server holds beside it.
     */
    void uncertain(Tracked t) {
        ActionConflict doubt = new ActionConflict(ActionConflict.Kind.UNCERTAIN, t.action.desiredValue(), "", "",
                t.sentAt, "");
        String sentence = ActionFailure.describe(doubt, t.action, users::displayName);
        t.state = OutboxEntry.State.UNCERTAIN;
        writer.hold(t.seq, OutboxEntry.State.UNCERTAIN, sentence, doubt.toJson(mapper, ActionBase.none()));
        pending.conflict(t.shown, sentence, doubt);
        LOG.info(() -> "Not resent, the server cannot tell whether it is there: " + t.action.description());
        t.accepted.completeExceptionally(new ActionFailure.ActionRejected(sentence));
    }

    void failVisibly(Tracked t, String reason) {
        if (t.superseded) {
            handOver(t);
            return;
        }
        t.state = OutboxEntry.State.FAILED;
        writer.update(t.seq, OutboxEntry.State.FAILED, reason, false);
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
                .filter(t -> t.seq > older.seq && t.sameTarget(older))
                .min(Comparator.comparingLong(t -> t.seq))
                .ifPresent(newer -> {
                    newer.base = older.base;
                    writer.rebase(newer.seq, older.base.map(b -> b.toJson(mapper)).orElse(""));
                });
        forget(older);
        older.accepted.complete(null);
    }

    void forget(Tracked t) {
        tracked.remove(t.seq);
        writer.remove(t.seq);
    }
}
