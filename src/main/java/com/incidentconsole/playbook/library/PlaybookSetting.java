package com.incidentconsole.playbook.library;

import java.util.Arrays;
import java.util.Optional;

/**
 * The playbook-level fields of the export format (server/app/export.go: every Playbook field with an
 * {@code export} struct tag), with the JSON type the server expects. {@code checklists} and {@code metrics}
 * have their own typed accessors.
 */
public enum PlaybookSetting implements SettingKey {
    TITLE("title", Kind.STRING),
    DESCRIPTION("description", Kind.STRING),
    REMINDER_MESSAGE_TEMPLATE("reminder_message_template", Kind.STRING),
    REMINDER_TIMER_DEFAULT_SECONDS("reminder_timer_default_seconds", Kind.NUMBER),
    STATUS_UPDATE_ENABLED("status_update_enabled", Kind.BOOLEAN),
    MESSAGE_ON_JOIN("message_on_join", Kind.STRING),
    MESSAGE_ON_JOIN_ENABLED("message_on_join_enabled", Kind.BOOLEAN),
    RETROSPECTIVE_REMINDER_INTERVAL_SECONDS("retrospective_reminder_interval_seconds", Kind.NUMBER),
    RETROSPECTIVE_TEMPLATE("retrospective_template", Kind.STRING),
    RETROSPECTIVE_ENABLED("retrospective_enabled", Kind.BOOLEAN),
    SIGNAL_ANY_KEYWORDS("signal_any_keywords", Kind.STRING_LIST),
    SIGNAL_ANY_KEYWORDS_ENABLED("signal_any_keywords_enabled", Kind.BOOLEAN),
    CATEGORIZE_CHANNEL_ENABLED("categorize_channel_enabled", Kind.BOOLEAN),
    CATEGORY_NAME("category_name", Kind.STRING),
    RUN_SUMMARY_TEMPLATE_ENABLED("run_summary_template_enabled", Kind.BOOLEAN),
    RUN_SUMMARY_TEMPLATE("run_summary_template", Kind.STRING),
    CHANNEL_NAME_TEMPLATE("channel_name_template", Kind.STRING),
    CREATE_CHANNEL_MEMBER_ON_NEW_PARTICIPANT("create_channel_member_on_new_participant", Kind.BOOLEAN),
    REMOVE_CHANNEL_MEMBER_ON_REMOVED_PARTICIPANT("remove_channel_member_on_removed_participant", Kind.BOOLEAN),
    CHANNEL_ID("channel_id", Kind.STRING),
    /** Absent means {@code create_new_channel}: the export omits it as the zero value. */
    CHANNEL_MODE("channel_mode", Kind.STRING),
    RUN_NUMBER_PREFIX("run_number_prefix", Kind.STRING),
    OWNER_GROUP_ONLY_ACTIONS("owner_group_only_actions", Kind.BOOLEAN),
    NEW_CHANNEL_ONLY("new_channel_only", Kind.BOOLEAN),
    AUTO_ARCHIVE_CHANNEL("auto_archive_channel", Kind.BOOLEAN);

    /** JSON type of a setting's value. */
    public enum Kind { STRING, BOOLEAN, NUMBER, STRING_LIST }

    private final String key;
    private final Kind kind;

    PlaybookSetting(String key, Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    public static Optional<PlaybookSetting> forKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
