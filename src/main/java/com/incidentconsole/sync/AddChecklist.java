package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.PlaybookRun;
import java.util.List;
import java.util.UUID;

/**
 * Add an empty checklist at the end: {@code POST …/checklists} (app AddChecklist, title trimmed, not
 * blank). Not idempotent; recognised like {@link AddItem}: a checklist with this title whose id the
 * run did not hold when the user acted.
 */
public record AddChecklist(String runId, String addKey, String title, List<String> knownIds) implements Addition {

    public static final String SUBJECT = "add-checklist:";

    static final ActionKind KIND = new ActionKind("checklist_add", 1, (runId, p, version) -> new AddChecklist(runId,
            ActionKind.required(p, "add_key"), ActionKind.required(p, "title"), AddedThings.from(p).knownIds()));

    public AddChecklist {
        knownIds = List.copyOf(knownIds);
    }

    public static AddChecklist of(PlaybookRun run, String title) {
        return new AddChecklist(run.id(), UUID.randomUUID().toString(), title.strip(),
                run.checklists().stream().map(Checklist::id).toList());
    }

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return new ActionTarget(runId, SUBJECT + addKey);
    }

    @Override
    public String desiredValue() {
        return title;
    }

    @Override
    public String description() {
        return "Add the checklist “" + title + "”";
    }

    @Override
    public boolean isSettledIn(PlaybookRun run) {
        AddedThings before = new AddedThings(knownIds);
        return run.checklists().stream().anyMatch(c -> before.isNew(c.id()) && c.title().strip().equals(title));
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        ItemPosition.refuseFinished(current);
        transport.addChecklist(runId, title);
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        ObjectNode node = mapper.createObjectNode().put("add_key", addKey).put("title", title);
        node.set("known_ids", new AddedThings(knownIds).toJson(mapper));
        return node;
    }
}
