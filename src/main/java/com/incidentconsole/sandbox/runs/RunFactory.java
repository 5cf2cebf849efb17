package com.incidentconsole.sandbox.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.wire.Channel;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.TimelineEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds a run and its new channel from a playbook, as {@code CreatePlaybookRun} does: checklists
 * copied with fresh ids and absolute due dates, settings copied, owner and reporter as
 * participants. Shared by {@code POST /runs} and the seed generator. Caller holds the lock.
 */
public final class RunFactory {

    private final SandboxState state;

    public RunFactory(SandboxState state) {
        this.state = state;
    }

    public RunEntity create(ObjectNode playbook, String name, String summary, String ownerId, String reporterId,
                            Boolean publicRun, long at) {
        String teamId = playbook.path("team_id").asText();
        boolean open = publicRun != null ? publicRun : playbook.path("create_public_playbook_run").asBoolean();
        RunEntity run = new RunEntity();
        run.id = state.ids().next();
        run.name = name;
        run.summary = summary == null ? "" : summary;
        run.summaryModifiedAt = run.summary.isEmpty() ? 0 : at;
        run.ownerUserId = ownerId;
        run.reporterUserId = reporterId;
        run.teamId = teamId;
        run.playbookId = playbook.path("id").asText();
        run.createAt = at;
        run.updateAt = at;
        run.channelId = newChannel(teamId, name, open ? "O" : "P", reporterId, at).id();
        run.checklists = checklists(playbook.path("checklists"), at);
        run.reminderTimerDefaultSeconds = playbook.path("reminder_timer_default_seconds").asLong();
        run.statusUpdateEnabled = playbook.path("status_update_enabled").asBoolean();
        run.previousReminderNanos = run.statusUpdateEnabled ? run.reminderTimerDefaultSeconds * 1_000_000_000L : 0;
        run.reminderDueAt = run.previousReminderNanos > 0 ? at + run.reminderTimerDefaultSeconds * 1000 : 0;
        run.reminderMessageTemplate = playbook.path("reminder_message_template").asText();
        run.retrospectiveEnabled = playbook.path("retrospective_enabled").asBoolean();
        run.retrospectiveReminderIntervalSeconds = playbook.path("retrospective_reminder_interval_seconds").asLong();
        run.messageOnJoin = playbook.path("message_on_join").asText();
        run.categoryName = playbook.path("category_name").asText();
        run.statusUpdateBroadcastChannelsEnabled = playbook.path("broadcast_enabled").asBoolean();
        run.statusUpdateBroadcastWebhooksEnabled = playbook.path("webhook_on_status_update_enabled").asBoolean();
        run.createChannelMemberOnNewParticipant = playbook.path("create_channel_member_on_new_participant").asBoolean();
        run.removeChannelMemberOnRemovedParticipant =
                playbook.path("remove_channel_member_on_removed_participant").asBoolean();
        run.defaultOwnerId = playbook.path("default_owner_id").asText();
        long runNumber = playbook.path("next_run_number").asLong(1);
        playbook.put("next_run_number", runNumber + 1);
        run.runNumber = runNumber;
        String prefix = playbook.path("run_number_prefix").asText();
        run.sequentialId = prefix.isEmpty() ? "" : String.format(Locale.ROOT, "%s-%05d", prefix, runNumber);
        join(run, ownerId);
        join(run, reporterId);
        run.timelineEvents.add(new TimelineEvent(state.ids().next(), run.id, at, 0, at,
                TimelineEvent.INCIDENT_CREATED, "Run started by @" + username(reporterId), "", "", reporterId,
                reporterId));
        state.runs().put(run.id, run);
        return run;
    }

    /** Makes {@code userId} a participant and a member of the run channel. */
    public void join(RunEntity run, String userId) {
        run.participantIds.add(userId);
        state.directory().addChannelMember(run.channelId, userId);
    }

    public String username(String userId) {
        return state.directory().user(userId).map(u -> u.username()).orElse("unknown");
    }

    private Channel newChannel(String teamId, String displayName, String type, String creatorId, long at) {
        String id = state.ids().next();
        String slug = displayName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > 50) {
            slug = slug.substring(0, 50);
        }
        Channel channel = new Channel(id, at, at, 0, teamId, type, displayName, slug + "-" + id.substring(0, 6), "",
                "", at, 0, creatorId);
        state.directory().addChannel(channel);
        return channel;
    }

    private List<Checklist> checklists(JsonNode source, long at) {
        List<Checklist> result = new ArrayList<>();
        for (JsonNode checklist : source) {
            List<ChecklistItem> items = new ArrayList<>();
            for (JsonNode item : checklist.path("items")) {
                long relativeDue = item.path("due_date").asLong();
                items.add(new ChecklistItem(state.ids().next(), item.path("title").asText(), ChecklistItem.OPEN, 0,
                        item.path("assignee_id").asText(), 0, item.path("assignee_type").asText(),
                        item.path("assignee_property_field_id").asText(), item.path("command").asText(), 0,
                        item.path("description").asText(), 0, relativeDue == 0 ? 0 : at + relativeDue, List.of(),
                        item.path("condition_id").asText(), item.path("condition_action").asText(),
                        item.path("condition_reason").asText(), at));
            }
            result.add(Checklist.of(state.ids().next(), checklist.path("title").asText(), items, at));
        }
        return result;
    }
}
