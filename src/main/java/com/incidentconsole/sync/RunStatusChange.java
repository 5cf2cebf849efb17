package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;

/**
 * What finishing and restoring a run share: the value they set is the run's own status, and both are
 * no-ops on the server when the run already has it ({@code FinishPlaybookRun}/{@code RestorePlaybookRun}
 * in app/playbook_run_service.go return early), so they are idempotent. Their target is one, so a
 * restore replaces a finish the server has not seen yet.
 */
interface RunStatusChange extends Action {

    @Override
    default ActionTarget target() {
        return ActionTarget.status(runId());
    }

    @Override
    default boolean isSettledIn(PlaybookRun run) {
        return run.currentStatus().equals(desiredValue());
    }

    @Override
    default Optional<String> valueIn(PlaybookRun run) {
        return Optional.of(run.currentStatus());
    }

    /**
     * The general rule calls a changed run status a conflict; here the status is the very thing the
     * action changes, so a finish never conflicts with its own effect (nor with someone else's finish:
     * that is done). Anything else is sent: finishing or restoring does not overwrite anyone's value.
     */
    @Override
    default ReplayCheck.Verdict judge(PlaybookRun server, Optional<ActionBase> base) {
        return isSettledIn(server) ? new ReplayCheck.Verdict.Done() : new ReplayCheck.Verdict.Send();
    }

    @Override
    default Optional<TimelineEvent> lastChangeIn(PlaybookRun run) {
        return run.timelineEvents().stream()
                .filter(e -> e.deleteAt() == 0 && (TimelineEvent.RUN_FINISHED.equals(e.eventType())
                        || TimelineEvent.RUN_RESTORED.equals(e.eventType())))
                .max(Comparator.comparingLong(TimelineEvent::eventAt));
    }

    @Override
    default ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode();
    }

    @Override
    default String valueWords(String value, Function<String, String> userNames) {
        return PlaybookRun.STATUS_FINISHED.equals(value) ? "finished" : "in progress";
    }
}
