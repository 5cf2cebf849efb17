package com.incidentconsole.sandbox.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.state.Rejection;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.sandbox.ws.EventHub;
import com.incidentconsole.wire.Broadcast;
import com.incidentconsole.wire.PluginEvents;
import com.incidentconsole.wire.TimelineEvent;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Adding and removing run participants, which the plugin only offers through GraphQL
 * ({@code addRunParticipants} / {@code removeRunParticipants}, playbooks-api.md §4.1). Joining or
 * leaving yourself needs only view permission; changing others needs manage permission and an
 * active run. Channel membership follows the run's settings and is announced with core events.
 */
public final class ParticipantService {

    private final SandboxState state;
    private final Access access;
    private final RunService runs;
    private final RunFactory factory;
    private final EventHub hub;
    private final ObjectMapper mapper;

    public ParticipantService(SandboxState state, Access access, RunService runs, RunFactory factory, EventHub hub,
                              ObjectMapper mapper) {
        this.state = state;
        this.access = access;
        this.runs = runs;
        this.factory = factory;
        this.hub = hub;
        this.mapper = mapper;
    }

    public void add(String userId, String runId, List<String> userIds, boolean forceAddToChannel) {
        state.locked(() -> {
            RunEntity run = check(userId, runId, userIds);
            for (String id : userIds) {
                if (!state.directory().isTeamMember(run.teamId, id)) {
                    throw new Rejection(400, "user is not a member of the run's team");
                }
            }
            for (String id : userIds) {
                if ((run.createChannelMemberOnNewParticipant || forceAddToChannel)
                        && !state.directory().isChannelMember(run.channelId, id)) {
                    state.directory().addChannelMember(run.channelId, id);
                    ObjectNode data = mapper.createObjectNode().put("user_id", id).put("team_id", run.teamId);
                    hub.publish(PluginEvents.USER_ADDED, data, Broadcast.toChannel(run.channelId));
                }
            }
            runs.change(run, r -> {
                r.participantIds.addAll(userIds);
                record(r, userId, userIds, "joined");
            });
        });
    }

    public void remove(String userId, String runId, List<String> userIds) {
        state.locked(() -> {
            RunEntity run = check(userId, runId, userIds);
            if (userIds.contains(run.ownerUserId)) {
                throw new Rejection(400, "the run owner cannot be removed from the run");
            }
            runs.change(run, r -> {
                userIds.forEach(r.participantIds::remove);
                userIds.forEach(r.followers::remove);
                record(r, userId, userIds, "left");
            });
            if (run.removeChannelMemberOnRemovedParticipant) {
                for (String id : userIds) {
                    if (state.directory().isChannelMember(run.channelId, id)) {
                        state.directory().removeChannelMember(run.channelId, id);
                        hub.publish(PluginEvents.USER_REMOVED, mapper.createObjectNode().put("user_id", id)
                                .put("remover_id", userId), Broadcast.toChannel(run.channelId));
                        hub.publish(PluginEvents.USER_REMOVED, mapper.createObjectNode()
                                .put("channel_id", run.channelId).put("remover_id", userId), Broadcast.toUser(id));
                    }
                }
            }
        });
    }

    private RunEntity check(String userId, String runId, List<String> userIds) {
        if (userIds == null || userIds.isEmpty()) {
            throw new Rejection(400, "userIDs must not be empty");
        }
        boolean self = userIds.size() == 1 && userIds.get(0).equals(userId);
        return self ? access.requireView(userId, runId) : access.requireManage(userId, runId, true);
    }

    /** {@code user_joined_left} when someone acts on themselves, {@code participants_changed} otherwise. */
    private void record(RunEntity run, String requesterId, List<String> userIds, String action) {
        String requester = factory.username(requesterId);
        List<String> names = userIds.stream().map(factory::username).toList();
        ObjectNode details = mapper.createObjectNode().put("action", action).put("requester", requester);
        names.forEach(details.putArray("users")::add);
        boolean self = userIds.size() == 1 && userIds.get(0).equals(requesterId);
        String mentions = names.stream().map(n -> "@" + n).collect(Collectors.joining(", "));
        String summary = self ? "@" + requester + " " + action + " the run"
                : "@" + requester + (action.equals("joined") ? " added " : " removed ") + mentions
                + (action.equals("joined") ? " to" : " from") + " the run";
        runs.timeline(run, self ? TimelineEvent.USER_JOINED_LEFT : TimelineEvent.PARTICIPANTS_CHANGED, summary,
                details.toString(), "", self ? requesterId : "", requesterId);
    }
}
