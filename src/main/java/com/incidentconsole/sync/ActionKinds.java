package com.incidentconsole.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.sync.store.OutboxEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every kind this build knows, by stored id: the one place that turns an outbox row back into an
 * action. A row it cannot read (unknown kind, newer version, damaged payload) is kept and reported as
 * such, with why, so the outbox never hides it.
 */
public final class ActionKinds {

    private final Map<String, ActionKind> kinds = new LinkedHashMap<>();

    public ActionKinds(List<ActionKind> known) {
        known.forEach(k -> kinds.put(k.id(), k));
    }

    /** The kinds of this build. */
    public static ActionKinds standard() {
        return new ActionKinds(List.of(SetItemState.KIND, ChangeOwner.KIND, FinishRun.KIND, RestoreRun.KIND,
                PostStatusUpdate.KIND,
                // runops (ADR 0025)
                StartRun.KIND, AnnounceRun.KIND, SetParticipation.KIND, SetFollowing.KIND, RenameRun.KIND,
                EditSummary.KIND,
                // checklist work (ADR 0024)
                SetItemAssignee.KIND, SetItemDueDate.KIND, EditItem.KIND, MoveItem.KIND, DeleteItem.KIND,
                RunItemCommand.KIND, AddItem.KIND, DuplicateItem.KIND, AddChecklist.KIND, ChecklistChange.KIND,
                // status updates: snooze / change the cadence, request an update
                ResetReminder.KIND, RequestStatusUpdate.KIND,
                // retro (issue 16): the retrospective and the timeline
                SaveRetrospective.KIND, PublishRetrospective.KIND, CancelRetrospective.KIND,
                SetRetrospectiveEnabled.KIND, DeleteTimelineEvent.KIND,
                // timeline (issue 16, ADR 0031): add a post, add a manual event
                AddPostToTimeline.KIND, ManualTimelineEvent.KIND));
    }

    /** What a stored row reads as. */
    public sealed interface Decoded {
        record Readable(Action action) implements Decoded {
        }

        /** @param why in words, for the outbox panel and the log */
        record Unreadable(String why) implements Decoded {
        }
    }

    public Decoded decode(OutboxEntry entry, JsonMapper mapper) {
        ActionKind kind = kinds.get(entry.kind());
        if (kind == null) {
            return new Decoded.Unreadable("unknown kind “" + entry.kind() + "” (written by a newer build?)");
        }
        if (entry.kindVersion() > kind.version()) {
            return new Decoded.Unreadable("“" + entry.kind() + "” version " + entry.kindVersion()
                    + " is newer than this build reads (" + kind.version() + ")");
        }
        if (entry.state() == null) {
            return new Decoded.Unreadable("its state is unknown to this build");
        }
        if (ActionScope.Kind.fromStored(entry.scopeKind()).isEmpty()) {
            return new Decoded.Unreadable("unknown scope “" + entry.scopeKind() + "”");
        }
        JsonNode payload;
        try {
            payload = mapper.readTree(entry.payload());
        } catch (JsonProcessingException e) {
            return new Decoded.Unreadable("its stored form is damaged (not JSON)");
        }
        if (payload == null || !payload.isObject()) {
            return new Decoded.Unreadable("its stored form is damaged (not a JSON object)");
        }
        try {
            return new Decoded.Readable(kind.decoder().decode(entry.scopeId(), payload, entry.kindVersion()));
        } catch (IllegalArgumentException e) {
            return new Decoded.Unreadable("its stored form is damaged (" + e.getMessage() + ")");
        }
    }
}
