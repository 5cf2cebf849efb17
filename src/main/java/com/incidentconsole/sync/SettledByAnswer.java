package com.incidentconsole.sync;

import com.incidentconsole.wire.PlaybookRun;
import java.util.Optional;

/**
 * An action whose effect the run record does not show (a post, a request, a follow): nothing in the run can
 * confirm it, so the server's accepting answer does; it sets no value of the run, so a delayed send has nobody's
 * change to conflict with. What such a kind still owns is {@link #tookEffect}: how to look for its effect after a
 * crash or a lost answer, when it is not safe to repeat.
 */
interface SettledByAnswer extends Action {

    @Override
    default boolean isSettledIn(PlaybookRun run) {
        return false;
    }

    @Override
    default boolean settledByAcceptance() {
        return true;
    }

    @Override
    default Optional<String> valueIn(PlaybookRun run) {
        return Optional.of("");
    }

    @Override
    default ReplayCheck.Verdict judge(PlaybookRun server, Optional<ActionBase> base) {
        return new ReplayCheck.Verdict.Send();
    }
}
