package com.incidentconsole.sync;

import com.incidentconsole.wire.PlaybookRun;
import java.util.Optional;

/**
 * An action that belongs to no run: starting a run is done to a team (ADR 0025). There is no run to
 * judge it against or to see its effect in, so the sender never fetches one for it; the kind reads
 * what it needs from the server itself, and the run-taking methods of {@link Action} are answered here
 * from the run-free ones once, so that no kind of this shape is ever handed a run it cannot have.
 */
public interface OutsideRunAction extends Action {

    /**
     * For a non-idempotent kind a request for which may have reached the server (sent at {@code sentAt},
     * epoch ms): did it take effect? The kind asks the server in its own terms.
     */
    Settlement tookEffect(ActionTransport transport, long sentAt);

    /**
     * Sends it, blocking, and answers the run it made or changed, if the server said which: the sender
     * puts it into the store at once, so the screen can open it without waiting for the server's event.
     */
    Optional<PlaybookRun> sendOutsideRun(ActionTransport transport);

    /** Nothing outside a run to conflict with: a delayed send goes as it is (its effect is checked first). */
    @Override
    default ReplayCheck.Verdict judge(PlaybookRun noRun, Optional<ActionBase> base) {
        return new ReplayCheck.Verdict.Send();
    }

    @Override
    default Settlement tookEffect(ActionTransport transport, PlaybookRun noRun, long sentAt, String me) {
        return tookEffect(transport, sentAt);
    }

    @Override
    default void send(ActionTransport transport, PlaybookRun noRun) {
        sendOutsideRun(transport);
    }

    @Override
    default boolean isSettledIn(PlaybookRun run) {
        return false;
    }

    /** The server's answer is the confirmation: there is no run value to wait for. */
    @Override
    default boolean settledByAcceptance() {
        return true;
    }

    @Override
    default Optional<String> valueIn(PlaybookRun run) {
        return Optional.of("");
    }
}
