package com.incidentconsole.sandbox.runs;

import com.incidentconsole.sandbox.state.IdSource;
import com.incidentconsole.sandbox.state.Rejection;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.RunRequests;
import com.incidentconsole.wire.TimelineEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Index-addressed checklist and item mutations (playbooks-api.md §2.4–2.5). Invalid indices are
 * an internal error on the real server (the app layer returns a plain error), hence 500.
 */
public final class ChecklistService {

    private static final Set<String> STATES = Set.of(ChecklistItem.OPEN, ChecklistItem.IN_PROGRESS,
            ChecklistItem.CLOSED, ChecklistItem.SKIPPED);

    /** {@code noAssigneeName} in {@code playbook_run_service.go}. */
    static final String NO_ASSIGNEE = "No Assignee";
    /** {@code AssigneeTypeCreator}: resolved to the run's reporter. */
    static final String ASSIGNEE_CREATOR = "creator";

    private final SandboxState state;
    private final RunService runs;
    private final RunFactory factory;
    private final Access access;
    private final ParticipantService participants;
    private final DirectMessages dms;

    public ChecklistService(SandboxState state, RunService runs, RunFactory factory, Access access,
                            ParticipantService participants, DirectMessages dms) {
        this.state = state;
        this.runs = runs;
        this.factory = factory;
        this.access = access;
        this.participants = participants;
        this.dms = dms;
    }

    public void setState(String userId, String runId, int n, int i, String newState) {
        if (newState == null || !STATES.contains(newState)) {
            throw new Rejection(400, "invalid new state");
        }
        runs.mutate(userId, runId, true, run -> {
            ChecklistItem item = item(run, n, i);
            if (item.state().equals(newState)) {
                return;
            }
            String action = switch (newState) {
                case ChecklistItem.SKIPPED -> "skip";
                case ChecklistItem.OPEN -> item.isSkipped() ? "restore" : "uncheck";
                default -> "check";
            };
            String verb = switch (action) {
                case "skip" -> "skipped";
                case "restore" -> "restored";
                case "uncheck" -> "unchecked";
                default -> "checked off";
            };
            replaceItem(run, n, i, it -> it.withState(newState, state.now()));
            runs.timeline(run, TimelineEvent.TASK_STATE_MODIFIED, verb + " checklist item **" + item.title() + "**",
                    "{\"action\":\"" + action + "\",\"task\":\"" + jsonEscape(item.title()) + "\"}", "", userId, userId);
        });
    }

