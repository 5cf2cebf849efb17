package com.incidentconsole.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Payload of {@code playbook_run_updated_incremental}: only what changed since the previous state.
 * {@code changed_fields} stays a tree because its keys are any run field; its {@code checklists}
 * entry holds {@link ChecklistUpdate}s, {@code timeline_events}/{@code status_posts} hold new entries.
 */
public record PlaybookRunUpdate(
        String id,
        long playbookRunUpdatedAt,
        ObjectNode changedFields,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> checklistDeletes,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> timelineEventDeletes,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> statusPostDeletes) {

    public PlaybookRunUpdate {
        id = Lists.text(id);
        changedFields = changedFields == null ? JsonNodeFactory.instance.objectNode() : changedFields;
        checklistDeletes = Lists.of(checklistDeletes);
        timelineEventDeletes = Lists.of(timelineEventDeletes);
        statusPostDeletes = Lists.of(statusPostDeletes);
    }

    /** One checklist's delta inside {@code changed_fields.checklists}. {@code fields} holds changed checklist keys. */
    public record ChecklistUpdate(
            String id,
            long checklistUpdatedAt,
            ObjectNode fields,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ItemUpdate> itemUpdates,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> itemDeletes,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ChecklistItem> itemInserts,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> itemsOrder) {

        public ChecklistUpdate {
            id = Lists.text(id);
            fields = fields == null ? JsonNodeFactory.instance.objectNode() : fields;
            itemUpdates = Lists.of(itemUpdates);
            itemDeletes = Lists.of(itemDeletes);
            itemInserts = Lists.of(itemInserts);
            itemsOrder = Lists.of(itemsOrder);
        }
    }

    /** One item's delta: {@code fields} holds only the changed item keys (state, assignee_id, ...). */
    public record ItemUpdate(String id, long checklistItemUpdatedAt, ObjectNode fields) {

        public ItemUpdate {
            id = Lists.text(id);
            fields = fields == null ? JsonNodeFactory.instance.objectNode() : fields;
        }
    }
}
