package com.incidentconsole.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Request bodies of the {@code /runs/{id}/...} mutations, each named after the server's struct. */
public final class RunRequests {

    private RunRequests() {
    }

    /** {@code PUT .../item/{i}/state}. */
    public record ItemState(String newState) {
    }

    /** {@code POST /runs/{id}/owner}. */
    public record OwnerChange(String ownerId) {
    }

    /** {@code PUT .../item/{i}/assignee}: exactly one of the three keys is sent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Assignee(String assigneeId, String assigneeType, String assigneePropertyFieldId) {
        public static Assignee user(String userId) {
            return new Assignee(userId, null, null);
        }
    }

    /** {@code PUT .../item/{i}/duedate}: absolute ms, 0 clears. */
    public record DueDate(long dueDate) {
    }

    /** {@code PUT .../item/{i}/command}. */
    public record Command(String command) {
    }

    /** {@code PUT .../item/{i}}: all three are replaced. */
    public record ItemEdit(String title, String command, String description) {
    }

    /** {@code PATCH /runs/{id}}: either may be null (= unchanged). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RunPatch(String name, String summary) {
    }

    /** {@code POST /runs/{id}/status}: {@code reminder} in seconds, > 0 unless finishing. */
    public record StatusUpdate(String message, long reminder, boolean finishRun) {
    }

    /** {@code POST /runs/{id}/reminder}. */
    public record Reminder(long newReminderSeconds) {
    }

    /** {@code PUT /runs/{id}/checklists/{n}/rename}. */
    public record ChecklistRename(String title) {
    }

    /** {@code POST /runs/{id}/checklists/move}. */
    public record ChecklistMove(int sourceChecklistIdx, int destChecklistIdx) {
    }

    /** {@code POST /runs/{id}/checklists/move-item}. */
    public record ItemMove(int sourceChecklistIdx, int sourceItemIdx, int destChecklistIdx, int destItemIdx) {
    }

    /** {@code POST /runs/{id}/retrospective} and {@code .../publish}. */
    public record Retrospective(String retrospective, List<RunMetricData> metrics) {
    }

    /** {@code PUT /runs/{id}/status-update-enabled}. */
    public record StatusEnabled(boolean statusEnabled) {
    }

    /** {@code PUT /runs/{id}/retrospective-enabled}. */
    public record RetrospectiveEnabled(boolean retrospectiveEnabled) {
    }
}
