package com.incidentconsole.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A playbook as {@code GET /playbooks/{id}} returns it. {@code PUT /playbooks/{id}} replaces it whole,
 * so a client always sends back a complete record. Offline playbook files use their own tree model
 * to keep fields this record does not know.
 */
public record Playbook(
        String id,
        String title,
        String description,
        @JsonProperty("public") boolean isPublic,
        String teamId,
        boolean createPublicPlaybookRun,
        long createAt,
        long updateAt,
        long deleteAt,
        long numStages,
        long numSteps,
        long numRuns,
        long numActions,
        long lastRunAt,
        long activeRuns,
        List<Checklist> checklists,
        List<PlaybookMember> members,
        String reminderMessageTemplate,
        long reminderTimerDefaultSeconds,
        boolean statusUpdateEnabled,
        List<String> invitedUserIds,
        List<String> invitedGroupIds,
        boolean inviteUsersEnabled,
        String defaultOwnerId,
        boolean defaultOwnerEnabled,
        List<String> broadcastChannelIds,
        boolean broadcastEnabled,
        List<String> webhookOnCreationUrls,
        boolean webhookOnCreationEnabled,
        List<String> webhookOnStatusUpdateUrls,
        boolean webhookOnStatusUpdateEnabled,
        String messageOnJoin,
        boolean messageOnJoinEnabled,
        long retrospectiveReminderIntervalSeconds,
        String retrospectiveTemplate,
        boolean retrospectiveEnabled,
        List<String> signalAnyKeywords,
        boolean signalAnyKeywordsEnabled,
        boolean categorizeChannelEnabled,
        String categoryName,
        boolean runSummaryTemplateEnabled,
        String runSummaryTemplate,
        String channelNameTemplate,
        String defaultPlaybookAdminRole,
        String defaultPlaybookMemberRole,
        String defaultRunAdminRole,
        String defaultRunMemberRole,
        List<PlaybookMetricConfig> metrics,
        boolean createChannelMemberOnNewParticipant,
        boolean removeChannelMemberOnRemovedParticipant,
        String channelId,
        String channelMode,
        String runNumberPrefix,
        boolean adminOnlyEdit,
        boolean ownerGroupOnlyActions,
        boolean newChannelOnly,
        boolean autoArchiveChannel) {

    public static final String CHANNEL_MODE_CREATE_NEW = "create_new_channel";
    public static final String CHANNEL_MODE_LINK_EXISTING = "link_existing_channel";

    public Playbook {
        id = Lists.text(id);
        title = Lists.text(title);
        description = Lists.text(description);
        teamId = Lists.text(teamId);
        checklists = Lists.of(checklists);
        members = Lists.of(members);
        reminderMessageTemplate = Lists.text(reminderMessageTemplate);
        invitedUserIds = Lists.of(invitedUserIds);
        invitedGroupIds = Lists.of(invitedGroupIds);
        defaultOwnerId = Lists.text(defaultOwnerId);
        broadcastChannelIds = Lists.of(broadcastChannelIds);
        webhookOnCreationUrls = Lists.of(webhookOnCreationUrls);
        webhookOnStatusUpdateUrls = Lists.of(webhookOnStatusUpdateUrls);
        messageOnJoin = Lists.text(messageOnJoin);
        retrospectiveTemplate = Lists.text(retrospectiveTemplate);
        signalAnyKeywords = Lists.of(signalAnyKeywords);
        categoryName = Lists.text(categoryName);
        runSummaryTemplate = Lists.text(runSummaryTemplate);
        channelNameTemplate = Lists.text(channelNameTemplate);
        defaultPlaybookAdminRole = Lists.text(defaultPlaybookAdminRole);
        defaultPlaybookMemberRole = Lists.text(defaultPlaybookMemberRole);
        defaultRunAdminRole = Lists.text(defaultRunAdminRole);
        defaultRunMemberRole = Lists.text(defaultRunMemberRole);
        metrics = Lists.of(metrics);
        channelId = Lists.text(channelId);
        channelMode = Lists.text(channelMode);
        runNumberPrefix = Lists.text(runNumberPrefix);
    }

    public boolean isArchived() {
        return deleteAt != 0;
    }
}
