package com.incidentconsole.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.chat.Poster;
import com.incidentconsole.sandbox.state.Directory;
import com.incidentconsole.sandbox.state.IdSource;
import com.incidentconsole.sandbox.state.Rejection;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.sandbox.ws.EventHub;
import com.incidentconsole.wire.Broadcast;
import com.incidentconsole.wire.Channel;
import com.incidentconsole.wire.ChannelMember;
import com.incidentconsole.wire.PluginEvents;
import com.incidentconsole.wire.User;
import java.util.Map;

/**
 * Channel member add/remove ({@code server/channels/api4/channel.go} {@code addChannelMember},
 * {@code removeChannelMember}; {@code app/channel.go} {@code AddUserToChannel},
 * {@code removeUserFromChannel}) with their events and system posts. The sandbox knows one role
 * per channel member ({@code channel_user}, which holds {@code manage_*_channel_members}) and
 * system admins; team and channel admin roles are not modelled.
 */
public final class MembershipRoutes {

    private static final String MEMBERS = "/api/v4/channels/{channel_id}/members";

    private final SandboxState state;
    private final Poster poster;
    private final EventHub hub;
    private final ObjectMapper mapper;

    public MembershipRoutes(SandboxState state, Poster poster, EventHub hub, ObjectMapper mapper) {
        this.state = state;
        this.poster = poster;
        this.hub = hub;
        this.mapper = mapper;
    }

    public void register(Router router) {
        router.add("POST", MEMBERS, Router.Area.CORE, this::add)
                .add("DELETE", MEMBERS + "/{user_id}", Router.Area.CORE, this::remove);
    }

    /**
     * Order of {@code addChannelMember}: body {@code user_id} (400), channel (404), permission
     * (self-join of an open channel: {@code join_public_channels}, i.e. a team member; otherwise
     * {@code manage_*_channel_members}, i.e. a member), already a member (201, nothing sent), user
     * (404), team membership (404), then {@code user_added} to the channel and the system post.
     */
    private Reply add(Call c) {
        String channelId = CoreErrors.requireId(c, "channel_id");
        String userId = bodyUserId(c);
        return state.locked(() -> {
            Directory d = state.directory();
            Channel channel = d.channel(channelId).orElseThrow(CoreErrors::channelNotFound);
            boolean self = userId.equals(c.userId());
            boolean allowed = admin(c.userId()) || d.isChannelMember(channelId, c.userId())
                    || (self && "O".equals(channel.type()) && d.isTeamMember(channel.teamId(), c.userId()));
            if (!allowed) {
                throw CoreErrors.permission();
            }
            if (!d.isChannelMember(channelId, userId)) {
                User user = d.user(userId).orElseThrow(CoreErrors::userNotFound);
                if (!d.isTeamMember(channel.teamId(), userId)) {
                    throw new Rejection(404, "app.team.get_member.missing.app_error",
                            "No team member found for that user ID and team ID.");
                }
                d.addChannelMember(channelId, userId);
                ObjectNode data = mapper.createObjectNode();
                data.set("user", mapper.valueToTree(user));
                data.put("team_id", channel.teamId());
                hub.publish(PluginEvents.USER_ADDED, data, Broadcast.toChannel(channelId));
                systemPost(channelId, self, c.userId(), user);
            }
            ChannelMember member = d.channelMembers(channelId).stream().filter(m -> m.userId().equals(userId))
                    .findFirst().orElseThrow();
            return Reply.json(201, member);
        });
    }

    /**
     * {@code removeChannelMember}: channel (404), user (404), permission for removing someone else,
     * not the default channel (400), a member (404); then {@code user_removed} twice — to the channel
     * (which no longer includes the user) and to the removed user — and the system post.
     */
    private Reply remove(Call c) {
        String channelId = CoreErrors.requireId(c, "channel_id");
        String userId = "me".equals(c.param("user_id")) ? c.userId() : CoreErrors.requireId(c, "user_id");
        return state.locked(() -> {
            Directory d = state.directory();
            Channel channel = d.channel(channelId).orElseThrow(CoreErrors::channelNotFound);
            User user = d.user(userId).orElseThrow(CoreErrors::userNotFound);
            boolean self = userId.equals(c.userId());
            if (!self && !admin(c.userId()) && !d.isChannelMember(channelId, c.userId())) {
                throw CoreErrors.permission();
            }
            if ("town-square".equals(channel.name())) {
                throw new Rejection(400, "api.channel.remove.default.app_error",
                        "Unable to remove user from the default channel " + channel.name() + ".");
            }
            if (!d.isChannelMember(channelId, userId)) {
                throw new Rejection(404, "app.channel.get_member.missing.app_error",
                        "No channel member found for that user ID and channel ID.");
            }
            d.removeChannelMember(channelId, userId);
            ObjectNode toChannel = mapper.createObjectNode();
            toChannel.put("user_id", userId);
            toChannel.put("remover_id", c.userId());
            hub.publish(PluginEvents.USER_REMOVED, toChannel, Broadcast.toChannel(channelId));
            ObjectNode toUser = mapper.createObjectNode();
            toUser.put("channel_id", channelId);
            toUser.put("remover_id", c.userId());
            hub.publish(PluginEvents.USER_REMOVED, toUser, Broadcast.toUser(userId));
            ObjectNode props = mapper.createObjectNode();
            if (self) {
                props.put("username", user.username());
                poster.post(channelId, userId, user.username() + " left the channel.", "system_leave_channel", props);
            } else {
                props.put("removedUserId", userId);
                props.put("removedUsername", user.username());
                poster.post(channelId, c.userId(), user.username() + " removed from the channel.",
                        "system_remove_from_channel", props);
            }
            return Reply.ok(Map.of("status", "OK"));
        });
    }

    /** {@code postJoinChannelMessage} / {@code PostAddToChannelMessage} (en.json texts). */
    private void systemPost(String channelId, boolean self, String requesterId, User added) {
        ObjectNode props = mapper.createObjectNode();
        if (self) {
            props.put("username", added.username());
            poster.post(channelId, added.id(), added.username() + " joined the channel.", "system_join_channel", props);
            return;
        }
        String requester = state.directory().user(requesterId).map(User::username).orElse("");
        props.put("userId", requesterId);
        props.put("username", requester);
        props.put("addedUserId", added.id());
        props.put("addedUsername", added.username());
        poster.post(channelId, requesterId, added.username() + " added to the channel by " + requester + ".",
                "system_add_to_channel", props);
    }

    private static String bodyUserId(Call c) {
        JsonNode id = null;
        try {
            JsonNode body = c.mapper().readTree(c.body());
            id = body == null ? null : body.get("user_id");
        } catch (Exception undecodable) {
            // model.StringInterfaceFromJSON yields an empty map: reported as a missing user_id.
        }
        if (id == null || !id.isTextual() || !IdSource.isValid(id.asText())) {
            throw CoreErrors.invalidBodyParam("user_id");
        }
        return id.asText();
    }

    private boolean admin(String userId) {
        return state.directory().user(userId).map(u -> u.roles().contains("system_admin")).orElse(false);
    }
}
