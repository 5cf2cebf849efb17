package com.incidentconsole.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A playbook run ("incident"), as {@code GET /runs/{id}} returns it: full, with checklists, status
 * post references, timeline and metrics. Field order follows the server's struct.
 *
 * @param previousReminder the current reminder interval in <em>nanoseconds</em> (a Go duration)
 * @param propertyFields omitted by the server when empty, so kept out of the JSON when empty
 */
public record PlaybookRun(
        String id,
        String name,
        String summary,
        long summaryModifiedAt,
        String ownerUserId,
        String reporterUserId,
        String teamId,
        String channelId,
        long createAt,
        long updateAt,
        long endAt,
        long deleteAt,
        int activeStage,
        String activeStageTitle,
        String postId,
        String playbookId,
        String type,
        List<Checklist> checklists,
        List<StatusPost> statusPosts,
        String currentStatus,
        long lastStatusUpdateAt,
        String reminderPostId,
        long previousReminder,
        long reminderTimerDefaultSeconds,
        boolean statusUpdateEnabled,
        List<String> broadcastChannelIds,
        List<String> webhookOnStatusUpdateUrls,
        boolean statusUpdateBroadcastChannelsEnabled,
        boolean statusUpdateBroadcastWebhooksEnabled,
        String reminderMessageTemplate,
        List<String> invitedUserIds,
        List<String> invitedGroupIds,
        List<TimelineEvent> timelineEvents,
        String defaultOwnerId,
        List<String> webhookOnCreationUrls,
        String retrospective,
        long retrospectivePublishedAt,
        boolean retrospectiveWasCanceled,
        long retrospectiveReminderIntervalSeconds,
        boolean retrospectiveEnabled,
        String messageOnJoin,
        List<String> participantIds,
        String categoryName,
        List<RunMetricData> metricsData,
        boolean createChannelMemberOnNewParticipant,
        boolean removeChannelMemberOnRemovedParticipant,
        List<String> itemsOrder,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<JsonNode> propertyFields,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<JsonNode> propertyValues,
        long runNumber,
        String sequentialId,
        int taskTotal,
        int taskCompleted) {

    public static final String STATUS_IN_PROGRESS = "InProgress";
    public static final String STATUS_FINISHED = "Finished";
    public static final String TYPE_PLAYBOOK = "playbook";
    public static final String TYPE_CHANNEL_CHECKLIST = "channelChecklist";

    public PlaybookRun {
        id = Lists.text(id);
        name = Lists.text(name);
        summary = Lists.text(summary);
        ownerUserId = Lists.text(ownerUserId);
        reporterUserId = Lists.text(reporterUserId);
        teamId = Lists.text(teamId);
        channelId = Lists.text(channelId);
        activeStageTitle = Lists.text(activeStageTitle);
        postId = Lists.text(postId);
        playbookId = Lists.text(playbookId);
        type = Lists.text(type);
        checklists = Lists.of(checklists);
        statusPosts = Lists.of(statusPosts);
        currentStatus = Lists.text(currentStatus);
        reminderPostId = Lists.text(reminderPostId);
        broadcastChannelIds = Lists.of(broadcastChannelIds);
        webhookOnStatusUpdateUrls = Lists.of(webhookOnStatusUpdateUrls);
        reminderMessageTemplate = Lists.text(reminderMessageTemplate);
        invitedUserIds = Lists.of(invitedUserIds);
        invitedGroupIds = Lists.of(invitedGroupIds);
        timelineEvents = Lists.of(timelineEvents);
        defaultOwnerId = Lists.text(defaultOwnerId);
        webhookOnCreationUrls = Lists.of(webhookOnCreationUrls);
        retrospective = Lists.text(retrospective);
        messageOnJoin = Lists.text(messageOnJoin);
        participantIds = Lists.of(participantIds);
        categoryName = Lists.text(categoryName);
        metricsData = Lists.of(metricsData);
        itemsOrder = Lists.of(itemsOrder);
        propertyFields = Lists.of(propertyFields);
        propertyValues = Lists.of(propertyValues);
        sequentialId = Lists.text(sequentialId);
    }

    @JsonIgnore
    public boolean isFinished() {
        return STATUS_FINISHED.equals(currentStatus);
    }

    /**
     * The v1 "current stage", which the v2 server no longer has: the first checklist that still has
     * open visible items. Empty when everything is done or skipped.
     */
    @JsonIgnore
    public Optional<Integer> currentStageIndex() {
        for (int i = 0; i < checklists.size(); i++) {
            if (checklists.get(i).openCount() > 0) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The item at the given indices, if the run still has it there. */
    public Optional<ChecklistItem> item(int checklistIndex, int itemIndex) {
        if (checklistIndex < 0 || checklistIndex >= checklists.size()) {
            return Optional.empty();
        }
        List<ChecklistItem> items = checklists.get(checklistIndex).items();
        return itemIndex < 0 || itemIndex >= items.size() ? Optional.empty() : Optional.of(items.get(itemIndex));
    }
}
