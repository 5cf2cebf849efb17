package com.incidentconsole.wire;

/**
 * Names of the WebSocket events the console understands. The Playbooks plugin's events are
 * published by Mattermost as {@code custom_playbooks_<event>}.
 */
public final class PluginEvents {

    public static final String PREFIX = "custom_playbooks_";

    public static final String RUN_CREATED = PREFIX + "playbook_run_created";
    public static final String RUN_UPDATED = PREFIX + "playbook_run_updated";
    public static final String RUN_UPDATED_INCREMENTAL = PREFIX + "playbook_run_updated_incremental";
    public static final String PLAYBOOK_CREATED = PREFIX + "playbook_created";
    public static final String PLAYBOOK_ARCHIVED = PREFIX + "playbook_archived";
    public static final String PLAYBOOK_RESTORED = PREFIX + "playbook_restored";
    public static final String SETTINGS_CHANGED = PREFIX + "settings_changed";

    public static final String HELLO = "hello";
    public static final String POSTED = "posted";
    public static final String POST_EDITED = "post_edited";
    public static final String POST_DELETED = "post_deleted";
    public static final String USER_ADDED = "user_added";
    public static final String USER_REMOVED = "user_removed";
    public static final String USER_UPDATED = "user_updated";
    public static final String CHANNEL_UPDATED = "channel_updated";

    private PluginEvents() {
    }
}
