package com.incidentconsole.wire;

import java.util.List;

/** {@code GET /runs/{id}/metadata}; channel fields stay empty when the caller cannot read the run channel. */
public record RunMetadata(String channelName, String channelDisplayName, String teamName, long numParticipants,
                          long totalPosts, List<String> followers) {

    public RunMetadata {
        channelName = Lists.text(channelName);
        channelDisplayName = Lists.text(channelDisplayName);
        teamName = Lists.text(teamName);
        followers = Lists.of(followers);
    }
}
