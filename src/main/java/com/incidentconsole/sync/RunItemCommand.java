package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import java.util.Optional;
import java.util.UUID;

/**
 * Run an item's slash command: {@code POST …/item/{i}/run} (empty body). Not idempotent — every
 * accepted request runs the command again (a second Jira ticket, a second Zoom room) — so it is never
 * resent blind. The server stamps the item's {@code command_last_run} when a run succeeded (app
 * RunChecklistItemSlashCommand), which is how a doubtful one is recognised: stamped at or after my
 * request left → it ran; stamped a little before (the clocks may differ) → the server cannot tell;
 * older or never → it did not run. The server's answer settles it; the timeline gets the server's event.
 *
 * @param runKey this run's own id, so two runs of one command are two actions
 */
public record RunItemCommand(String runId, String runKey, String itemId, String itemTitle, String command)
        implements Action {

    public static final String SUBJECT = "run:";

    static final ActionKind KIND = new ActionKind("item_run_command", 1, (runId, p, version) -> new RunItemCommand(
            runId, ActionKind.required(p, "run_key"), ActionKind.required(p, "item_id"),
            p.path("item_title").asText(""), p.path("command").asText("")));

    public static RunItemCommand of(String runId, String itemId, String itemTitle, String command) {
        return new RunItemCommand(runId, UUID.randomUUID().toString(), itemId, itemTitle, command);
    }

    @Override
    public ActionKind kind() {
        return KIND;
    }

    /** One per item: a second r while the first has not left replaces it (the command runs once). */
    @Override
    public ActionTarget target() {
        return new ActionTarget(runId, SUBJECT + itemId);
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public String desiredValue() {
        return command;
    }

    @Override
    public String description() {
        return "Run " + command + " for “" + itemTitle + "”";
    }

    @Override
    public boolean isSettledIn(PlaybookRun run) {
        return false;
    }

    @Override
    public boolean settledByAcceptance() {
        return true;
    }

    @Override
    public Optional<String> valueIn(PlaybookRun run) {
        return ItemPosition.itemIn(run, itemId).map(ChecklistItem::command);
    }

    /** Running is no value someone else could have changed: send, unless the item is gone (then say so). */
    @Override
    public ReplayCheck.Verdict judge(PlaybookRun server, Optional<ActionBase> base) {
        return new ReplayCheck.Verdict.Send();
    }

    @Override
    public Settlement tookEffect(ActionTransport transport, PlaybookRun run, long sentAt, String me) {
        Optional<ChecklistItem> item = ItemPosition.itemIn(run, itemId);
        if (item.isEmpty()) {
            return Settlement.UNKNOWN;
        }
        long lastRun = item.get().commandLastRun();
        if (lastRun >= sentAt) {
            return Settlement.TOOK_EFFECT;
        }
        if (lastRun > 0 && lastRun >= sentAt - PostStatusUpdate.CLOCK_SKEW.toMillis()) {
            return Settlement.UNKNOWN;
        }
        return Settlement.NOT_TAKEN;
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        ItemPosition at = ItemPosition.resolve(current, itemId);
        if (current.checklists().get(at.checklist()).items().get(at.item()).command().isBlank()) {
            throw new ActionFailure.ActionRejected("The item has no slash command on the server");
        }
        transport.runItemCommand(runId, at.checklist(), at.item());
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("run_key", runKey).put("item_id", itemId).put("item_title", itemTitle)
                .put("command", command);
    }
}
