package com.incidentconsole.sandbox.graphql;

import com.incidentconsole.sandbox.runs.Access;
import com.incidentconsole.sandbox.runs.GraphQlErrorable;
import com.incidentconsole.sandbox.runs.OwnerChange;
import com.incidentconsole.sandbox.runs.ParticipantService;
import com.incidentconsole.sandbox.runs.RunPublisher;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.Channel;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TaskAction;
import graphql.schema.DataFetchingEnvironment;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The run mutations of {@code graphql_root_run.go}. {@code updateRun} and {@code setRunFavorite}
 * return the run id, the others {@code ""}. Callers hold the state lock.
 */
final class RunMutations {

    private static final String FINISHED = "cannot modify a finished run: already ended";

    private final SandboxState state;
    private final Access access;
    private final ParticipantService participants;
    private final OwnerChange owners;
    private final RunPublisher publisher;
    private final Favorites favorites;

    RunMutations(SandboxState state, Access access, ParticipantService participants, OwnerChange owners,
                 RunPublisher publisher, Favorites favorites) {
        this.state = state;
        this.access = access;
        this.participants = participants;
        this.owners = owners;
        this.publisher = publisher;
        this.favorites = favorites;
    }

    /** {@code SetRunFavorite}: RunView, then the user's favourite category (per team in the real store). */
    String setRunFavorite(DataFetchingEnvironment env) {
        String userId = GraphQlEndpoint.userId(env);
        RunEntity run = access.requireView(userId, env.getArgument("id"));
        favorites.set(userId, run.id, Boolean.TRUE.equals(env.getArgument("fav")));
        return run.id;
    }

    String addRunParticipants(DataFetchingEnvironment env) {
        participants.add(GraphQlEndpoint.userId(env), env.getArgument("runID"), env.getArgument("userIDs"),
                Boolean.TRUE.equals(env.getArgument("forceAddToChannel")));
        return "";
    }

    String removeRunParticipants(DataFetchingEnvironment env) {
        participants.remove(GraphQlEndpoint.userId(env), env.getArgument("runID"), env.getArgument("userIDs"));
        return "";
    }

    String changeRunOwner(DataFetchingEnvironment env) {
        String ownerId = env.getArgument("ownerID");
        owners.change(GraphQlEndpoint.userId(env), env.getArgument("runID"), () -> ownerId, true);
        return "";
    }

    /**
     * {@code UpdateRunTaskActions}: no actions given is a success before any check; then RunManageProperties,
     * an active run, {@code validateTaskActions} (at most 10; trigger {@code keywords_by_users} and action
     * {@code mark_item_as_done}, each payload decodable) and {@code SetTaskActionsToChecklistItem}, which
     * stores them on the item and publishes the run. Whether a trigger then fires on a post is not modelled.
     */
    String updateRunTaskActions(DataFetchingEnvironment env) {
        List<Map<String, Object>> given = env.getArgument("taskActions");
        if (given == null) {
            return "";
        }
        RunEntity run = manageActive(env, env.getArgument("runID"));
        List<TaskAction> actions = TaskActionRules.validated(given);
        int n = ((Number) env.getArgument("checklistNum")).intValue();
        int i = ((Number) env.getArgument("itemNum")).intValue();
        if (n < 0 || n >= run.checklists.size() || i < 0 || i >= run.checklists.get(n).items().size()) {
            throw new IllegalStateException("invalid checklist item indices");
        }
        PlaybookRun before = run.toWire();
        long now = state.now();
        Checklist checklist = run.checklists.get(n);
        List<ChecklistItem> items = new ArrayList<>(checklist.items());
        ChecklistItem it = items.get(i);
        items.set(i, new ChecklistItem(it.id(), it.title(), it.state(), it.stateModified(), it.assigneeId(),
                it.assigneeModified(), it.assigneeType(), it.assigneePropertyFieldId(), it.command(),
                it.commandLastRun(), it.description(), it.lastSkipped(), it.dueDate(), actions, it.conditionId(),
                it.conditionAction(), it.conditionReason(), now));
        run.checklists.set(n, checklist.withItems(items, now));
        run.updateAt = now;
        publisher.runUpdated(before, run);
        return "";
    }

