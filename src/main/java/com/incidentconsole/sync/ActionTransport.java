package com.incidentconsole.sync;

import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.RunCreateOptions;
import com.incidentconsole.wire.StatusPostComplete;
import java.util.List;

/**
 * The server endpoints actions use: small enough to fake in tests, implemented over the REST client
 * by {@link ClientActionTransport}. One method per endpoint, not per action — a kind calls what it
 * needs in its own {@code send}. Calls block and throw the client's typed errors.
 */
interface ActionTransport {

    void setItemState(String runId, int checklistIndex, int itemIndex, String newState);

    void changeOwner(String runId, String ownerUserId);

    void finishRun(String runId);

    void restoreRun(String runId);

    void postStatusUpdate(String runId, String message, long reminderSeconds, boolean finishRun);

    // status updates: the broadcast switch, the reminder reset (snooze, cadence) and the update request
    void setStatusBroadcast(String runId, boolean enabled);

    void resetReminder(String runId, long seconds);

    void requestUpdate(String runId);

    /** The run's status posts with their text and author, newest first. */
    List<StatusPostComplete> statusUpdates(String runId);

    PlaybookRun fetchRun(String runId);

    // runops (ADR 0025): starting a run, announcing it, participants, following, name and summary.

    /** {@code POST /runs}: the new run, as the server answers it (201). Sent at most once. */
    PlaybookRun startRun(RunCreateOptions options);

    /** The team's runs I can see, newest first, at most {@code count}. */
    List<PlaybookRun> newestRuns(String teamId, int count);

    /** A post in {@code channelId} as the signed-in user. Sent at most once. */
    void createPost(String channelId, String message);

    /** The channel's newest posts, newest first, at most {@code count}. */
    List<Post> channelPosts(String channelId, int count);

    void addParticipant(String runId, String userId);

    void removeParticipant(String runId, String userId);

    void follow(String runId);

    void unfollow(String runId);

    /** A {@code null} field is left as it is. */
    void patchRun(String runId, String name, String summary);

    // --- checklist work (ADR 0024): items and checklists, addressed by the indexes resolved at sending ---

    /** An empty {@code userId} clears the assignee. */
    void setItemAssignee(String runId, int checklistIndex, int itemIndex, String userId);

    /** Absolute epoch ms; 0 clears. */
    void setItemDueDate(String runId, int checklistIndex, int itemIndex, long dueAt);

    void editItem(String runId, int checklistIndex, int itemIndex, String title, String command, String description);

    void deleteItem(String runId, int checklistIndex, int itemIndex);

    void moveItem(String runId, int fromChecklist, int fromItem, int toChecklist, int toItem);

    void runItemCommand(String runId, int checklistIndex, int itemIndex);

    /** Appends an open item with this title. */
    void addItem(String runId, int checklistIndex, String title);

    void duplicateItem(String runId, int checklistIndex, int itemIndex);

    void addChecklist(String runId, String title);

    void renameChecklist(String runId, int checklistIndex, String title);

    void deleteChecklist(String runId, int checklistIndex);

    void moveChecklist(String runId, int fromIndex, int toIndex);

    /** Skips every item of the checklist, or restores them all. */
    void skipChecklist(String runId, int checklistIndex, boolean skip);

    // retro (issue 16): the retrospective and timeline endpoints. Defaults refuse so that other transports (test
    // fakes) need not know them.

    default void saveRetrospective(String runId, String text, List<com.incidentconsole.wire.RunMetricData> metrics) {
        throw new UnsupportedOperationException("saveRetrospective");
    }

    default void publishRetrospective(String runId, String text,
                                      List<com.incidentconsole.wire.RunMetricData> metrics) {
        throw new UnsupportedOperationException("publishRetrospective");
    }

    default void cancelRetrospective(String runId) {
        throw new UnsupportedOperationException("cancelRetrospective");
    }

    default void setRetrospectiveEnabled(String runId, boolean enabled) {
        throw new UnsupportedOperationException("setRetrospectiveEnabled");
    }

    default void deleteTimelineEvent(String runId, String eventId) {
        throw new UnsupportedOperationException("deleteTimelineEvent");
    }

    // timeline (issue 16, ADR 0031): events from posts and manual events (a post, then that post added)

    /** A post in {@code channelId} as me asking for {@code createAt} (0: now; kept only for a system admin). Once. */
    default Post createPostAt(String channelId, String message, long createAt) {
        throw new UnsupportedOperationException("createPostAt");
    }

    /** {@code POST /runs/add-to-timeline-dialog}: {@code postId} as an event of the run, by {@code userId}. Once. */
    default void addPostToTimeline(String runId, String userId, String postId, String summary) {
        throw new UnsupportedOperationException("addPostToTimeline");
    }
}
