package com.incidentconsole.sandbox.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.seed.SeedGenerator;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.Channel;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import com.incidentconsole.wire.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Builds a run as {@code CreatePlaybookRun} does (server/app/playbook_run_service.go): settings
 * snapshotted from the playbook ({@code PlaybookRun.SetConfigurationFromPlaybook}, app/playbook_run.go),
 * checklists with absolute due dates, a new channel or a linked one, the bot, reporter and owner as
 * channel members ({@code addPlaybookRunInitialMemberships}). Participants are added separately
 * ({@link #addParticipants}) because the real server publishes run updates while doing it.
 * Shared by {@code POST /runs} and the seed generator. Caller holds the lock.
 */
public final class RunFactory {

    /**
     * The request after the handler's checks: {@code channelId} non-empty links that channel.
     * {@code nameTemplate} false keeps the given name even if the playbook has a
     * {@code channel_name_template}: only seeded history uses it (runs made before the template).
     */
    public record Spec(String name, String summary, String ownerId, String reporterId, String teamId,
                       String channelId, boolean publicChannel, boolean nameTemplate) {
    }

    private final SandboxState state;
    private final RunTemplates templates;

    public RunFactory(SandboxState state) {
        this.state = state;
        this.templates = new RunTemplates(state.directory());
    }

    /** {@code playbook} null = a channel checklist (one empty "Tasks" checklist, no settings). */
    public RunEntity create(ObjectNode playbook, Spec spec, long at) {
        RunEntity run = new RunEntity();
        run.id = state.ids().next();
        run.summary = spec.summary() == null ? "" : spec.summary();
        run.summaryModifiedAt = 0;
        run.reporterUserId = spec.reporterId();
        run.ownerUserId = spec.ownerId();
        run.teamId = spec.teamId();
        run.createAt = at;
        run.updateAt = at;
        // CreatePlaybookRun: LastStatusUpdateAt = CreateAt, so "update due" counts from creation.
        run.lastStatusUpdateAt = at;
        if (playbook == null) {
            run.type = PlaybookRun.TYPE_CHANNEL_CHECKLIST;
            run.name = spec.name().strip();
            run.checklists = List.of(Checklist.of(state.ids().next(), "Tasks", List.of(), at));
            // A channel checklist keeps the struct defaults (retro off; the channel's members manage it).
            run.retrospectiveEnabled = false;
            run.statusUpdateEnabled = false;
            run.createChannelMemberOnNewParticipant = false;
            run.removeChannelMemberOnRemovedParticipant = false;
        } else {
            configure(run, playbook, at);
            resolveOwner(run, playbook);
            run.checklists = checklists(playbook.path("checklists"), at, run.ownerUserId, run.reporterUserId);
            long runNumber = playbook.path("next_run_number").asLong(1);
            playbook.put("next_run_number", runNumber + 1);
            run.runNumber = runNumber;
            run.sequentialId = RunTemplates.sequentialId(playbook.path("run_number_prefix").asText(), runNumber);
            run.name = templates.runName(spec.nameTemplate() ? playbook.path("channel_name_template").asText() : "",
                    run, spec.name());
        }
        if (spec.channelId().isEmpty()) {
            run.channelId = newChannel(run.teamId, run.name, spec.publicChannel() ? "O" : "P", at).id();
            run.channelCreatedByRun = true;
        } else {
            run.channelId = spec.channelId();
            run.channelCreatedByRun = false;
        }
        String bot = state.directory().userByLogin(SeedGenerator.BOT_USERNAME).map(User::id).orElseThrow();
        state.directory().addTeamMember(run.teamId, bot);
        state.directory().addChannelMember(run.channelId, bot);
        state.directory().addChannelMember(run.channelId, run.reporterUserId);
        state.directory().addChannelMember(run.channelId, run.ownerUserId);
        state.runs().put(run.id, run);
        return run;
    }

    /**
     * {@code AddParticipants(..., sendWebsocket=true)}: team members become participants (others are
     * skipped), each one follows the run ({@code Follow}, which publishes: {@code onFollow}), then one
     * {@code participants_changed}/{@code user_joined_left} timeline event. Returns who was added;
     * the caller publishes the closing run update when that is not empty. Channel membership is
     * the caller's business (at creation it is already done).
     */
    public List<String> addParticipants(RunEntity run, List<String> userIds, String requesterId,
                                        Consumer<RunEntity> onFollow) {
        return addParticipants(run, userIds, requesterId, onFollow, state.now());
    }

    public List<String> addParticipants(RunEntity run, List<String> userIds, String requesterId,
                                        Consumer<RunEntity> onFollow, long at) {
        List<String> added = new ArrayList<>();
        for (String userId : userIds) {
            if (state.directory().user(userId).isPresent() && state.directory().isTeamMember(run.teamId, userId)) {
                added.add(userId);
            }
        }
        if (added.isEmpty()) {
            return added;
        }
        run.participantIds.addAll(added);
        for (String userId : added) {
            run.followers.add(userId);
            onFollow.accept(run);
        }
        participantsTimeline(run, requesterId, added, "joined", at);
        return added;
    }

    /** {@code changeParticipantsTimeline}: summary empty ("copies managed in webapp"), details carry the names. */
    void participantsTimeline(RunEntity run, String requesterId, List<String> users, String action, long now) {
        boolean self = users.size() == 1 && users.get(0).equals(requesterId);
        String type = self ? TimelineEvent.USER_JOINED_LEFT : TimelineEvent.PARTICIPANTS_CHANGED;
        String subject = users.size() == 1 ? users.get(0) : requesterId;
        StringBuilder names = new StringBuilder();
        for (String u : users) {
            names.append(names.isEmpty() ? "" : ",").append('"').append(username(u)).append('"');
        }
        String details = "{\"action\":\"" + action + "\",\"requester\":\"" + username(requesterId) + "\",\"users\":["
                + names + "]}";
        run.timelineEvents.add(new TimelineEvent(state.ids().next(), run.id, now, 0, now, type, "", details, "",
                subject, requesterId));
    }

    /**
     * The {@code incident_created} event: subject the reporter, no summary, no creator. It is
     * written last but dated {@code create_at}, so it sorts first (put first for equal times).
     */
    public void createdTimeline(RunEntity run) {
        run.timelineEvents.add(0, new TimelineEvent(state.ids().next(), run.id, run.createAt, 0, run.createAt,
                TimelineEvent.INCIDENT_CREATED, "", "", "", run.reporterUserId, ""));
    }

    /** Makes {@code userId} a participant and a member of the run channel (seeding and owner change). */
    public void join(RunEntity run, String userId) {
        run.participantIds.add(userId);
        state.directory().addChannelMember(run.channelId, userId);
    }

    public String username(String userId) {
        return state.directory().user(userId).map(u -> u.username()).orElse("unknown");
    }

    /** {@code SetConfigurationFromPlaybook} (app/playbook_run.go). */
    private void configure(RunEntity run, ObjectNode playbook, long at) {
        run.type = PlaybookRun.TYPE_PLAYBOOK;
        run.playbookId = playbook.path("id").asText();
        run.reminderMessageTemplate = playbook.path("reminder_message_template").asText();
        run.statusUpdateEnabled = playbook.path("status_update_enabled").asBoolean();
        run.reminderTimerDefaultSeconds = playbook.path("reminder_timer_default_seconds").asLong();
        run.previousReminderNanos = run.reminderTimerDefaultSeconds * 1_000_000_000L;
        run.invitedUserIds = new ArrayList<>();
        run.invitedGroupIds = new ArrayList<>();
        if (playbook.path("invite_users_enabled").asBoolean()) {
            run.invitedUserIds = texts(playbook.path("invited_user_ids"));
            run.invitedGroupIds = texts(playbook.path("invited_group_ids"));
        }
        if (playbook.path("default_owner_enabled").asBoolean()) {
            run.defaultOwnerId = playbook.path("default_owner_id").asText();
        }
        run.broadcastChannelIds = texts(playbook.path("broadcast_channel_ids"));
        run.statusUpdateBroadcastChannelsEnabled = playbook.path("broadcast_enabled").asBoolean()
                && !run.broadcastChannelIds.isEmpty();
        run.webhookOnCreationUrls = playbook.path("webhook_on_creation_enabled").asBoolean()
                ? texts(playbook.path("webhook_on_creation_urls")) : new ArrayList<>();
        run.webhookOnStatusUpdateUrls = texts(playbook.path("webhook_on_status_update_urls"));
        run.statusUpdateBroadcastWebhooksEnabled = playbook.path("webhook_on_status_update_enabled").asBoolean()
                && !run.webhookOnStatusUpdateUrls.isEmpty();
        run.retrospectiveEnabled = playbook.path("retrospective_enabled").asBoolean();
        if (run.retrospectiveEnabled) {
            run.retrospectiveReminderIntervalSeconds = playbook.path("retrospective_reminder_interval_seconds").asLong();
            run.retrospective = playbook.path("retrospective_template").asText();
        }
        run.createChannelMemberOnNewParticipant = playbook.path("create_channel_member_on_new_participant").asBoolean();
        run.removeChannelMemberOnRemovedParticipant =
                playbook.path("remove_channel_member_on_removed_participant").asBoolean();
    }

    /**
     * {@code CreatePlaybookRun} then {@code resolveOwner}: a default owner who is in the team wins
     * even over an owner the request named; no owner at all falls back to the reporter.
     */
    private void resolveOwner(RunEntity run, ObjectNode playbook) {
        if (!run.defaultOwnerId.isEmpty() && state.directory().isTeamMember(run.teamId, run.defaultOwnerId)) {
            run.ownerUserId = run.defaultOwnerId;
        }
        if (run.ownerUserId == null || run.ownerUserId.isEmpty()) {
            run.ownerUserId = run.reporterUserId;
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }

    /** {@code createPlaybookRunChannel}: display name cut to 64 runes, slug from {@code cleanChannelName}. */
    private Channel newChannel(String teamId, String name, String type, long at) {
        String id = state.ids().next();
        String displayName = name.codePointCount(0, name.length()) > 64
                ? name.substring(0, name.offsetByCodePoints(0, 64)) : name;
        String slug = displayName.toLowerCase(Locale.ROOT).strip().replace('-', ' ')
                .replaceAll("[^\\w\\s]", "").replace(' ', '-').replaceAll("(^-+|-+$)", "");
        if (slug.length() > 59) {
            slug = slug.substring(0, 59);
        }
        if (slug.isEmpty()) {
            slug = state.ids().next();
        }
        String wanted = slug;
        if (state.directory().hasChannelNamed(teamId, wanted)) {
            slug = slug + "-" + id.substring(0, 4);
        }
        Channel channel = new Channel(id, at, at, 0, teamId, type, displayName, slug, "", "", at, 0, "");
        state.directory().addChannel(channel);
        return channel;
    }

    /** Items assigned to a role get that person ({@code resolveRoleAssignments}). */
    private List<Checklist> checklists(JsonNode source, long at, String ownerId, String creatorId) {
        List<Checklist> result = new ArrayList<>();
        for (JsonNode checklist : source) {
            List<ChecklistItem> items = new ArrayList<>();
            for (JsonNode item : checklist.path("items")) {
                long relativeDue = item.path("due_date").asLong();
                String role = item.path("assignee_type").asText();
                String assignee = switch (role) {
                    case "owner" -> ownerId;
                    case "creator" -> creatorId;
                    default -> item.path("assignee_id").asText();
                };
                items.add(new ChecklistItem(state.ids().next(), item.path("title").asText(), ChecklistItem.OPEN, 0,
                        assignee, 0, item.path("assignee_type").asText(),
                        item.path("assignee_property_field_id").asText(), item.path("command").asText(), 0,
                        item.path("description").asText(), 0, relativeDue > 0 ? at + relativeDue : 0, List.of(),
                        item.path("condition_id").asText(), item.path("condition_action").asText(),
                        item.path("condition_reason").asText(), at));
            }
            result.add(Checklist.of(state.ids().next(), checklist.path("title").asText(), items, at));
        }
        return result;
    }
}
