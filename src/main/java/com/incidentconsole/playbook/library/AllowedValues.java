package com.incidentconsole.playbook.library;

import java.util.List;

/**
 * The closed sets of values the server accepts for the enumerated fields of the export format, read in
 * mattermost-plugin-playbooks. The editor offers exactly these; the validator flags anything else.
 */
public final class AllowedValues {

    /** server/app/playbook.go {@code ChannelPlaybookMode}; the export omits the first, its zero value. */
    public static final List<String> CHANNEL_MODES = List.of("create_new_channel", "link_existing_channel");

    /**
     * server/app/playbook.go {@code AssigneeType*}: "" is a specific user ({@code assignee_id}, which the export
     * drops), the others are resolved when a run starts.
     */
    public static final List<String> ASSIGNEE_TYPES = List.of("", "owner", "creator", "property_user");

    /** server/app/condition.go {@code ConditionAction*}. */
    public static final List<String> CONDITION_ACTIONS = List.of("", "hidden", "shown_because_modified");

    /** server/app/playbook.go {@code MetricType*}. */
    public static final List<String> METRIC_TYPES = List.of("metric_duration", "metric_currency", "metric_integer");

    /** The property field type an item's assignee can be taken from ({@code AssigneeTypePropertyUser}). */
    public static final String USER_PROPERTY_TYPE = "user";

    private AllowedValues() {
    }
}