    /**
     * {@code UpdateRun}: RunManageProperties, active run, then the checks of each given field; a blank
     * name is stored as given. Any field given means {@code GraphqlUpdate}: {@code update_at} is set and
     * the run is published even when nothing changed.
     */
    String updateRun(DataFetchingEnvironment env) {
        String userId = GraphQlEndpoint.userId(env);
        RunEntity run = manageActive(env, env.getArgument("id"));
        Map<String, Object> updates = new java.util.LinkedHashMap<>(env.getArgument("updates"));
        // Go pointers: a field given as null is a field not given.
        updates.values().removeIf(java.util.Objects::isNull);
        if (updates.containsKey("channelID")) {
            checkChannel(userId, run, (String) updates.get("channelID"));
        }
        if (updates.containsKey("broadcastChannelIDs")) {
            for (String channelId : strings(updates.get("broadcastChannelIDs"))) {
                // NoAddedBroadcastChannelsWithoutPermission: create_post in every newly added channel.
                if (!run.broadcastChannelIds.contains(channelId) && !access.isSystemAdmin(userId)
                        && !state.directory().isChannelMember(channelId, userId)) {
                    throw new IllegalStateException("user does not have permission to create posts in channel");
                }
            }
        }
        if (updates.containsKey("webhookOnStatusUpdateURLs")) {
            validateWebhooks(strings(updates.get("webhookOnStatusUpdateURLs")));
        }
        if (updates.isEmpty()) {
            return run.id;
        }
        PlaybookRun before = run.toWire();
        long now = state.now();
        updates.forEach((field, value) -> apply(run, field, value, now));
        run.updateAt = now;
        publisher.runUpdated(before, run);
        return run.id;
    }

    private static void apply(RunEntity run, String field, Object value, long now) {
        switch (field) {
            case "name" -> run.name = (String) value;
            case "summary" -> {
                run.summary = (String) value;
                run.summaryModifiedAt = now;
            }
            case "channelID" -> run.channelId = (String) value;
            case "createChannelMemberOnNewParticipant" -> run.createChannelMemberOnNewParticipant = (Boolean) value;
            case "removeChannelMemberOnRemovedParticipant" ->
                    run.removeChannelMemberOnRemovedParticipant = (Boolean) value;
            case "statusUpdateBroadcastChannelsEnabled" -> run.statusUpdateBroadcastChannelsEnabled = (Boolean) value;
            case "statusUpdateBroadcastWebhooksEnabled" -> run.statusUpdateBroadcastWebhooksEnabled = (Boolean) value;
            case "broadcastChannelIDs" -> run.broadcastChannelIds = new ArrayList<>(strings(value));
            case "webhookOnStatusUpdateURLs" -> run.webhookOnStatusUpdateUrls = new ArrayList<>(strings(value));
            default -> throw new IllegalStateException("unknown field " + field);
        }
    }

    /** Linking another channel: it must exist, not be a DM/GM, be in the run's team, and the user must manage its properties. */
    private void checkChannel(String userId, RunEntity run, String channelId) {
        Channel channel = state.directory().channel(channelId == null ? "" : channelId)
                .orElseThrow(() -> new IllegalStateException("failed to get channel"));
        if ("D".equals(channel.type()) || "G".equals(channel.type())) {
            throw new IllegalStateException("playbook runs cannot be moved to direct or group message channels");
        }
        if (!channel.teamId().equals(run.teamId)) {
            throw new IllegalStateException("channel not in given team");
        }
        // manage_public/private_channel_properties: channel members and system admins by default.
        if (!access.isSystemAdmin(userId) && !state.directory().isChannelMember(channel.id(), userId)) {
            throw new IllegalStateException("You are not able to manage channel properties");
        }
    }

    /** {@code ValidateWebhookURLs}: at most 64, each an absolute http(s) request URI. */
    private static void validateWebhooks(List<String> urls) {
        if (urls.size() > 64) {
            throw new IllegalStateException("too many registered urls, limit to less than 64");
        }
        for (String url : urls) {
            URI uri;
            try {
                uri = new URI(url);
            } catch (Exception e) {
                throw new IllegalStateException("unable to parse webhook");
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalStateException("only HTTP and HTTPS are accepted");
            }
        }
    }

    private RunEntity manageActive(DataFetchingEnvironment env, String runId) {
        RunEntity run = access.requireManage(GraphQlEndpoint.userId(env), runId, false);
        if (run.isFinished()) {
            throw new GraphQlErrorable(FINISHED);
        }
        return run;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }
}
