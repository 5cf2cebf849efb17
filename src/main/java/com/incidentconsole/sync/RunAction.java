package com.incidentconsole.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user action on a run, in the form the outbox stores and replays. Each action knows the target
 * it changes, the value it sets, how to send itself, how to recognise its effect in a run, and
 * where in a run's timeline the last change to its target is recorded (to say who changed it).
 * Both actions here are idempotent on the server (setting a state or an owner it already has is a
 * no-op), so replaying one after a crash cannot apply it twice; they are still compared with the
 * server before a replay ({@link ReplayCheck}), as the server is last-writer-wins.
 */
sealed interface RunAction permits RunAction.SetItemState, RunAction.ChangeOwner {

    String runId();

    ActionTarget target();

    /** The value the screen shows while the action is pending. */
    String desiredValue();

    String kind();

    String description();

    boolean isSettledIn(PlaybookRun run);

    /** The value this action sets, as {@code run} shows it; empty when the item is gone. */
    Optional<String> valueIn(PlaybookRun run);

    /** The assignee of the item this action changes; {@code ""} for run-level actions. */
    String assigneeIn(PlaybookRun run);

    /** The timeline event that recorded the last change of this action's value, when the run carries one. */
    Optional<TimelineEvent> lastChangeIn(PlaybookRun run);

    /**
     * Whether sending twice has the same effect as sending once. An action that is not is always
     * compared with the server before it is sent, even when sent at once.
     */
    default boolean idempotent() {
        return true;
    }

    void send(ActionTransport transport, PlaybookRun current);

    Map<String, String> payload();

    record SetItemState(String runId, String itemId, String itemTitle, String newState) implements RunAction {

        static final String KIND = "item_state";

        @Override
        public ActionTarget target() {
            return ActionTarget.item(runId, itemId);
        }

        @Override
        public String desiredValue() {
            return newState;
        }

        @Override
        public String kind() {
            return KIND;
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
        public Map<String, String> payload() {
            return Map.of("item_id", itemId, "item_title", itemTitle, "new_state", newState);
        }
    }

    record ChangeOwner(String runId, String ownerId, String ownerName) implements RunAction {

        static final String KIND = "owner";

        @Override
        public ActionTarget target() {
            return ActionTarget.owner(runId);
        }

        @Override
        public String desiredValue() {
            return ownerId;
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String description() {
            return "Make " + ownerName + " the commander";
        }

        @Override
        public boolean isSettledIn(PlaybookRun run) {
            return run.ownerUserId().equals(ownerId);
        }

        @Override
        public Optional<String> valueIn(PlaybookRun run) {
            return Optional.of(run.ownerUserId());
        }

        @Override
        public String assigneeIn(PlaybookRun run) {
            return "";
        }

        @Override
        public Optional<TimelineEvent> lastChangeIn(PlaybookRun run) {
            return run.timelineEvents().stream()
                    .filter(e -> e.deleteAt() == 0 && TimelineEvent.OWNER_CHANGED.equals(e.eventType()))
                    .max(Comparator.comparingLong(TimelineEvent::eventAt));
        }

        @Override
        public void send(ActionTransport transport, PlaybookRun current) {
            if (current.isFinished()) {
                throw new ActionFailure.ActionRejected("The run is finished; restore it to change its commander");
            }
            transport.changeOwner(runId, ownerId);
        }

        @Override
        public Map<String, String> payload() {
            return Map.of("owner_id", ownerId, "owner_name", ownerName);
        }
    }

    /** Rebuilds an action from its stored form; empty when the kind is unknown (written by a newer build). */
    static Optional<RunAction> restore(String kind, String runId, String payloadJson, JsonMapper mapper) {
        JsonNode payload;
        try {
            payload = mapper.readTree(payloadJson);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        return switch (kind) {
            case SetItemState.KIND -> Optional.of(new SetItemState(runId, payload.path("item_id").asText(),
                    payload.path("item_title").asText(), payload.path("new_state").asText()));
            case ChangeOwner.KIND -> Optional.of(new ChangeOwner(runId, payload.path("owner_id").asText(),
                    payload.path("owner_name").asText()));
            default -> Optional.empty();
        };
    }

    record ItemPosition(int checklist, int item) {
        static Optional<ChecklistItem> itemIn(PlaybookRun run, String itemId) {
            return find(run, itemId).flatMap(at -> run.item(at.checklist(), at.item()));
        }

        static Optional<ItemPosition> find(PlaybookRun run, String itemId) {
            for (int c = 0; c < run.checklists().size(); c++) {
                var items = run.checklists().get(c).items();
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i).id().equals(itemId)) {
                        return Optional.of(new ItemPosition(c, i));
                    }
                }
            }
            return Optional.empty();
        }
    }
}
