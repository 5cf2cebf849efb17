package com.incidentconsole.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Body of {@code POST /runs}. {@code type} is ignored by the server, which derives it from {@code playbook_id}. */
public record RunCreateOptions(
        String name,
        String ownerUserId,
        String teamId,
        String channelId,
        String summary,
        String postId,
        String playbookId,
        Boolean createPublicRun,
        String type,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, JsonNode> propertyValues) {

    public RunCreateOptions {
        name = Lists.text(name);
        ownerUserId = Lists.text(ownerUserId);
        teamId = Lists.text(teamId);
        channelId = Lists.text(channelId);
        summary = Lists.text(summary);
        postId = Lists.text(postId);
        playbookId = Lists.text(playbookId);
        type = Lists.text(type);
        propertyValues = Lists.of(propertyValues);
    }

    public static RunCreateOptions fromPlaybook(String playbookId, String teamId, String name, String ownerUserId,
                                                String summary) {
        return new RunCreateOptions(name, ownerUserId, teamId, "", summary, "", playbookId, null,
                PlaybookRun.TYPE_PLAYBOOK, Map.of());
    }
}
