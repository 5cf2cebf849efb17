package com.incidentconsole.playbook.library;

/** The checklist item fields the export keeps (server/app/export.go, {@code export} tags on ChecklistItem). */
public enum ItemField {
    TITLE("title", PlaybookSetting.Kind.STRING),
    DESCRIPTION("description", PlaybookSetting.Kind.STRING),
    COMMAND("command", PlaybookSetting.Kind.STRING),
    /** Relative offset in milliseconds from the run's start. */
    DUE_DATE("due_date", PlaybookSetting.Kind.NUMBER),
    ASSIGNEE_TYPE("assignee_type", PlaybookSetting.Kind.STRING),
    ASSIGNEE_PROPERTY_FIELD_ID("assignee_property_field_id", PlaybookSetting.Kind.STRING),
    CONDITION_ID("condition_id", PlaybookSetting.Kind.STRING),
    CONDITION_ACTION("condition_action", PlaybookSetting.Kind.STRING);

    private final String key;
    private final PlaybookSetting.Kind kind;

    ItemField(String key, PlaybookSetting.Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    public String key() {
        return key;
    }

    public PlaybookSetting.Kind kind() {
        return kind;
    }
}
