package com.incidentconsole.runinfo;

import com.incidentconsole.text.DisplayText;
import com.incidentconsole.text.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * {@link RunInfo} in words, one line per fact, in the order v1's {@code /incident info} gave them. Headless,
 * so the panel only lays the lines out.
 *
 * @param label the fact's name ("Tasks")
 * @param value what it is ("4 done · 3 open · 1 overdue")
 * @param alarming whether it needs attention now (an overdue task or update), drawn as such
 */
public record RunInfoText(String id, String label, String value, boolean alarming) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm");
    private static final int NAMES = 12;

    public static List<RunInfoText> lines(RunInfo info, Instant now, Function<String, String> names,
            ResourceBundle bundle, ZoneId zone) {
        String owner = info.ownerId().isEmpty() ? bundle.getString("run.noOwner") : names.apply(info.ownerId());
        String duration = DurationText.of(info.duration().toMillis())
                + (info.finished() ? " " + bundle.getString("info.finished") : "");
        String stage = info.stage().map(s -> DisplayText.line(s, 80)).orElse(bundle.getString("info.allDone"));
        String tasks = String.format(bundle.getString("info.tasks.value"), info.done(), info.open(), info.overdue())
                + (info.skipped() > 0 ? String.format(bundle.getString("info.tasks.skipped"), info.skipped()) : "");
        String next = info.nextUpdateDue().map(due -> {
            Duration left = Duration.between(now, due);
            String when = TIME.format(due.atZone(zone));
            return left.isNegative() || left.isZero()
                    ? String.format(bundle.getString("info.update.overdue"), DurationText.of(-left.toMillis()), when)
                    : String.format(bundle.getString("info.update.due"), DurationText.of(left.toMillis()), when);
        }).orElse(bundle.getString("info.update.none"));
        List<String> people = info.participantIds().stream().limit(NAMES).map(names).toList();
        String participants = info.participantIds().isEmpty() ? bundle.getString("info.nobody")
                : String.join(", ", people) + (info.participantIds().size() > NAMES
                        ? String.format(bundle.getString("info.more"), info.participantIds().size() - NAMES) : "");
        return List.of(
                new RunInfoText("infoOwner", bundle.getString("info.owner"), owner, false),
                new RunInfoText("infoDuration", bundle.getString("info.duration"), duration, false),
                new RunInfoText("infoStage", bundle.getString("info.stage"), stage, false),
                new RunInfoText("infoTasks", bundle.getString("info.tasks"), tasks, info.overdue() > 0),
                new RunInfoText("infoNextUpdate", bundle.getString("info.update"), next, info.updateOverdue(now)),
                new RunInfoText("infoParticipants",
                        String.format(bundle.getString("info.participants"), info.participantIds().size()),
                        participants, false));
    }
}
