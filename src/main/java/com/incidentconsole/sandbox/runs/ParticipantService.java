package com.incidentconsole.sandbox.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.chat.Poster;
import com.incidentconsole.sandbox.state.Rejection;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.sandbox.ws.EventHub;
import com.incidentconsole.wire.Broadcast;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.PluginEvents;
import com.incidentconsole.wire.TimelineEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Participants and followers as {@code playbook_run_service.go} handles them: {@code AddParticipants},
 * {@code RemoveParticipants}, {@code Follow}, {@code Unfollow}. The GraphQL resolvers
 * ({@code graphql_root_run.go}) and the REST follow routes call in here; the owner change and item
 * assignment reuse {@link #addParticipants} as the real service does.
 */
public final class ParticipantService {

    private final SandboxState state;
    private final Access access;
    private final RunService runs;
    private final RunFactory factory;
    private final RunPublisher publisher;
    private final Poster poster;
    private final DirectMessages dms;
    private final EventHub hub;
    private final ObjectMapper mapper;

    public ParticipantService(SandboxState state, Access access, RunService runs, RunFactory factory,
                              RunPublisher publisher, Poster poster, DirectMessages dms, EventHub hub,
                              ObjectMapper mapper) {
        this.state = state;
        this.access = access;
        this.runs = runs;
        this.factory = factory;
        this.publisher = publisher;
        this.poster = poster;
        this.dms = dms;
        this.hub = hub;
        this.mapper = mapper;
    }

    /**
     * {@code AddRunParticipants}: joining yourself needs RunView; adding others RunManageProperties and an
     * active run (the resolver's errorable "cannot modify a finished run: already ended").
     */
    public void add(String requester, String runId, List<String> userIds, boolean forceAddToChannel) {
        state.locked(() -> {
            RunEntity run = checkMembershipChange(requester, runId, userIds);
            addParticipants(run, userIds, requester, forceAddToChannel, true);
        });
    }

    /** {@code RemoveRunParticipants}: {@code RemoveParticipants}, then {@code Unfollow} for each removed user. */
    public void remove(String requester, String runId, List<String> userIds) {
        state.locked(() -> {
            RunEntity run = checkMembershipChange(requester, runId, userIds);
            if (userIds.isEmpty()) {
                return;
            }
            if (userIds.contains(run.ownerUserId)) {
                // A plain error in RemoveParticipants: the GraphQL reply carries only the generic message.
                throw new Rejection(500, "owner user can't leave the run");
            }
            PlaybookRun original = run.toWire();
            userIds.forEach(run.participantIds::remove);
            run.updateAt = state.now();
            boolean canManageMembers = run.removeChannelMemberOnRemovedParticipant
                    && access.canManageChannelMembers(requester, run.channelId);
            for (String id : userIds) {
                if (canManageMembers && state.directory().isChannelMember(run.channelId, id)) {
                    leaveChannel(run, id, requester);
                }
            }
            participantsTimeline(run, requester, userIds, "left");
            List<String> audience = new ArrayList<>(userIds);
            audience.add(requester);
            publisher.runUpdated(original, run, audience);
            for (String id : userIds) {
                follow(run, id, false);
            }
        });
    }

    /** {@code PUT|DELETE /runs/{id}/followers}: RunView, then {@code Follow} / {@code Unfollow}. */
    public void follow(String userId, String runId, boolean follow) {
        state.locked(() -> follow(access.requireView(userId, runId), userId, follow));
    }

    /**
     * {@code AddParticipants(run, ids, requester, force, sendWebsocket)}. Users outside the run's team
     * are skipped and named in a bot post; each added user joins the channel (when the run says so and
     * the requester may manage its members) and follows the run, which publishes one update each; then
     * one timeline event and, with {@code sendWebsocket}, a final update that also reaches the added users
     * and the requester outside the channel. Caller holds the lock.
     */
    void addParticipants(RunEntity run, List<String> userIds, String requester, boolean forceAddToChannel,
                         boolean sendWebsocket) {
        if (userIds.isEmpty()) {
            return;
        }
        PlaybookRun original = run.toWire();
        List<String> toInvite = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String id : userIds) {
            (state.directory().isTeamMember(run.teamId, id) ? toInvite : failed).add(id);
        }
        if (!toInvite.isEmpty()) {
            run.participantIds.addAll(toInvite);
            run.updateAt = state.now();
        }
        reportFailedInvites(run, failed);
        boolean addToChannel = (run.createChannelMemberOnNewParticipant || forceAddToChannel)
                && access.canManageChannelMembers(requester, run.channelId);
        for (String id : toInvite) {
            if (addToChannel && !state.directory().isChannelMember(run.channelId, id)) {
                state.directory().addChannelMember(run.channelId, id);
                ObjectNode data = mapper.createObjectNode().put("user_id", id).put("team_id", run.teamId);
                hub.publish(PluginEvents.USER_ADDED, data, Broadcast.toChannel(run.channelId));
            }
            follow(run, id, true);
        }
        participantsTimeline(run, requester, toInvite, "joined");
        if (sendWebsocket && !toInvite.isEmpty()) {
            List<String> audience = new ArrayList<>(toInvite);
            audience.add(requester);
            publisher.runUpdated(original, run, audience);
        }
    }

    /** The store's {@code updateFollowing} does not touch the run; the update still goes out, with a copy for the user. */
    private void follow(RunEntity run, String userId, boolean follow) {
        PlaybookRun before = run.toWire();
        if (follow) {
            run.followers.add(userId);
        } else {
            run.followers.remove(userId);
        }
        publisher.runUpdated(before, run, List.of(userId));
    }

    private RunEntity checkMembershipChange(String requester, String runId, List<String> userIds) {
        boolean self = userIds.size() == 1 && userIds.get(0).equals(requester);
        if (self) {
            return access.requireView(requester, runId);
        }
        RunEntity run = access.requireManage(requester, runId, false);
        if (run.isFinished()) {
            throw new GraphQlErrorable("cannot modify a finished run: already ended");
        }
        return run;
    }

    /** {@code failedInvitedUserActions}: one bot post in the run channel; unknown ids count as deleted users. */
    private void reportFailedInvites(RunEntity run, List<String> failed) {
        if (failed.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        int deleted = 0;
        for (String id : failed) {
            var user = state.directory().user(id);
            if (user.isEmpty()) {
                deleted++;
            } else {
                names.add("@" + user.get().username());
            }
        }
        String deletedNote = deleted == 0 ? "" : " " + deleted
                + " users from the original list have been deleted since the creation of the playbook.";
        poster.post(run.channelId, dms.botId(), "Failed to invite the following users: " + String.join(", ", names)
                + ". " + deletedNote, "", null);
    }

    /** Core {@code RemoveUserFromChannel}: {@code user_removed} to the channel and to the removed user. */
    private void leaveChannel(RunEntity run, String userId, String remover) {
        state.directory().removeChannelMember(run.channelId, userId);
        hub.publish(PluginEvents.USER_REMOVED, mapper.createObjectNode().put("user_id", userId)
                .put("remover_id", remover), Broadcast.toChannel(run.channelId));
        hub.publish(PluginEvents.USER_REMOVED, mapper.createObjectNode().put("channel_id", run.channelId)
                .put("remover_id", remover), Broadcast.toUser(userId));
    }

    /**
     * {@code changeParticipantsTimeline}: summary empty ("copies managed in webapp"), creator the requester,
     * subject the single affected user (else the requester); {@code user_joined_left} when acting on oneself.
     */
    private void participantsTimeline(RunEntity run, String requester, List<String> userIds, String action) {
        if (userIds.isEmpty()) {
            return;
        }
        ObjectNode details = mapper.createObjectNode().put("action", action).put("requester",
                factory.username(requester));
        userIds.stream().map(factory::username).forEach(details.putArray("users")::add);
        boolean self = userIds.size() == 1 && userIds.get(0).equals(requester);
        String subject = userIds.size() == 1 ? userIds.get(0) : requester;
        runs.timeline(run, self ? TimelineEvent.USER_JOINED_LEFT : TimelineEvent.PARTICIPANTS_CHANGED, "",
                details.toString(), "", subject, requester);
    }
}
