package com.incidentconsole.sync;

import com.incidentconsole.client.ChecklistApi;
import com.incidentconsole.client.PostsApi;
import com.incidentconsole.client.RunQuery;
import com.incidentconsole.client.RunsApi;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.PostList;
import com.incidentconsole.wire.RunCreateOptions;
import com.incidentconsole.wire.StatusPostComplete;
import java.util.List;

/** {@link ActionTransport} over the REST client. */
record ClientActionTransport(RunsApi runs, ChecklistApi checklists, PostsApi posts) implements ActionTransport {

    @Override
    public void setItemState(String runId, int checklistIndex, int itemIndex, String newState) {
        checklists.setItemState(runId, checklistIndex, itemIndex, newState);
    }

    @Override
    public void changeOwner(String runId, String ownerUserId) {
        runs.changeOwner(runId, ownerUserId);
    }

    @Override
    public void finishRun(String runId) {
        runs.finish(runId);
    }

    @Override
    public void restoreRun(String runId) {
        runs.restore(runId);
    }

    @Override
    public void postStatusUpdate(String runId, String message, long reminderSeconds, boolean finishRun) {
        runs.postStatusUpdate(runId, message, reminderSeconds, finishRun);
    }

    // status updates
    @Override
    public void setStatusBroadcast(String runId, boolean enabled) {
        runs.setStatusBroadcast(runId, enabled);
    }

    @Override
    public void resetReminder(String runId, long seconds) {
        runs.resetReminder(runId, seconds);
    }

    @Override
    public void requestUpdate(String runId) {
        runs.requestUpdate(runId);
    }

    @Override
    public List<StatusPostComplete> statusUpdates(String runId) {
        return runs.statusUpdates(runId);
    }

    @Override
    public PlaybookRun fetchRun(String runId) {
        return runs.get(runId);
    }

    // runops (ADR 0025): starting a run, announcing it, participants, following, name and summary.

    @Override
    public PlaybookRun startRun(RunCreateOptions options) {
        return runs.create(options);
    }

    @Override
    public List<PlaybookRun> newestRuns(String teamId, int count) {
        return runs.list(RunQuery.all().team(teamId).sort("create_at", "desc").page(0, count)).items();
    }

    @Override
    public void createPost(String channelId, String message) {
        posts.createOnce(channelId, message);
    }

    @Override
    public List<Post> channelPosts(String channelId, int count) {
        PostList page = posts.forChannel(channelId, 0, count);
        return page.order().stream().map(page.posts()::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public void addParticipant(String runId, String userId) {
        runs.addParticipants(runId, List.of(userId));
    }

    @Override
    public void removeParticipant(String runId, String userId) {
        runs.removeParticipants(runId, List.of(userId));
    }

    @Override
    public void follow(String runId) {
        runs.follow(runId);
    }

    @Override
    public void unfollow(String runId) {
        runs.unfollow(runId);
    }

    @Override
    public void patchRun(String runId, String name, String summary) {
        runs.patch(runId, name, summary);
    }

    // --- checklist work (ADR 0024) ---

    @Override
    public void setItemAssignee(String runId, int checklistIndex, int itemIndex, String userId) {
        checklists.setAssignee(runId, checklistIndex, itemIndex, userId);
    }

    @Override
    public void setItemDueDate(String runId, int checklistIndex, int itemIndex, long dueAt) {
        checklists.setDueDate(runId, checklistIndex, itemIndex, dueAt);
    }

    @Override
    public void editItem(String runId, int checklistIndex, int itemIndex, String title, String command,
                         String description) {
        checklists.editItem(runId, checklistIndex, itemIndex, title, command, description);
    }

    @Override
    public void deleteItem(String runId, int checklistIndex, int itemIndex) {
        checklists.deleteItem(runId, checklistIndex, itemIndex);
    }

    @Override
    public void moveItem(String runId, int fromChecklist, int fromItem, int toChecklist, int toItem) {
        checklists.moveItem(runId, fromChecklist, fromItem, toChecklist, toItem);
    }

    @Override
    public void runItemCommand(String runId, int checklistIndex, int itemIndex) {
        checklists.runCommand(runId, checklistIndex, itemIndex);
    }

    @Override
    public void addItem(String runId, int checklistIndex, String title) {
        checklists.addItem(runId, checklistIndex, ChecklistItem.titled(title));
    }

    @Override
    public void duplicateItem(String runId, int checklistIndex, int itemIndex) {
        checklists.duplicateItem(runId, checklistIndex, itemIndex);
    }

    @Override
    public void addChecklist(String runId, String title) {
        checklists.addChecklist(runId, title);
    }

    @Override
    public void renameChecklist(String runId, int checklistIndex, String title) {
        checklists.renameChecklist(runId, checklistIndex, title);
    }

    @Override
    public void deleteChecklist(String runId, int checklistIndex) {
        checklists.deleteChecklist(runId, checklistIndex);
    }

    @Override
    public void moveChecklist(String runId, int fromIndex, int toIndex) {
        checklists.moveChecklist(runId, fromIndex, toIndex);
    }

    @Override
    public void skipChecklist(String runId, int checklistIndex, boolean skip) {
        if (skip) {
            checklists.skipChecklist(runId, checklistIndex);
        } else {
            checklists.restoreChecklist(runId, checklistIndex);
        }
    }

    // retro (issue 16)

    @Override
    public void saveRetrospective(String runId, String text, List<com.incidentconsole.wire.RunMetricData> metrics) {
        runs.saveRetrospective(runId, text, metrics);
    }

    @Override
    public void publishRetrospective(String runId, String text,
                                     List<com.incidentconsole.wire.RunMetricData> metrics) {
        runs.publishRetrospective(runId, text, metrics);
    }

    @Override
    public void cancelRetrospective(String runId) {
        runs.cancelRetrospective(runId);
    }

    @Override
    public void setRetrospectiveEnabled(String runId, boolean enabled) {
        runs.setRetrospectiveEnabled(runId, enabled);
    }

    @Override
    public void deleteTimelineEvent(String runId, String eventId) {
        runs.deleteTimelineEvent(runId, eventId);
    }

    // timeline (issue 16, ADR 0031)

    @Override
    public Post createPostAt(String channelId, String message, long createAt) {
        return posts.createAt(channelId, message, createAt);
    }

    @Override
    public void addPostToTimeline(String runId, String userId, String postId, String summary) {
        runs.addPostToTimeline(runId, userId, postId, summary);
    }
}
