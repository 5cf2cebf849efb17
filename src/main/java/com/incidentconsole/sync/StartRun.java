package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.client.ServerError;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.RunCreateOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Start a run ({@code POST /runs}, api/playbook_runs.go createPlaybookRunFromPost): of a playbook, or a
 * channel checklist without one (then an existing channel is required). The first kind whose scope is
 * a team, not a run. Not idempotent: every accepted request is one more run, so after a crash or a lost
 * answer it is looked for among the team's newest runs — one by me ({@code reporter_user_id}) of this
 * playbook (and channel, when one was chosen) created after the request left is it.
 *
 * @param startKey this start's own id: two starts are two targets, neither replaces the other
 * @param channelId an existing channel to run in; {@code ""} lets the server create one
 * @param reporterId who starts it (the signed-in user), recorded by the server as the run's reporter
 */
public record StartRun(String teamId, String startKey, String playbookId, String name, String summary,
                       String ownerId, String channelId, String reporterId) implements OutsideRunAction {

    /** A run by me with this name this much older than my request may still be mine: the clocks differ. */
    static final Duration CLOCK_SKEW = PostStatusUpdate.CLOCK_SKEW;
    /** How many of the team's newest runs are read to look for it. */
    static final int LOOK_BACK = 100;
    public static final String SUBJECT_PREFIX = "start-run:";

    static final ActionKind KIND = new ActionKind("start_run", 1, (teamId, p, version) -> new StartRun(teamId,
            ActionKind.required(p, "start_key"), p.path("playbook_id").asText(""), ActionKind.required(p, "name"),
            p.path("summary").asText(""), p.path("owner_id").asText(""), p.path("channel_id").asText(""),
            ActionKind.required(p, "reporter_id")));

    public StartRun {
        playbookId = playbookId == null ? "" : playbookId;
        summary = summary == null ? "" : summary;
        ownerId = ownerId == null ? "" : ownerId;
        channelId = channelId == null ? "" : channelId;
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a run needs a name");
        }
        if (playbookId.isEmpty() && channelId.isEmpty()) {
            throw new IllegalArgumentException("a checklist without a playbook needs an existing channel");
        }
    }

    public static StartRun of(String teamId, String playbookId, String name, String summary, String ownerId,
                              String channelId, String reporterId) {
        return new StartRun(teamId, UUID.randomUUID().toString(), playbookId, name.strip(), summary, ownerId,
                channelId, reporterId);
    }

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionScope scope() {
        return new ActionScope(ActionScope.Kind.TEAM, teamId);
    }

    @Override
    public ActionTarget target() {
        return new ActionTarget(teamId, SUBJECT_PREFIX + startKey);
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public String desiredValue() {
        return name;
    }

    @Override
    public String description() {
        return "Start the run “" + (name.length() > 60 ? name.substring(0, 60) + "…" : name) + "”";
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("start_key", startKey).put("playbook_id", playbookId).put("name", name)
                .put("summary", summary).put("owner_id", ownerId).put("channel_id", channelId)
                .put("reporter_id", reporterId);
    }

    /** The request body: the owner defaults on the server (to me, or the playbook's default owner) when empty. */
    RunCreateOptions options() {
        return new RunCreateOptions(name, ownerId, teamId, channelId, summary, "", playbookId, null,
                playbookId.isEmpty() ? PlaybookRun.TYPE_CHANNEL_CHECKLIST : PlaybookRun.TYPE_PLAYBOOK, Map.of());
    }

    /**
     * Whether {@code run} is the one this start made (or may have made), ignoring when: mine, in this team, of
     * this playbook, in the chosen channel. Not by name — a playbook's channel name template replaces the typed
     * name on the server (app/playbook_run_service.go resolveAndAllocate) — which is safe because the sender
     * sends one action at a time: no earlier start of mine can be created after this one's request left, and
     * one a little before it is within the clocks' skew and makes the check uncertain, never "taken".
     */
    public boolean matches(PlaybookRun run) {
        return reporterId.equals(run.reporterUserId()) && teamId.equals(run.teamId())
                && playbookId.equals(run.playbookId()) && (channelId.isEmpty() || channelId.equals(run.channelId()));
    }

    /**
     * Mine, created after my request left: it took effect. One created a little before (within the clocks'
     * possible difference) may or may not be: unknown. None among a complete look-back: not taken. A list
     * that may not reach back to the request, or a server that will not list, cannot tell.
     */
    @Override
    public Settlement tookEffect(ActionTransport transport, long sentAt) {
        List<PlaybookRun> newest;
        try {
            newest = transport.newestRuns(teamId, LOOK_BACK);
        } catch (ServerError refused) {
            if (refused.isRetryable() || refused.isUnauthorized()) {
                throw refused; // the queue waits for the server (or sign-in) and asks again
            }
            return Settlement.UNKNOWN;
        }
        long doubtFrom = sentAt - CLOCK_SKEW.toMillis();
        List<PlaybookRun> mine = newest.stream().filter(this::matches).toList();
        if (mine.stream().anyMatch(r -> r.createAt() >= sentAt)) {
            return Settlement.TOOK_EFFECT;
        }
        if (mine.stream().anyMatch(r -> r.createAt() >= doubtFrom)) {
            return Settlement.UNKNOWN;
        }
        boolean reachesBack = newest.size() < LOOK_BACK
                || newest.stream().anyMatch(r -> r.createAt() < doubtFrom);
        return reachesBack ? Settlement.NOT_TAKEN : Settlement.UNKNOWN;
    }

    @Override
    public Optional<PlaybookRun> sendOutsideRun(ActionTransport transport) {
        return Optional.of(transport.startRun(options()));
    }
}
