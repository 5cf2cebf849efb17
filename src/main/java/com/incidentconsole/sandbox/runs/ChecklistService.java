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

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final SandboxState state;
    private final RunService runs;
    private final RunFactory factory;
    private final ItemAssignment assignment;

    public ChecklistService(SandboxState state, RunService runs, RunFactory factory, Access access,
                            ParticipantService participants, DirectMessages dms) {
        this.state = state;
        this.runs = runs;
        this.factory = factory;
        this.assignment = new ItemAssignment(state, factory, access, participants, dms, this, runs);
    }

    public void setState(String userId, String runId, int n, int i, String newState) {
        mutate(userId, runId, run -> {
            if (newState == null || !STATES.contains(newState)) {
                throw new Rejection(400, "bad parameter new state");
            }
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
            // ModifyCheckedState: the title through stripmd.Strip, subject the actor, no creator.
            String title = MarkdownText.strip(item.title());
            runs.timeline(run, TimelineEvent.TASK_STATE_MODIFIED, verb + " checklist item **" + title + "**",
                    "{\"action\":\"" + action + "\",\"task\":" + goJsonString(title) + "}", "", userId, "");
        });
    }

    /** {@code itemSetAssignee}: see {@link ItemAssignment}. */
    public void setAssignee(String userId, String runId, int n, int i, RunRequests.Assignee body) {
        assignment.set(userId, runId, n, i, body);
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
        mutate(userId, runId, run -> {
            ChecklistItem item = item(run, n, i);
            if (item.command().strip().isEmpty()) {
                // RunChecklistItemSlashCommand returns a plain error ("no slash command associated with this
                // checklist item"), which the handler turns into HandleError: 500.
                throw Rejection.internal();
            }
            replaceItem(run, n, i, it -> copy(it, it.title(), it.command(), it.description(), it.dueDate(),
                    state.now(), state.now()));
            // RunChecklistItemSlashCommand sets only SubjectUserID on the event: the creator stays empty.
            runs.timeline(run, TimelineEvent.RAN_SLASH_COMMAND, "ran the slash command: `" + item.command() + "`", "",
                    "", userId, "");
        });
        return trigger;
    }

    public void deleteItem(String userId, String runId, int n, int i) {
        mutate(userId, runId, run -> {
            item(run, n, i);
            List<ChecklistItem> items = new ArrayList<>(run.checklists.get(n).items());
            items.remove(i);
            run.checklists.set(n, run.checklists.get(n).withItems(items, state.now()));
        });
    }

    /** {@code addChecklistItem}: the title is trimmed and must not be blank. */
    public void addItem(String userId, String runId, int n, ChecklistItem body) {
        mutate(userId, runId, run -> {
            if (body == null || body.title().isBlank()) {
                throw new Rejection(400, "bad parameter: checklist item title");
            }
            checklist(run, n);
            long now = state.now();
            List<ChecklistItem> items = new ArrayList<>(run.checklists.get(n).items());
            items.add(new ChecklistItem(state.ids().next(), body.title().strip(), body.state(), 0, body.assigneeId(), 0,
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
        mutate(userId, runId, run -> {
            ChecklistItem it = item(run, n, i);
            long now = state.now();
            List<ChecklistItem> items = new ArrayList<>(run.checklists.get(n).items());
            items.add(i + 1, copyAs(it, state.ids().next(), now));
            run.checklists.set(n, run.checklists.get(n).withItems(items, now));
        });
    }

    /** {@code addChecklist}: the title is trimmed and must not be blank. */
    public void addChecklist(String userId, String runId, Checklist body) {
        mutate(userId, runId, run -> {
            if (body == null || body.title().isBlank()) {
                throw new Rejection(400, "bad parameter: checklist title");
            }
            long now = state.now();
            List<ChecklistItem> items = body.items().stream().map(it -> new ChecklistItem(state.ids().next(),
                    it.title(), it.state(), 0, it.assigneeId(), 0, it.assigneeType(), it.assigneePropertyFieldId(),
                    it.command(), 0, it.description(), 0, it.dueDate(), it.taskActions(), "", "", "", now)).toList();
            run.checklists.add(Checklist.of(state.ids().next(), body.title().strip(), items, now));
        });
    }

    /** {@code renameChecklist}: only an empty title is refused; it is stored as given. */
    public void renameChecklist(String userId, String runId, int n, String title) {
        mutate(userId, runId, run -> {
            if (title == null || title.isEmpty()) {
                throw new Rejection(400, "bad parameter: checklist title");
            }
            Checklist c = checklist(run, n);
            run.checklists.set(n, new Checklist(c.id(), title, c.items(), c.itemsOrder(), state.now()));
        });
    }

    public void deleteChecklist(String userId, String runId, int n) {
        mutate(userId, runId, run -> {
            checklist(run, n);
            run.checklists.remove(n);
        });
    }

    /**
     * {@code DuplicateChecklist}: {@code Checklist.Clone()} keeps the title and every item as it is
     * (state included); only the ids are new and the timestamps are now. Appended at the end.
     */
    public void duplicateChecklist(String userId, String runId, int n) {
        mutate(userId, runId, run -> {
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
        mutate(userId, runId, run -> {
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
        mutate(userId, runId, run -> {
            item(run, n, i);
            long now = state.now();
            replaceItem(run, n, i, it -> skip ? skipped(it, now) : restored(it, now));
        });
    }

    public void moveChecklist(String userId, String runId, RunRequests.ChecklistMove move) {
        mutate(userId, runId, run -> {
            Checklist c = checklist(run, move.sourceChecklistIdx());
            checklist(run, move.destChecklistIdx());
            run.checklists.remove(move.sourceChecklistIdx());
            run.checklists.add(move.destChecklistIdx(), c);
        });
    }

    public void moveItem(String userId, String runId, RunRequests.ItemMove move) {
        mutate(userId, runId, run -> {
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

    /**
     * {@code checkEditPermissions}: the run is loaded first (unknown id: {@code HandleError}, 500), then
     * RunManageProperties (403), then the active-run check (400 "cannot modify a finished run").
     */
    void mutate(String userId, String runId, java.util.function.Consumer<RunEntity> edit) {
        state.locked(() -> {
            if (state.run(runId).isEmpty()) {
                throw Rejection.internal();
            }
            runs.mutate(userId, runId, true, edit);
        });
    }

    private interface ItemEdit {
        ChecklistItem apply(ChecklistItem item, long now);
    }

    private void edit(String userId, String runId, int n, int i, ItemEdit edit) {
        mutate(userId, runId, run -> {
            item(run, n, i);
            replaceItem(run, n, i, it -> edit.apply(it, state.now()));
        });
    }

    void replaceItem(RunEntity run, int n, int i, UnaryOperator<ChecklistItem> change) {
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

    static ChecklistItem item(RunEntity run, int n, int i) {
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

    /** A JSON string as Go's {@code json.Marshal} writes it: HTML-significant characters escaped too. */
    private static String goJsonString(String s) {
        try {
            return JSON.writeValueAsString(s).replace("<", "\\u003c")
                    .replace(">", "\\u003e").replace("&", "\\u0026").replace("\u2028", "\\u2028")
                    .replace("\u2029", "\\u2029");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
