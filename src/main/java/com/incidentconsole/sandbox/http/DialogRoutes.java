package com.incidentconsole.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidentconsole.sandbox.runs.Access;
import com.incidentconsole.sandbox.runs.DialogService;
import com.incidentconsole.sandbox.runs.RunService;
import com.incidentconsole.sandbox.runs.StatusService;
import com.incidentconsole.sandbox.state.Rejection;
import com.incidentconsole.sandbox.state.SandboxState;
import java.util.Map;

/**
 * The interactive-dialog submissions the webapp posts (a {@code model.SubmitDialogRequest}:
 * {@code {type, callback_id, state, user_id, channel_id, team_id, submission, cancelled}}), with
 * the real handlers' answers: errors a dialog can show come back as {@code 200 {"error": ...}}.
 */
public final class DialogRoutes {

    private static final String R = "/plugin/runs";
    private static final Router.Area P = Router.Area.PLUGIN;
    private static final String UNDECODABLE = "failed to decode SubmitDialogRequest";

    private final SandboxState state;
    private final Access access;
    private final StatusService status;
    private final DialogService dialogs;
    private final ObjectMapper mapper;

    public DialogRoutes(SandboxState state, Access access, StatusService status, DialogService dialogs,
                        ObjectMapper mapper) {
        this.state = state;
        this.access = access;
        this.status = status;
        this.dialogs = dialogs;
        this.mapper = mapper;
    }

    public void register(Router router) {
        router.add("POST", R + "/dialog", P, this::createRun)
                .add("POST", R + "/add-to-timeline-dialog", P, this::addToTimeline)
                .add("POST", R + "/{id}/finish-dialog", P, this::finish)
                .add("POST", R + "/{id}/update-status-dialog", P, this::updateStatus);
    }

    /** createPlaybookRunFromDialog (api/playbook_runs.go): 201, no body, Location. */
    private Reply createRun(Call c) {
        JsonNode request = submitted(c);
        requireSameUser(c, request);
        JsonNode dialogState = dialogState(request);
        String runId = dialogs.createFromDialog(c.userId(), request.path("team_id").asText(""),
                request.path("channel_id").asText(""), text(request, "playbookID"), text(request, "playbookRunName"),
                dialogState.path("client_id").asText(""));
        return Reply.empty(201).withHeader("Location", "/api/v0/runs/" + runId);
    }

    /** addToTimelineDialog: 200 with no body. */
    private Reply addToTimeline(Call c) {
        JsonNode request = submitted(c);
        requireSameUser(c, request);
        dialogs.addToTimeline(c.userId(), text(request, "playbook_run"), text(request, "summary"),
                () -> dialogState(request).path("post_id").asText(""));
        return Reply.empty(200);
    }

    /**
     * finishDialog: RunFinish failing for an unknown run or a refusal is answered as a dialog error
     * ({@code 200 {"error":"You don't have permission to finish this run."}}); else FinishPlaybookRun.
     */
    private Reply finish(Call c) {
        if (!dialogs.finishFromDialog(c.userId(), c.param("id"))) {
            return Reply.ok(Map.of("error", "You don't have permission to finish this run."));
        }
        return Reply.empty(200);
    }

    /**
     * updateStatusDialog, behind the edit middleware: {@code submission.message} and
     * {@code submission.reminder} must be strings (the reminder in seconds; not a number → 500),
     * {@code finish_run} a boolean if present. A refused finish is 403; another refusal a dialog
     * error; any other failure 400 with the public message.
     */
    private Reply updateStatus(Call c) {
        state.locked(() -> access.requireManage(c.userId(), c.param("id"), true));
        JsonNode submission = submitted(c).path("submission");
        String message = "";
        if (submission.has("message")) {
            if (!submission.path("message").isTextual()) {
                throw new Rejection(400, "message must be a string");
            }
            message = submission.path("message").asText();
        }
        long reminder = 0;
        if (submission.has("reminder")) {
            if (!submission.path("reminder").isTextual()) {
                throw new Rejection(400, "reminder must be a string");
            }
            try {
                reminder = Integer.parseInt(submission.path("reminder").asText());
            } catch (NumberFormatException e) {
                throw Rejection.internal();
            }
        }
        boolean finish = submission.path("finish_run").isBoolean() && submission.path("finish_run").asBoolean();
        try {
            status.updateStatus(c.userId(), c.param("id"), new StatusService.Update(message, reminder, finish));
        } catch (Rejection refused) {
            if (refused.status() == 403 && !finish) {
                return Reply.ok(Map.of("error", refused.getMessage()));
            }
            throw refused.status() == 403 ? refused : new Rejection(400, refused.getMessage());
        }
        return Reply.empty(200);
    }

    private JsonNode submitted(Call c) {
        JsonNode request = c.strictBody(JsonNode.class, 400, UNDECODABLE);
        if (!request.isObject()) {
            throw new Rejection(400, UNDECODABLE);
        }
        return request;
    }

    private static void requireSameUser(Call c, JsonNode request) {
        if (!c.userId().equals(request.path("user_id").asText(""))) {
            throw new Rejection(400, "interactive dialog's userID must be the same as the requester's userID");
        }
    }

    /** {@code json.Unmarshal([]byte(request.State), &state)}: an empty or non-JSON state is a 400. */
    private JsonNode dialogState(JsonNode request) {
        try {
            JsonNode parsed = mapper.readTree(request.path("state").asText(""));
            if (parsed == null || parsed.isMissingNode() || !(parsed.isObject() || parsed.isNull())) {
                throw new Rejection(400, "failed to unmarshal dialog state");
            }
            return parsed;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Rejection(400, "failed to unmarshal dialog state");
        }
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.path("submission").path(field);
        return value.isTextual() ? value.asText() : "";
    }
}
