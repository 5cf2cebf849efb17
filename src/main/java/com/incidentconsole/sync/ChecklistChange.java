package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import java.util.Optional;

/**
 * Rename, delete, move, skip or restore a whole checklist, addressed by its id and resolved to the
 * server's index at sending. Each is idempotent in effect: a rename to its title, a move to where it is,
 * a skip of a skipped checklist change nothing, and a delete of a checklist already gone is settled
 * without a request (never a delete of whatever checklist moved into its index).
 *
 * @param value the title (rename), the index (move), {@code skipped}/{@code open} (skip), {@code deleted}
 * @param checklistTitle the checklist's title when the user acted, for words
 */
public record ChecklistChange(String runId, Change change, String checklistId, String checklistTitle, String value)
        implements Action {

    /** What is done to the checklist; the stored name never changes once released. */
    public enum Change {
        RENAME("checklist-title:"), DELETE("checklist-delete:"), MOVE("checklist-move:"), SKIP("checklist-skip:");

        public final String subject;

        Change(String subject) {
            this.subject = subject;
        }
    }

    public static final String DELETED = "deleted";
    public static final String SKIPPED = "skipped";
    public static final String OPEN = "open";

    static final ActionKind KIND = new ActionKind("checklist_change", 1, (runId, p, version) -> new ChecklistChange(
            runId, change(ActionKind.required(p, "change")), ActionKind.required(p, "checklist_id"),
            p.path("checklist_title").asText(""), ActionKind.required(p, "value")));

    private static Change change(String stored) {
        try {
            return Change.valueOf(stored);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown checklist change " + stored);
        }
    }

    public static ChecklistChange rename(String runId, String checklistId, String oldTitle, String title) {
        return new ChecklistChange(runId, Change.RENAME, checklistId, oldTitle, title);
    }

    public static ChecklistChange delete(String runId, String checklistId, String title) {
        return new ChecklistChange(runId, Change.DELETE, checklistId, title, DELETED);
    }

    public static ChecklistChange move(String runId, String checklistId, String title, int index) {
        return new ChecklistChange(runId, Change.MOVE, checklistId, title, Integer.toString(index));
    }

    public static ChecklistChange skip(String runId, String checklistId, String title, boolean skip) {
        return new ChecklistChange(runId, Change.SKIP, checklistId, title, skip ? SKIPPED : OPEN);
    }

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return new ActionTarget(runId, change.subject + checklistId);
    }

    @Override
    public String desiredValue() {
        return value;
    }

    @Override
    public String description() {
        return switch (change) {
            case RENAME -> "Rename the checklist “" + checklistTitle + "” to “" + value + "”";
            case DELETE -> "Delete the checklist “" + checklistTitle + "”";
            case MOVE -> "Move the checklist “" + checklistTitle + "” to position " + (index() + 1);
            case SKIP -> (SKIPPED.equals(value) ? "Skip" : "Restore") + " the checklist “" + checklistTitle + "”";
        };
    }

    private int index() {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public boolean isSettledIn(PlaybookRun run) {
        return valueIn(run).map(value::equals).orElse(change == Change.DELETE);
    }

    @Override
    public Optional<String> valueIn(PlaybookRun run) {
        Optional<Integer> at = ItemPosition.checklistIndex(run, checklistId);
        if (change == Change.DELETE) {
            return Optional.of(at.isPresent() ? "present" : DELETED);
        }
        return at.map(c -> {
            Checklist checklist = run.checklists().get(c);
            return switch (change) {
                case RENAME -> checklist.title();
                case MOVE -> Integer.toString(c);
                case SKIP -> !checklist.items().isEmpty() && checklist.items().stream()
                        .allMatch(ChecklistItem::isSkipped) ? SKIPPED
                        : checklist.items().stream().noneMatch(ChecklistItem::isSkipped) ? OPEN : "some skipped";
                case DELETE -> DELETED;
            };
        });
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        int c = ItemPosition.resolveChecklist(current, checklistId);
        switch (change) {
            case RENAME -> transport.renameChecklist(runId, c, value);
            case DELETE -> transport.deleteChecklist(runId, c);
            case MOVE -> transport.moveChecklist(runId, c, Math.max(0, Math.min(index(), current.checklists().size() - 1)));
            case SKIP -> transport.skipChecklist(runId, c, SKIPPED.equals(value));
        }
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("change", change.name()).put("checklist_id", checklistId)
                .put("checklist_title", checklistTitle).put("value", value);
    }
}
