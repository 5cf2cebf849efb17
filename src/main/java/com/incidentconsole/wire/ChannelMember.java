package com.incidentconsole.wire;

/** Membership of one user in one channel. */
public record ChannelMember(
        String channelId,
        String userId,
        String roles,
        long lastViewedAt,
        long msgCount,
        long mentionCount,
        long lastUpdateAt) {

    public ChannelMember {
        channelId = Lists.text(channelId);
        userId = Lists.text(userId);
        roles = Lists.text(roles);
    }
}
