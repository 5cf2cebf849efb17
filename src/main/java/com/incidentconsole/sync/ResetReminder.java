package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import java.time.Duration;
import java.util.Optional;

/**
 * Restart a run's reminder ({@code POST /runs/{id}/reminder}, ResetReminder): the next update is due
 * {@code seconds} from when the server takes it, at that interval; the bot's reminder post is deleted and a
 * {@code status_update_snoozed} event added. The real server has one route for both things a commander means by
 * it — snoozing a reminder that fired or is about to, and changing the run's cadence — so both are this kind,
 * told apart by {@link Purpose} for the words only (ADR 0027).
 *
 * <p>Not idempotent: a repeat adds a second timeline event and restarts the countdown again. After a crash or a
 * lost answer the run's timeline is searched for the event first.
 */
public record ResetReminder(String runId, long seconds, Purpose purpose) implements Action {

    /** What the user meant; the server does the same for both. */
    public enum Purpose { SNOOZE, CADENCE }

    static final ActionKind KIND = new ActionKind("reminder_reset", 1, (runId, p, version) -> new ResetReminder(runId,
            p.path("seconds").asLong(0), Purpose.valueOf(p.path("purpose").asText(Purpose.SNOOZE.name()))));

    public ResetReminder {
        if (seconds <= 0) {
            // The server refuses it ("new_reminder_seconds must be > 0"); a stored row like that is damaged.
            throw new IllegalArgumentException("a reminder must be more than 0 seconds");
        }
    }

    public static ResetReminder snooze(String runId, Duration by) {
        return new ResetReminder(runId, by.toSeconds(), Purpose.SNOOZE);
    }

    public static ResetReminder cadence(String runId, Duration every) {
        return new ResetReminder(runId, every.toSeconds(), Purpose.CADENCE);
    }

    /** The run's reminder, one target: a newer snooze or cadence replaces one not yet sent. */
    public static ActionTarget target(String runId) {
        return new ActionTarget(runId, "reminder");
    }

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return target(runId);
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public String desiredValue() {
        return Long.toString(seconds);
    }

    @Override
    public String description() {
        String span = com.incidentconsole.entry.DurationText.format(Duration.ofSeconds(seconds));
        return purpose == Purpose.SNOOZE ? "Snooze the status reminder for " + span
                : "Remind every " + span + " from now";
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("seconds", seconds).put("purpose", purpose.name());
    }

    /** The interval shows in the run, but the restart does not (its time is the server's): the answer settles it. */
    @Override
    public boolean isSettledIn(PlaybookRun run) {
        return false;
    }

    @Override
    public boolean settledByAcceptance() {
        return true;
    }

    @Override
    public Optional<String> valueIn(PlaybookRun run) {
        return Optional.of(Long.toString(run.previousReminder() / 1_000_000_000L));
    }

    /** The user's latest word on the reminder: nothing of someone else's to overwrite blindly but the interval. */
    @Override
    public ReplayCheck.Verdict judge(PlaybookRun server, Optional<ActionBase> base) {
        return new ReplayCheck.Verdict.Send();
    }

    /**
     * A snooze event at or after my request, with my interval now on the run, is mine; one a little before (clock
     * skew) may be; none means it did not happen.
     */
    @Override
    public Settlement tookEffect(ActionTransport transport, PlaybookRun run, long sentAt, String me) {
        boolean intervalIsMine = run.previousReminder() == seconds * 1_000_000_000L;
        boolean after = snoozedSince(run, sentAt);
        if (after && intervalIsMine) {
            return Settlement.TOOK_EFFECT;
        }
        if (after || snoozedSince(run, sentAt - PostStatusUpdate.CLOCK_SKEW.toMillis())) {
            return Settlement.UNKNOWN;
        }
        return Settlement.NOT_TAKEN;
    }

    private static boolean snoozedSince(PlaybookRun run, long since) {
        return run.timelineEvents().stream().anyMatch(e -> TimelineEvent.STATUS_UPDATE_SNOOZED.equals(e.eventType())
                && e.deleteAt() == 0 && e.eventAt() >= since);
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        transport.resetReminder(runId, seconds);
    }

    @Override
    public String valueWords(String value, java.util.function.Function<String, String> userNames) {
        try {
            long s = Long.parseLong(value);
            return s <= 0 ? "no reminder" : "every " + com.incidentconsole.entry.DurationText.format(Duration.ofSeconds(s));
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
