package com.incidentconsole.client;

import com.incidentconsole.wire.Channel;
import com.incidentconsole.wire.ChannelMember;
import java.util.List;

/** Mattermost core channels. */
public final class ChannelsApi {

    private final Rest rest;

    ChannelsApi(Rest rest) {
        this.rest = rest;
    }

    public Channel get(String id) {
        return rest.get(Rest.V4 + "/channels/" + Rest.seg(id), rest.type(Channel.class));
    }

    public List<ChannelMember> members(String channelId, int page, int perPage) {
        return rest.get(Rest.V4 + "/channels/" + Rest.seg(channelId) + "/members", UsersApi.paging(page, perPage),
                rest.listOf(ChannelMember.class));
    }

    /** The channels of {@code teamId} the signed-in user is a member of (runops: announce and start pickers). */
    public List<Channel> mine(String teamId) {
        return rest.get(Rest.V4 + "/users/me/teams/" + Rest.seg(teamId) + "/channels", rest.listOf(Channel.class));
    }
}
