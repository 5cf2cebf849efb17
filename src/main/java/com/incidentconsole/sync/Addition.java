package com.incidentconsole.sync;

import com.incidentconsole.wire.PlaybookRun;
import java.util.Optional;

/**
 * An action that adds something the run then shows — a checklist, an item, a copy, a timeline event — and is not
 * safe to repeat. It overwrites nothing, so a delayed send conflicts with no one: the thing is there already (done)
 * or it is sent. After a crash or a lost answer it is settled by looking for the thing in a fresh run, which
 * {@link #isSettledIn} does by the ids the run had when it was asked (see {@link AddedThings}).
 */
interface Addition extends Action {

    /** Not safe to repeat: a second send adds a second one. */
    @Override
    default boolean idempotent() {
        return false;
    }

    /** Once the run holds what it added, the run shows what the user asked for. */
    @Override
    default Optional<String> valueIn(PlaybookRun run) {
        return Optional.of(isSettledIn(run) ? desiredValue() : "");
    }

    @Override
    default ReplayCheck.Verdict judge(PlaybookRun server, Optional<ActionBase> base) {
        return isSettledIn(server) ? new ReplayCheck.Verdict.Done() : new ReplayCheck.Verdict.Send();
    }

    /** One request, answered after the server stored the thing: no thing in the fresh run means it was not taken. */
    @Override
    default Settlement tookEffect(ActionTransport transport, PlaybookRun run, long sentAt, String me) {
        return isSettledIn(run) ? Settlement.TOOK_EFFECT : Settlement.NOT_TAKEN;
    }
}
