package com.incidentconsole.sandbox.runs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.chat.Poster;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.Post;
import java.util.List;

/**
 * Fires due status-update reminders: the plugin bot posts a {@code custom_update_status} message in
 * the run channel and the run's {@code reminder_post_id} points at it. Runs on a timer and after
 * every {@code SandboxClock.advance}, so tests can make a run overdue without waiting.
 */
public final class ReminderService {

    private final SandboxState state;
    private final RunService runs;
    private final Poster poster;
    private final String botUserId;

    public ReminderService(SandboxState state, RunService runs, Poster poster, String botUserId) {
        this.state = state;
        this.runs = runs;
        this.poster = poster;
        this.botUserId = botUserId;
    }

    public void fireDue() {
        state.locked(() -> {
            long now = state.now();
            List<RunEntity> due = state.runs().values().stream()
                    .filter(r -> !r.isFinished() && r.statusUpdateEnabled && r.reminderDueAt > 0 && r.reminderDueAt <= now)
                    .toList();
            for (RunEntity run : due) {
                run.reminderDueAt = 0;
                runs.change(run, r -> {
                    ObjectNode props = JsonNodeFactory.instance.objectNode();
                    props.put("targetUsername", state.directory().user(r.ownerUserId).map(u -> u.username()).orElse(""));
                    props.put("playbookRunId", r.id);
                    Post post = poster.post(r.channelId, botUserId, "@" + props.path("targetUsername").asText()
                            + ", please provide a status update for " + r.name + ".", "custom_update_status", props);
                    r.reminderPostId = post.id();
                });
            }
        });
    }
}
