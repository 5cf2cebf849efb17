package com.incidentconsole.sandbox.state;

import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.RunMetricData;
import com.incidentconsole.wire.StatusPost;
import com.incidentconsole.wire.TimelineEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The stored form of a run: mutable so that seeding 10,000 runs and editing one item stay cheap.
 * {@link #toWire()} derives what the server computes on read ({@code items_order}, task counts,
 * only non-deleted timeline events ordered by {@code event_at}).
 */
public final class RunEntity {

    public String id;
    public String name;
    public String summary = "";
    public long summaryModifiedAt;
    public String ownerUserId;
    public String reporterUserId;
    public String teamId;
    public String channelId;
    public long createAt;
    public long updateAt;
    public long endAt;
    public String postId = "";
    public String playbookId = "";
    public String type = PlaybookRun.TYPE_PLAYBOOK;
    public List<Checklist> checklists = new ArrayList<>();
    public List<StatusPost> statusPosts = new ArrayList<>();
    public String currentStatus = PlaybookRun.STATUS_IN_PROGRESS;
    public long lastStatusUpdateAt;
    public String reminderPostId = "";
    public long previousReminderNanos;
    public long reminderTimerDefaultSeconds;
    public boolean statusUpdateEnabled = true;
    public List<String> broadcastChannelIds = new ArrayList<>();
    public List<String> webhookOnStatusUpdateUrls = new ArrayList<>();
    public boolean statusUpdateBroadcastChannelsEnabled;
    public boolean statusUpdateBroadcastWebhooksEnabled;
    public String reminderMessageTemplate = "";
    public List<String> invitedUserIds = new ArrayList<>();
    public List<String> invitedGroupIds = new ArrayList<>();
    /** Includes soft-deleted events; the wire form hides them like the store does. */
    public List<TimelineEvent> timelineEvents = new ArrayList<>();
    public String defaultOwnerId = "";
    public List<String> webhookOnCreationUrls = new ArrayList<>();
    public String retrospective = "";
    public long retrospectivePublishedAt;
    public boolean retrospectiveWasCanceled;
    public long retrospectiveReminderIntervalSeconds;
    public boolean retrospectiveEnabled = true;
    public String messageOnJoin = "";
    public Set<String> participantIds = new LinkedHashSet<>();
    public Set<String> followers = new LinkedHashSet<>();
    public String categoryName = "";
    public List<RunMetricData> metricsData = new ArrayList<>();
    public boolean createChannelMemberOnNewParticipant = true;
    public boolean removeChannelMemberOnRemovedParticipant = true;
    public long runNumber;
    /** When the next status reminder fires (ms; 0 = none scheduled). The plugin keeps this in a job, not in the run. */
    public long reminderDueAt;
    public String sequentialId = "";
    /** Broadcast channel id to the root post its broadcasts thread under (IR_Incident.ChannelIDToRootID). */
    public java.util.Map<String, String> broadcastRootIds = new java.util.LinkedHashMap<>();
    /** The real run's {@code ChannelCreatedByRun}: false when {@code POST /runs} linked an existing channel. */
    public boolean channelCreatedByRun = true;

    public boolean isFinished() {
        return PlaybookRun.STATUS_FINISHED.equals(currentStatus);
    }

    public PlaybookRun toWire() {
        int total = 0;
        int completed = 0;
        for (Checklist checklist : checklists) {
            for (ChecklistItem item : checklist.items()) {
                if (item.isHidden()) {
                    continue;
                }
                total++;
                if (!item.isOpen()) {
                    completed++;
                }
            }
        }
        List<TimelineEvent> visible = timelineEvents.stream()
                .filter(e -> e.deleteAt() == 0)
                .sorted(Comparator.comparingLong(TimelineEvent::eventAt))
                .toList();
        return new PlaybookRun(id, name, summary, summaryModifiedAt, ownerUserId, reporterUserId, teamId, channelId,
                createAt, updateAt, endAt, 0, 0, "", postId, playbookId, type, checklists, statusPosts,
                currentStatus, lastStatusUpdateAt, reminderPostId, previousReminderNanos,
                reminderTimerDefaultSeconds, statusUpdateEnabled, broadcastChannelIds, webhookOnStatusUpdateUrls,
                statusUpdateBroadcastChannelsEnabled, statusUpdateBroadcastWebhooksEnabled,
                reminderMessageTemplate, invitedUserIds, invitedGroupIds, visible, defaultOwnerId,
                webhookOnCreationUrls, retrospective, retrospectivePublishedAt, retrospectiveWasCanceled,
                retrospectiveReminderIntervalSeconds, retrospectiveEnabled, messageOnJoin,
                List.copyOf(participantIds), categoryName, metricsData, createChannelMemberOnNewParticipant,
                removeChannelMemberOnRemovedParticipant, checklists.stream().map(Checklist::id).toList(),
                List.of(), List.of(), runNumber, sequentialId, total, completed);
    }
}
