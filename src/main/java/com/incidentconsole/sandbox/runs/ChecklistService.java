package com.incidentconsole.sandbox.runs;

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

    private final SandboxState state;
    private final RunService runs;
    private final RunFactory factory;

    public ChecklistService(SandboxState state, RunService runs, RunFactory factory) {
        this.state = state;
        this.runs = runs;
        this.factory = factory;
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

    public void setAssignee(String userId, String runId, int n, int i, RunRequests.Assignee body) {
        runs.mutate(userId, runId, true, run -> {
            ChecklistItem item = item(run, n, i);
            String newAssignee = body.assigneeId() == null ? "" : body.assigneeId();
            String type = body.assigneeType() == null ? "" : body.assigneeType();
            if (!newAssignee.isEmpty() && state.directory().user(newAssignee).isEmpty()) {
                throw new Rejection(400, "invalid assignee");
            }
            if (newAssignee.equals(item.assigneeId()) && type.equals(item.assigneeType())) {
                return;
            }
            long now = state.now();
            replaceItem(run, n, i, it -> new ChecklistItem(it.id(), it.title(), it.state(), it.stateModified(),
                    newAssignee, now, type, body.assigneePropertyFieldId() == null ? "" : body.assigneePropertyFieldId(),
                    it.command(), it.commandLastRun(), it.description(), it.lastSkipped(), it.dueDate(),
                    it.taskActions(), it.conditionId(), it.conditionAction(), it.conditionReason(), now));
            String from = item.assigneeId().isEmpty() ? "Unassigned" : "@" + factory.username(item.assigneeId());
            String to = newAssignee.isEmpty() ? "Unassigned" : "@" + factory.username(newAssignee);
            runs.timeline(run, TimelineEvent.ASSIGNEE_CHANGED, "changed assignee of checklist item **" + item.title()
                    + "** from **" + from + "** to **" + to + "**", "", "", newAssignee, userId);
        });
    }

    public void setDueDate(String userId, String runId, int n, int i, long dueDate) {
        edit(userId, runId, n, i, (it, now) -> copy(it, it.title(), it.command(), it.description(), dueDate,
                it.commandLastRun(), now));
    }

    public void setCommand(String userId, String runId, int n, int i, String command) {
        edit(userId, runId, n, i, (it, now) -> copy(it, it.title(), command == null ? "" : command, it.description(),
                it.dueDate(), it.commandLastRun(), now));
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
                throw new Rejection(400, "no command to run");
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

    public void duplicateItem(String userId, String runId, int n, int i) {
        runs.mutate(userId, runId, true, run -> {
            ChecklistItem it = item(run, n, i);
            long now = state.now();
            List<ChecklistItem> items = new ArrayList<>(run.checklists.get(n).items());
            items.add(i + 1, new ChecklistItem(state.ids().next(), it.title(), ChecklistItem.OPEN, 0, it.assigneeId(),
                    0, it.assigneeType(), it.assigneePropertyFieldId(), it.command(), 0, it.description(), 0,
                    it.dueDate(), it.taskActions(), it.conditionId(), it.conditionAction(), it.conditionReason(), now));
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

    public void duplicateChecklist(String userId, String runId, int n) {
        runs.mutate(userId, runId, true, run -> {
            Checklist c = checklist(run, n);
            long now = state.now();
            List<ChecklistItem> items = c.items().stream().map(it -> new ChecklistItem(state.ids().next(), it.title(),
                    ChecklistItem.OPEN, 0, it.assigneeId(), 0, it.assigneeType(), it.assigneePropertyFieldId(),
                    it.command(), 0, it.description(), 0, it.dueDate(), it.taskActions(), it.conditionId(),
                    it.conditionAction(), it.conditionReason(), now)).toList();
            run.checklists.add(Checklist.of(state.ids().next(), "Copy of " + c.title(), items, now));
        });
    }

    /** Skips (or restores) every item of a checklist; only the items change, no timeline event is written. */
    public void skipChecklist(String userId, String runId, int n, boolean skip) {
        runs.mutate(userId, runId, true, run -> {
            Checklist c = checklist(run, n);
            long now = state.now();
            List<ChecklistItem> items = c.items().stream().map(it -> skip == it.isSkipped() ? it
                    : it.withState(skip ? ChecklistItem.SKIPPED : ChecklistItem.OPEN, now)).toList();
            run.checklists.set(n, c.withItems(items, now));
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

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
