package com.incidentconsole.sandbox.runs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.Post;
import java.util.List;

/**
 * Fires due status-update reminders ({@code app/reminder.go} {@code handleStatusUpdateReminder}):
 * the bot posts a {@code custom_update_status} message with an "Update status" button in the run
 * channel, {@code reminder_post_id} points at it, {@code update_at} is bumped and the run is
 * published. A reminder is only ever scheduled by {@code SetNewReminder} (a status update or a
 * snooze, {@link StatusService}), never at creation. Runs on a timer and after every
 * {@code SandboxClock.advance}, so tests can make a run overdue without waiting. Follower DMs
 * ("Status update is overdue…") are not sent yet (docs/sandbox.md lists it).
 */
public final class ReminderService {

    private final SandboxState state;
    private final RunService runs;
    private final BotPosts bot;

    public ReminderService(SandboxState state, RunService runs, BotPosts bot) {
        this.state = state;
        this.runs = runs;
        this.bot = bot;
    }

    /** {@code @owner, please provide a status update for [name](/playbooks/runs/id).}, the name link-escaped. */
    public static String message(String ownerUsername, RunEntity run) {
        String name = run.name.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
        return "@" + ownerUsername + ", please provide a status update for [" + name + "](" + BotPosts.RUNS_PATH
                + run.id + ").";
    }

    public void fireDue() {
        state.locked(() -> {
            long now = state.now();
            List<RunEntity> due = state.runs().values().stream()
                    .filter(r -> !r.isFinished() && r.reminderDueAt > 0 && r.reminderDueAt <= now)
                    .toList();
            for (RunEntity run : due) {
                run.reminderDueAt = 0;
                runs.update(run, r -> {
                    String owner = runs.factory().username(r.ownerUserId);
                    ObjectNode props = JsonNodeFactory.instance.objectNode();
                    props.put("targetUsername", owner);
                    props.put("playbookRunId", r.id);
                    props.set("attachments", updateButton(r));
                    Post post = bot.post(r.channelId, message(owner, r), "custom_update_status", props);
                    r.reminderPostId = post.id();
                });
            }
        });
    }

    /** {@code model.ParseMessageAttachment}: the attachment lands in {@code props.attachments}. */
    private static ArrayNode updateButton(RunEntity run) {
        ArrayNode attachments = JsonNodeFactory.instance.arrayNode();
        ObjectNode action = attachments.addObject().putArray("actions").addObject();
        action.put("type", "button");
        action.put("name", "Update status");
        action.putObject("integration").put("url", "/plugins/playbooks/api/v0/runs/" + run.id
                + "/reminder/button-update");
        return attachments;
    }
}