    /**
     * {@code itemSetAssignee}: the three modes are exclusive (400). {@code assignee_type} goes to
     * {@code SetRoleAssignee}, {@code assignee_property_field_id} to {@code SetPropertyUserAssignee}
     * (the sandbox models no property fields, so the field is never on the run: 400), anything else
     * to {@code SetAssignee}.
     */
    public void setAssignee(String userId, String runId, int n, int i, RunRequests.Assignee body) {
        String assigneeId = body.assigneeId() == null ? "" : body.assigneeId().strip();
        String type = body.assigneeType() == null ? "" : body.assigneeType().strip();
        String fieldId = body.assigneePropertyFieldId() == null ? "" : body.assigneePropertyFieldId().strip();
        runs.mutate(userId, runId, true, run -> {
            int modes = (assigneeId.isEmpty() ? 0 : 1) + (type.isEmpty() ? 0 : 1) + (fieldId.isEmpty() ? 0 : 1);
            if (modes > 1) {
                throw new Rejection(400, "assignee_id, assignee_type, and assignee_property_field_id are mutually "
                        + "exclusive");
            }
            if (!fieldId.isEmpty()) {
                if (!IdSource.isValid(fieldId)) {
                    throw new Rejection(400, "invalid assignee_property_field_id");
                }
                item(run, n, i);
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
        ChecklistItem item = item(run, n, i);
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
        replaceItem(run, n, i, it -> assigned(it, assigneeId, "", now));
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
        ChecklistItem item = item(run, n, i);
        String resolved = OwnerChange.ASSIGNEE_OWNER.equals(type) ? run.ownerUserId : run.reporterUserId;
        if (type.equals(item.assigneeType()) && resolved.equals(item.assigneeId())
                && item.assigneePropertyFieldId().isEmpty()) {
            return;
        }
        long now = state.now();
        List<String> participantsBefore = List.copyOf(run.participantIds);
        replaceItem(run, n, i, it -> assigned(it, resolved, type, now));
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

    public void setDueDate(String userId, String runId, int n, int i, long dueDate) {
        edit(userId, runId, n, i, (it, now) -> copy(it, it.title(), it.command(), it.description(), dueDate,
                it.commandLastRun(), now));
    }

    /** {@code SetCommandToChecklistItem}: a changed command resets {@code command_last_run} so the UI offers "run", not "rerun". */
    public void setCommand(String userId, String runId, int n, int i, String command) {
        String newCommand = command == null ? "" : command;
        edit(userId, runId, n, i, (it, now) -> copy(it, it.title(), newCommand, it.description(),
                it.dueDate(), newCommand.equals(it.command()) ? it.commandLastRun() : 0, now));
    }

    public void editItem(String userId, String runId, int n, int i, RunRequests.ItemEdit body) {
        edit(userId, runId, n, i, (it, now) -> copy(it, nz(body.title()), nz(body.command()), nz(body.description()),
                it.dueDate(), it.commandLastRun(), now));
    }

    public String runCommand(String userId, String runId, int n, int i) {
        String trigger = state.locked(() -> state.ids().next());
        runs.mutate(userId, runId, true, run -> {
            ChecklistItem item = item(run, n, i);
            if (item.command().isEmpty()) {
                // RunChecklistItemSlashCommand returns a plain error ("no slash command associated with this
                // checklist item"), which the handler turns into HandleError: 500.
                throw Rejection.internal();
            }
            replaceItem(run, n, i, it -> copy(it, it.title(), it.command(), it.description(), it.dueDate(),
                    state.now(), state.now()));
            runs.timeline(run, TimelineEvent.RAN_SLASH_COMMAND, "ran the slash command: `" + item.command() + "`", "",
                    "", userId, userId);
        });
        return trigger;
    }

    public void deleteItem(String userId, String runId, int n, int i) {
        runs.mutate(userId, runId, true, run -> {
            item(run, n, i);
            List<ChecklistItem> items = new ArrayList<>(run.checklists.get(n).items());
            items.remove(i);
            run.checklists.set(n, run.checklists.get(n).withItems(items, state.now()));
        });
    }

    public void addItem(String userId, String runId, int n, ChecklistItem body) {
        if (body == null || body.title().isBlank()) {
            throw new Rejection(400, "item title is required");
        }
        runs.mutate(userId, runId, true, run -> {
            checklist(run, n);
            long now = state.now();
            List<ChecklistItem> items = new ArrayList<>(run.checklists.get(n).items());
            items.add(new ChecklistItem(state.ids().next(), body.title(), body.state(), 0, body.assigneeId(), 0,
                    body.assigneeType(), body.assigneePropertyFieldId(), body.command(), 0, body.description(), 0,
                    body.dueDate(), body.taskActions(), "", "", "", now));
            run.checklists.set(n, run.checklists.get(n).withItems(items, now));
        });
    }

    /**
     * {@code DuplicateChecklistItem}: a full copy of the item (state, assignee, command run, skip time
     * included) under a new id, inserted right after it.
     */
    public void duplicateItem(String userId, String runId, int n, int i) {
        runs.mutate(userId, runId, true, run -> {
            ChecklistItem it = item(run, n, i);
            long now = state.now();
            List<ChecklistItem> items = new ArrayList<>(run.checklists.get(n).items());
            items.add(i + 1, copyAs(it, state.ids().next(), now));
            run.checklists.set(n, run.checklists.get(n).withItems(items, now));
        });
    }

    public void addChecklist(String userId, String runId, Checklist body) {
        if (body == null || body.title().isBlank()) {
            throw new Rejection(400, "checklist title is required");
        }
        runs.mutate(userId, runId, true, run -> {
            long now = state.now();
            List<ChecklistItem> items = body.items().stream().map(it -> new ChecklistItem(state.ids().next(),
                    it.title(), it.state(), 0, it.assigneeId(), 0, it.assigneeType(), it.assigneePropertyFieldId(),
                    it.command(), 0, it.description(), 0, it.dueDate(), it.taskActions(), "", "", "", now)).toList();
            run.checklists.add(Checklist.of(state.ids().next(), body.title(), items, now));
        });
    }

    public void renameChecklist(String userId, String runId, int n, String title) {
        if (title == null || title.isBlank()) {
            throw new Rejection(400, "title is required");
        }
        runs.mutate(userId, runId, true, run -> {
            Checklist c = checklist(run, n);
            run.checklists.set(n, new Checklist(c.id(), title, c.items(), c.itemsOrder(), state.now()));
        });
    }

    public void deleteChecklist(String userId, String runId, int n) {
        runs.mutate(userId, runId, true, run -> {
            checklist(run, n);
            run.checklists.remove(n);
        });
    }

    /**
     * {@code DuplicateChecklist}: {@code Checklist.Clone()} keeps the title and every item as it is
     * (state included); only the ids are new and the timestamps are now. Appended at the end.
     */
    public void duplicateChecklist(String userId, String runId, int n) {
        runs.mutate(userId, runId, true, run -> {
            Checklist c = checklist(run, n);
            long now = state.now();
            List<ChecklistItem> items = c.items().stream().map(it -> copyAs(it, state.ids().next(), now)).toList();
            run.checklists.add(Checklist.of(state.ids().next(), c.title(), items, now));
        });
    }

    /**
     * {@code SkipChecklist} / {@code RestoreChecklist}: every item becomes skipped (with a new skip time)
     * or open; {@code state_modified} stays, no timeline event is written.
     */
    public void skipChecklist(String userId, String runId, int n, boolean skip) {
        runs.mutate(userId, runId, true, run -> {
            Checklist c = checklist(run, n);
            long now = state.now();
            List<ChecklistItem> items = c.items().stream().map(it -> skip ? skipped(it, now) : restored(it, now))
                    .toList();
            run.checklists.set(n, c.withItems(items, now));
        });
    }

    /**
     * {@code SkipChecklistItem} / {@code RestoreChecklistItem}: only {@code state} (and the skip time,
     * wire {@code delete_at}) and {@code update_at} change: no timeline event, {@code state_modified} kept.
     */
    public void skipItem(String userId, String runId, int n, int i, boolean skip) {
        runs.mutate(userId, runId, true, run -> {
            item(run, n, i);
            long now = state.now();
            replaceItem(run, n, i, it -> skip ? skipped(it, now) : restored(it, now));
        });
    }

    public void moveChecklist(String userId, String runId, RunRequests.ChecklistMove move) {
        runs.mutate(userId, runId, true, run -> {
            Checklist c = checklist(run, move.sourceChecklistIdx());
            checklist(run, move.destChecklistIdx());
            run.checklists.remove(move.sourceChecklistIdx());
            run.checklists.add(move.destChecklistIdx(), c);
        });
    }

    public void moveItem(String userId, String runId, RunRequests.ItemMove move) {
        runs.mutate(userId, runId, true, run -> {
            ChecklistItem it = item(run, move.sourceChecklistIdx(), move.sourceItemIdx());
            long now = state.now();
            List<ChecklistItem> source = new ArrayList<>(run.checklists.get(move.sourceChecklistIdx()).items());
            source.remove(move.sourceItemIdx());
            run.checklists.set(move.sourceChecklistIdx(),
                    run.checklists.get(move.sourceChecklistIdx()).withItems(source, now));
            Checklist destChecklist = checklist(run, move.destChecklistIdx());
            List<ChecklistItem> dest = new ArrayList<>(destChecklist.items());
            if (move.destItemIdx() < 0 || move.destItemIdx() > dest.size()) {
                throw Rejection.internal();
            }
            dest.add(move.destItemIdx(), it);
            run.checklists.set(move.destChecklistIdx(), destChecklist.withItems(dest, now));
        });
    }

    private interface ItemEdit {
        ChecklistItem apply(ChecklistItem item, long now);
    }

    private void edit(String userId, String runId, int n, int i, ItemEdit edit) {
        runs.mutate(userId, runId, true, run -> {
            item(run, n, i);
            replaceItem(run, n, i, it -> edit.apply(it, state.now()));
        });
    }

    private void replaceItem(RunEntity run, int n, int i, UnaryOperator<ChecklistItem> change) {
        Checklist c = run.checklists.get(n);
        List<ChecklistItem> items = new ArrayList<>(c.items());
        items.set(i, change.apply(items.get(i)));
        run.checklists.set(n, c.withItems(items, state.now()));
    }

    private static Checklist checklist(RunEntity run, int n) {
        if (n < 0 || n >= run.checklists.size()) {
            throw Rejection.internal();
        }
        return run.checklists.get(n);
    }

    private static ChecklistItem item(RunEntity run, int n, int i) {
        Checklist c = checklist(run, n);
        if (i < 0 || i >= c.items().size()) {
            throw Rejection.internal();
        }
        return c.items().get(i);
    }

    private static ChecklistItem copy(ChecklistItem it, String title, String command, String description, long due,
                                      long commandLastRun, long now) {
        return new ChecklistItem(it.id(), title, it.state(), it.stateModified(), it.assigneeId(),
                it.assigneeModified(), it.assigneeType(), it.assigneePropertyFieldId(), command, commandLastRun,
                description, it.lastSkipped(), due, it.taskActions(), it.conditionId(), it.conditionAction(),
                it.conditionReason(), now);
    }

    private static ChecklistItem skipped(ChecklistItem it, long now) {
        return new ChecklistItem(it.id(), it.title(), ChecklistItem.SKIPPED, it.stateModified(), it.assigneeId(),
                it.assigneeModified(), it.assigneeType(), it.assigneePropertyFieldId(), it.command(),
                it.commandLastRun(), it.description(), now, it.dueDate(), it.taskActions(), it.conditionId(),
                it.conditionAction(), it.conditionReason(), now);
    }

    private static ChecklistItem restored(ChecklistItem it, long now) {
        return new ChecklistItem(it.id(), it.title(), ChecklistItem.OPEN, it.stateModified(), it.assigneeId(),
                it.assigneeModified(), it.assigneeType(), it.assigneePropertyFieldId(), it.command(),
                it.commandLastRun(), it.description(), it.lastSkipped(), it.dueDate(), it.taskActions(),
                it.conditionId(), it.conditionAction(), it.conditionReason(), now);
    }

    private static ChecklistItem copyAs(ChecklistItem it, String id, long now) {
        return new ChecklistItem(id, it.title(), it.state(), it.stateModified(), it.assigneeId(),
                it.assigneeModified(), it.assigneeType(), it.assigneePropertyFieldId(), it.command(),
                it.commandLastRun(), it.description(), it.lastSkipped(), it.dueDate(), it.taskActions(),
                it.conditionId(), it.conditionAction(), it.conditionReason(), now);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
