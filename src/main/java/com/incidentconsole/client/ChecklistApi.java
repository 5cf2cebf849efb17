package com.incidentconsole.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.RunRequests;
import java.util.List;

/**
 * Checklists and items of a run, addressed by array index as the server does. Indices shift after
 * add/move/delete, so callers must issue each call against the run as they last saw it.
 */
public final class ChecklistApi {

    private final Rest rest;

    ChecklistApi(Rest rest) {
        this.rest = rest;
    }

    private static String checklists(String runId) {
        return Rest.PLUGIN + "/runs/" + Rest.seg(runId) + "/checklists";
    }

    private static String item(String runId, int checklistIdx, int itemIdx) {
        return checklists(runId) + "/" + checklistIdx + "/item/" + itemIdx;
    }

    /** {@code ""} (open), {@code in_progress}, {@code closed} or {@code skipped}. */
    public void setItemState(String runId, int checklistIdx, int itemIdx, String state) {
        rest.send("PUT", item(runId, checklistIdx, itemIdx) + "/state", new RunRequests.ItemState(state));
    }

    /** An empty {@code userId} clears the assignee. */
    public void setAssignee(String runId, int checklistIdx, int itemIdx, String userId) {
        rest.send("PUT", item(runId, checklistIdx, itemIdx) + "/assignee", RunRequests.Assignee.user(userId));
    }

    public void skipItem(String runId, int checklistIdx, int itemIdx) {
        rest.send("PUT", item(runId, checklistIdx, itemIdx) + "/skip", null);
    }

    public void restoreItem(String runId, int checklistIdx, int itemIdx) {
        rest.send("PUT", item(runId, checklistIdx, itemIdx) + "/restore", null);
    }

    /** Absolute epoch ms; 0 clears. */
    public void setDueDate(String runId, int checklistIdx, int itemIdx, long dueDateMillis) {
        rest.send("PUT", item(runId, checklistIdx, itemIdx) + "/duedate", new RunRequests.DueDate(dueDateMillis));
    }

    public void setCommand(String runId, int checklistIdx, int itemIdx, String command) {
        rest.send("PUT", item(runId, checklistIdx, itemIdx) + "/command", new RunRequests.Command(command));
    }

    /** Runs the item's slash command; the server rejects a non-empty body. Returns the trigger id. */
    public String runCommand(String runId, int checklistIdx, int itemIdx) {
        String path = item(runId, checklistIdx, itemIdx) + "/run";
        // At most once (ADR 0021): a resent run is a second Jira ticket.
        JsonNode answer = rest.call("POST", path, List.of(), new Rest.Once(null), rest.type(JsonNode.class));
        return answer.path("trigger_id").asText("");
    }

    /** Replaces all three fields. */
    public void editItem(String runId, int checklistIdx, int itemIdx, String title, String command,
                         String description) {
        rest.send("PUT", item(runId, checklistIdx, itemIdx), new RunRequests.ItemEdit(title, command, description));
    }

    /** Appends the item to checklist {@code checklistIdx}; the server assigns its id. */
    public void addItem(String runId, int checklistIdx, ChecklistItem item) {
        rest.send("POST", checklists(runId) + "/" + checklistIdx + "/add", new Rest.Once(item));
    }

    public void deleteItem(String runId, int checklistIdx, int itemIdx) {
        rest.send("DELETE", item(runId, checklistIdx, itemIdx), null);
    }

    public void moveItem(String runId, int sourceChecklistIdx, int sourceItemIdx, int destChecklistIdx,
                         int destItemIdx) {
        rest.send("POST", checklists(runId) + "/move-item",
                new RunRequests.ItemMove(sourceChecklistIdx, sourceItemIdx, destChecklistIdx, destItemIdx));
    }

    /** Appends an empty checklist at the end. */
    public void addChecklist(String runId, String title) {
        rest.send("POST", checklists(runId), new Rest.Once(Checklist.of("", title, List.of(), 0)));
    }

    public void renameChecklist(String runId, int checklistIdx, String title) {
        rest.send("PUT", checklists(runId) + "/" + checklistIdx + "/rename", new RunRequests.ChecklistRename(title));
    }

    public void deleteChecklist(String runId, int checklistIdx) {
        rest.send("DELETE", checklists(runId) + "/" + checklistIdx, null);
    }

    public void moveChecklist(String runId, int sourceIdx, int destIdx) {
        rest.send("POST", checklists(runId) + "/move", new RunRequests.ChecklistMove(sourceIdx, destIdx));
    }

    // --- checklist work (ADR 0024) ---

    /** Inserts a copy right after the item; the server rejects a non-empty body. */
    public void duplicateItem(String runId, int checklistIdx, int itemIdx) {
        rest.send("POST", item(runId, checklistIdx, itemIdx) + "/duplicate", new Rest.Once(null));
    }

    /** Every item of the checklist becomes skipped. */
    public void skipChecklist(String runId, int checklistIdx) {
        rest.send("PUT", checklists(runId) + "/" + checklistIdx + "/skip", null);
    }

    /** Every item of the checklist becomes open again. */
    public void restoreChecklist(String runId, int checklistIdx) {
        rest.send("PUT", checklists(runId) + "/" + checklistIdx + "/restore", null);
    }
}
