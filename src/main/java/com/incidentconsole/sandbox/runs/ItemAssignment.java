package com.incidentconsole.sandbox.runs;

import com.incidentconsole.sandbox.state.IdSource;
import com.incidentconsole.sandbox.state.Rejection;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.RunRequests;
import com.incidentconsole.wire.TimelineEvent;
import java.util.List;

/**
 * Item assignment ({@code playbook_runs.go} {@code itemSetAssignee} and the service's
 * {@code SetAssignee} / {@code SetRoleAssignee} / {@code SetPropertyUserAssignee}). Timeline events
 * have the actor as subject and no creator; a new assignee may be pulled into the run and is DMed.
 */
final class ItemAssignment {

    /** {@code noAssigneeName} in {@code playbook_run_service.go}. */
    static final String NO_ASSIGNEE = "No Assignee";
    /** {@code AssigneeTypeCreator}: resolved to the run's reporter. */
    static final String ASSIGNEE_CREATOR = "creator";

    private final SandboxState state;
    private final RunFactory factory;
    private final Access access;
    private final ParticipantService participants;
    private final DirectMessages dms;
    private final ChecklistService checklists;
    private final RunService runs;

    ItemAssignment(SandboxState state, RunFactory factory, Access access, ParticipantService participants,
                   DirectMessages dms, ChecklistService checklists, RunService runs) {
        this.runs = runs;
        this.state = state;
        this.factory = factory;
        this.access = access;
        this.participants = participants;
        this.dms = dms;
        this.checklists = checklists;
    }

    /**
     * {@code itemSetAssignee}: the three modes are exclusive (400). {@code assignee_type} goes to
     * {@code SetRoleAssignee}, {@code assignee_property_field_id} to {@code SetPropertyUserAssignee}
     * (the sandbox models no property fields, so the field is never on the run: 400), anything else
     * to {@code SetAssignee}.
     */
    void set(String userId, String runId, int n, int i, RunRequests.Assignee body) {
        String assigneeId = body.assigneeId() == null ? "" : body.assigneeId().strip();
        String type = body.assigneeType() == null ? "" : body.assigneeType().strip();
        String fieldId = body.assigneePropertyFieldId() == null ? "" : body.assigneePropertyFieldId().strip();
        checklists.mutate(userId, runId, run -> {
            int modes = (assigneeId.isEmpty() ? 0 : 1) + (type.isEmpty() ? 0 : 1) + (fieldId.isEmpty() ? 0 : 1);
            if (modes > 1) {
                throw new Rejection(400, "assignee_id, assignee_type, and assignee_property_field_id are mutually "
                        + "exclusive");
            }
            if (!fieldId.isEmpty()) {
                if (!IdSource.isValid(fieldId)) {
                    throw new Rejection(400, "invalid assignee_property_field_id");
                }
                ChecklistService.item(run, n, i);
                throw new Rejection(400, "property field " + fieldId + " not found on run: property field does not "
                        + "belong to run");
            }
            if (!type.isEmpty()) {
                roleAssignee(run, userId, type, n, i);
            } else {
                userAssignee(run, userId, assigneeId, n, i);
            }
        });
    }

    /** {@code SetAssignee}: a no-op only when the item already names this user with no role or field. */
    private void userAssignee(RunEntity run, String actor, String assigneeId, int n, int i) {
        ChecklistItem item = ChecklistService.item(run, n, i);
        if (assigneeId.equals(item.assigneeId()) && item.assigneeType().isEmpty()
                && item.assigneePropertyFieldId().isEmpty()) {
            return;
        }
        // An unknown user id fails the user lookup: a plain error, 500.
        String to = assigneeId.isEmpty() ? NO_ASSIGNEE
                : "@" + state.directory().user(assigneeId).orElseThrow(Rejection::internal).username();
        String from = item.assigneeId().isEmpty() ? NO_ASSIGNEE : "@" + factory.username(item.assigneeId());
        long now = state.now();
        List<String> participantsBefore = List.copyOf(run.participantIds);
        checklists.replaceItem(run, n, i, it -> assigned(it, assigneeId, "", now));
        run.updateAt = now;
        String title = MarkdownText.strip(item.title());
        String dm = assigneeId.isEmpty() || assigneeId.equals(actor) ? "" : "@" + factory.username(actor)
                + " assigned you the task **" + title + "** (previously assigned to " + from + ") for the run: "
                + runLink(run) + "   #taskassigned";
        addAssigneeParticipantAndDm(run, actor, assigneeId, participantsBefore, dm);
        runs.timeline(run, TimelineEvent.ASSIGNEE_CHANGED, "changed assignee of checklist item **" + title
                + "** from **" + from + "** to **" + to + "**", "", "", actor, "");
    }

    /** {@code SetRoleAssignee}: {@code owner}/{@code creator} resolved to the run's owner/reporter now. */
    private void roleAssignee(RunEntity run, String actor, String type, int n, int i) {
        if (!OwnerChange.ASSIGNEE_OWNER.equals(type) && !ASSIGNEE_CREATOR.equals(type)) {
            throw new Rejection(400, "invalid role assignee type: must be 'owner' or 'creator': malformed");
        }
        ChecklistItem item = ChecklistService.item(run, n, i);
        String resolved = OwnerChange.ASSIGNEE_OWNER.equals(type) ? run.ownerUserId : run.reporterUserId;
        if (type.equals(item.assigneeType()) && resolved.equals(item.assigneeId())
                && item.assigneePropertyFieldId().isEmpty()) {
            return;
        }
        long now = state.now();
        List<String> participantsBefore = List.copyOf(run.participantIds);
        checklists.replaceItem(run, n, i, it -> assigned(it, resolved, type, now));
        run.updateAt = now;
        String title = MarkdownText.strip(item.title());
        String dm = resolved.isEmpty() || resolved.equals(actor) ? "" : "@" + factory.username(actor)
                + " assigned you the task **" + title + "** (as " + type + ") for the run: " + runLink(run)
                + "   #taskassigned";
        addAssigneeParticipantAndDm(run, actor, resolved, participantsBefore, dm);
        runs.timeline(run, TimelineEvent.ASSIGNEE_CHANGED, "set assignee of checklist item **" + title + "** to "
                + type, "", "", actor, "");
    }

    /**
     * {@code addAssigneeParticipantAndDM}: a new assignee who is not yet a participant is added (only
     * when the owner or a system admin assigns; otherwise nothing, not even the DM), then DMed.
     */
    private void addAssigneeParticipantAndDm(RunEntity run, String actor, String assigneeId,
                                             List<String> participantsBefore, String dm) {
        if (assigneeId.isEmpty()) {
            return;
        }
        if (!assigneeId.equals(run.ownerUserId) && !participantsBefore.contains(assigneeId)) {
            if (!actor.equals(run.ownerUserId) && !access.isSystemAdmin(actor)) {
                return;
            }
            participants.addParticipants(run, List.of(assigneeId), actor, false, false);
        }
        if (!dm.isEmpty() && !assigneeId.equals(actor)) {
            dms.dm(assigneeId, dm);
        }
    }

    private static String runLink(RunEntity run) {
        return "[" + run.name + "](/playbooks/runs/" + run.id + "?from=dm_assignedtask)\n";
    }

    private static ChecklistItem assigned(ChecklistItem it, String assigneeId, String type, long now) {
        return new ChecklistItem(it.id(), it.title(), it.state(), it.stateModified(), assigneeId, now, type, "",
                it.command(), it.commandLastRun(), it.description(), it.lastSkipped(), it.dueDate(),
                it.taskActions(), it.conditionId(), it.conditionAction(), it.conditionReason(), now);
    }

}
