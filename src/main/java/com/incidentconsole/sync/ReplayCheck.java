package com.incidentconsole.sync;

import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import java.util.Comparator;
import java.util.Optional;

/**
 * Compares the server's current run with what the user saw when acting, and decides what to do
 * with an action before it is (re)sent. The server itself never refuses a stale write (no ETag, no
 * {@code update_at} check; playbooks-api.md §9), so without this a queued tick would silently
 * overwrite a colleague's newer change.
 */
final class ReplayCheck {

    /** What to do with an action, given the server's state. */
    sealed interface Verdict {
        /** Nothing in the way: send it. */
        record Send() implements Verdict {
        }

        /** The server already shows what the user wanted: done, nothing to send. */
        record Done() implements Verdict {
        }

        /** Someone else changed the same thing, or the run moved on: the user chooses. */
        record Conflicted(ActionConflict conflict, ActionBase serverBase) implements Verdict {
        }
    }

    private ReplayCheck() {
    }

    /**
     * @param base what the user saw; empty for an entry written before bases were recorded, which is
     *             sent as before unless its item is gone
     */
    static Verdict judge(Action action, PlaybookRun server, Optional<ActionBase> base) {
        if (action.isSettledIn(server)) {
            return new Verdict.Done();
        }
        Optional<String> now = action.valueIn(server);
        if (base.isEmpty()) {
            return now.isEmpty() ? conflict(action, server, ActionConflict.Kind.ITEM_GONE, "") : new Verdict.Send();
        }
        ActionBase seen = base.get();
        if (!seen.runStatus().isEmpty() && !seen.runStatus().equals(server.currentStatus())) {
            return conflict(action, server, server.isFinished() ? ActionConflict.Kind.RUN_FINISHED
                    : ActionConflict.Kind.RUN_RESTORED, seen.value());
        }
        if (now.isEmpty()) {
            return conflict(action, server, ActionConflict.Kind.ITEM_GONE, seen.value());
        }
        if (now.get().equals(seen.value())) {
            return new Verdict.Send();
        }
        return conflict(action, server, ActionConflict.Kind.CHANGED, seen.value());
    }

    /**
     * The server accepted the action but shows another value afterwards: someone changed it right
     * after (or undid it). Always a conflict, whatever the base says.
     */
    static Verdict.Conflicted changedAfterSending(Action action, PlaybookRun server, Optional<ActionBase> base) {
        return conflict(action, server, action.valueIn(server).isEmpty() ? ActionConflict.Kind.ITEM_GONE
                : ActionConflict.Kind.CHANGED, base.map(ActionBase::value).orElse(""));
    }

    private static Verdict.Conflicted conflict(Action action, PlaybookRun server, ActionConflict.Kind kind,
                                               String baseValue) {
        Optional<TimelineEvent> cause = switch (kind) {
            case CHANGED -> action.lastChangeIn(server);
            case RUN_FINISHED -> latest(server, TimelineEvent.RUN_FINISHED);
            case RUN_RESTORED -> latest(server, TimelineEvent.RUN_RESTORED);
            case ITEM_GONE, UNCERTAIN -> Optional.empty();
        };
        long at = cause.map(TimelineEvent::eventAt)
                .orElse(kind == ActionConflict.Kind.RUN_FINISHED ? server.endAt() : 0L);
        ActionConflict conflict = new ActionConflict(kind, baseValue, action.valueIn(server).orElse(""),
                cause.map(ReplayCheck::actor).orElse(""), at, "");
        return new Verdict.Conflicted(conflict, ActionBase.of(action, server));
    }

    private static Optional<TimelineEvent> latest(PlaybookRun run, String type) {
        return run.timelineEvents().stream().filter(e -> e.deleteAt() == 0 && type.equals(e.eventType()))
                .max(Comparator.comparingLong(TimelineEvent::eventAt));
    }

    /**
     * Who acted: the plugin records the acting user as the subject of these events and leaves the
     * creator empty; where a creator is set, it is the one who acted.
     */
    private static String actor(TimelineEvent event) {
        return event.creatorUserId().isEmpty() ? event.subjectUserId() : event.creatorUserId();
    }
}
