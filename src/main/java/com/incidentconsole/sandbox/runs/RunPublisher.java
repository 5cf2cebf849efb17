package com.incidentconsole.sandbox.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.state.Directory;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.ws.EventHub;
import com.incidentconsole.wire.Broadcast;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.PluginEvents;
import com.incidentconsole.wire.RunCreatedPayload;
import com.incidentconsole.wire.TeamPayload;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Publishes the plugin's WebSocket events (playbooks-api.md §7.2): {@code data} is
 * {@code {"payload": "<json string>"}}. Run updates go to the run channel, plus user-targeted copies
 * only to the extra user ids the caller names that are not channel members
 * ({@code playbook_run_service.go} {@code sendPlaybookRunUpdatedWS} / {@code getNonMembersIDs}). The
 * real service names such users only when following, unfollowing, adding or removing participants and
 * toggling the retrospective; followers outside the channel get no run events otherwise (they are sent
 * bot DMs instead). Callers hold the state lock.
 */
public final class RunPublisher {

    private final EventHub hub;
    private final ObjectMapper mapper;
    private final Directory directory;
    private final RunDiff diff;
    private final BooleanSupplier incremental;

    public RunPublisher(EventHub hub, ObjectMapper mapper, Directory directory, BooleanSupplier incremental) {
        this.hub = hub;
        this.mapper = mapper;
        this.directory = directory;
        this.diff = new RunDiff(mapper);
        this.incremental = incremental;
    }

    public void runUpdated(PlaybookRun before, RunEntity run) {
        runUpdated(before, run, List.of());
    }

    /**
     * {@code sendPlaybookRunObjectUpdatedWS(id, previous, current, additionalUserIDs...)}: the full run
     * every time, or in incremental mode a delta only when a field changed.
     */
    public void runUpdated(PlaybookRun before, RunEntity run, Collection<String> additionalUserIds) {
        PlaybookRun after = run.toWire();
        if (incremental.getAsBoolean()) {
            diff.diff(before, after).ifPresent(update ->
                    toRunAudience(run, PluginEvents.RUN_UPDATED_INCREMENTAL, payload(update), additionalUserIds));
        } else {
            toRunAudience(run, PluginEvents.RUN_UPDATED, payload(after), additionalUserIds);
        }
    }

    public void runCreated(RunEntity run) {
        hub.publish(PluginEvents.RUN_CREATED, payload(RunCreatedPayload.of(run.toWire())),
                Broadcast.toChannel(run.channelId));
    }

    /** The dialog path's created event also names the client that asked and the new channel ({@code createPlaybookRunFromDialog}). */
    public void runCreatedFromDialog(RunEntity run, String clientId, String channelName) {
        hub.publish(PluginEvents.RUN_CREATED, payload(new RunCreatedPayload(run.toWire(), clientId, channelName)),
                Broadcast.toChannel(run.channelId));
    }

    public void playbookEvent(String event, String teamId) {
        hub.publish(event, payload(new TeamPayload(teamId)), Broadcast.toTeam(teamId));
    }

    private void toRunAudience(RunEntity run, String event, ObjectNode data, Collection<String> additionalUserIds) {
        hub.publish(event, data, Broadcast.toChannel(run.channelId));
        for (String userId : new LinkedHashSet<>(additionalUserIds)) {
            if (!directory.isChannelMember(run.channelId, userId)) {
                hub.publish(event, data, Broadcast.toUser(userId));
            }
        }
    }

    private ObjectNode payload(Object value) {
        try {
            ObjectNode data = mapper.createObjectNode();
            data.put("payload", mapper.writeValueAsString(value));
            return data;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
