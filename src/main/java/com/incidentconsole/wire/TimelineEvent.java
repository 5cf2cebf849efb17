package com.incidentconsole.wire;

/**
 * One entry of a run's timeline. {@code details} is a JSON string for some event types.
 * The server names the run reference {@code playbook_run_id} (the Go client's tag differs; the server wins).
 */
public record TimelineEvent(
        String id,
        String playbookRunId,
        long createAt,
        long deleteAt,
        long eventAt,
        String eventType,
        String summary,
        String details,
        String postId,
        String subjectUserId,
        String creatorUserId) {

    public static final String INCIDENT_CREATED = "incident_created";
    public static final String TASK_STATE_MODIFIED = "task_state_modified";
    public static final String STATUS_UPDATED = "status_updated";
    public static final String STATUS_UPDATE_REQUESTED = "status_update_requested";
    public static final String STATUS_UPDATE_SNOOZED = "status_update_snoozed";
    public static final String STATUS_UPDATES_ENABLED = "status_updates_enabled";
    public static final String STATUS_UPDATES_DISABLED = "status_updates_disabled";
    public static final String OWNER_CHANGED = "owner_changed";
    public static final String ASSIGNEE_CHANGED = "assignee_changed";
    public static final String RAN_SLASH_COMMAND = "ran_slash_command";
    public static final String EVENT_FROM_POST = "event_from_post";
    public static final String USER_JOINED_LEFT = "user_joined_left";
    public static final String PARTICIPANTS_CHANGED = "participants_changed";
    public static final String PUBLISHED_RETROSPECTIVE = "published_retrospective";
    public static final String CANCELED_RETROSPECTIVE = "canceled_retrospective";
    public static final String RETROSPECTIVE_ENABLED = "retrospective_enabled";
    public static final String RETROSPECTIVE_DISABLED = "retrospective_disabled";
    public static final String RUN_FINISHED = "run_finished";
    public static final String RUN_RESTORED = "run_restored";
    public static final String CHANNEL_ARCHIVED = "channel_archived";
    public static final String CHANNEL_UNARCHIVED = "channel_unarchived";
    public static final String PROPERTY_CHANGED = "property_changed";

    public TimelineEvent {
        id = Lists.text(id);
        playbookRunId = Lists.text(playbookRunId);
        eventType = Lists.text(eventType);
        summary = Lists.text(summary);
        details = Lists.text(details);
        postId = Lists.text(postId);
        subjectUserId = Lists.text(subjectUserId);
        creatorUserId = Lists.text(creatorUserId);
    }
}
