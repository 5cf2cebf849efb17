package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tick, skip, start or reopen a checklist item. Idempotent on the server (setting a state it already
 * has is a no-op), so a replay after a crash cannot apply it twice; it is still compared with the
 * server before a replay, as the server is last-writer-wins.
 */
public record SetItemState(String runId, String itemId, String itemTitle, String newState) implements Action {

    static final ActionKind KIND = new ActionKind("item_state", 1, (runId, p, version) -> new SetItemState(runId,
            ActionKind.required(p, "item_id"), p.path("item_title").asText(""), ActionKind.required(p, "new_state")));

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return ActionTarget.item(runId, itemId);
    }

    @Override
    public String desiredValue() {
        return newState;
    }

    @Override
    public String description() {
        String verb = switch (newState) {
            case ChecklistItem.CLOSED -> "Tick";
            case ChecklistItem.SKIPPED -> "Skip";
            case ChecklistItem.IN_PROGRESS -> "Start";
            default -> "Reopen";
        };
        return verb + " “" + itemTitle + "”";
    }

    @Override
    public boolean isSettledIn(PlaybookRun run) {
        return ItemPosition.itemIn(run, itemId).map(item -> item.state().equals(newState)).orElse(false);
    }

    @Override
    public Optional<String> valueIn(PlaybookRun run) {
        return ItemPosition.itemIn(run, itemId).map(ChecklistItem::state);
    }

    @Override
    public String assigneeIn(PlaybookRun run) {
        return ItemPosition.itemIn(run, itemId).map(ChecklistItem::assigneeId).orElse("");
    }

    /**
     * The server stamps the event with the item's {@code state_modified}, so that match is exact;
     * otherwise (an older server, a clock tick apart) the latest event naming the item's title.
     */
    @Override
    public Optional<TimelineEvent> lastChangeIn(PlaybookRun run) {
        Optional<ChecklistItem> item = ItemPosition.itemIn(run, itemId);
        if (item.isEmpty()) {
            return Optional.empty();
        }
        List<TimelineEvent> changes = run.timelineEvents().stream()
                .filter(e -> e.deleteAt() == 0 && TimelineEvent.TASK_STATE_MODIFIED.equals(e.eventType()))
                .toList();
        long modified = item.get().stateModified();
        String title = item.get().title();
        return changes.stream().filter(e -> modified > 0 && e.eventAt() == modified).findFirst()
                .or(() -> changes.stream()
                        .filter(e -> e.summary().contains("**" + title + "**")
                                || e.details().contains("\"task\":\"" + title + "\""))
                        .max(Comparator.comparingLong(TimelineEvent::eventAt)));
    }

    /** Items are addressed by index on the wire; resolve it from the freshest run, now. */
    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        if (current.isFinished()) {
            throw new ActionFailure.ActionRejected("The run is finished; restore it to change its checklists");
        }
        ItemPosition at = ItemPosition.find(current, itemId)
                .orElseThrow(() -> new ActionFailure.ActionRejected("The item no longer exists on the server"));
        transport.setItemState(runId, at.checklist(), at.item(), newState);
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("item_id", itemId).put("item_title", itemTitle).put("new_state", newState);
    }

    @Override
    public String valueWords(String value, Function<String, String> userNames) {
        return stateWords(value);
    }

    static String stateWords(String state) {
        return switch (state) {
            case ChecklistItem.CLOSED -> "done";
            case ChecklistItem.SKIPPED -> "skipped";
            case ChecklistItem.IN_PROGRESS -> "in progress";
            default -> "open";
        };
    }
}
