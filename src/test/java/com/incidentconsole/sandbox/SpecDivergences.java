package com.incidentconsole.sandbox;

import com.atlassian.oai.validator.report.ValidationReport;
import com.incidentconsole.sandbox.kernel.ExchangeObserver;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where {@code playbooks-openapi.yaml} disagrees with {@code playbooks-api.md}, which wins because it
 * was read from the plugin's router and handlers. The one place this knowledge lives: the
 * {@link SandboxFixture} fails any validation message that no entry here explains. Each entry is
 * as narrow as the disagreement (method, path, validator key and a fragment of its message).
 */
final class SpecDivergences {

    private static final String ROOT = "/plugins/playbooks/api/v0";
    private static final String ID = "[A-Za-z0-9]+";
    private static final String RUN = ROOT + "/runs/" + ID;
    private static final String ITEM = RUN + "/checklists/[0-9]+/items?/[0-9]+";

    /**
     * @param methods  regex over the HTTP method
     * @param path     regex over the whole request path
     * @param statuses regex over the response status
     * @param key      the validator's message key
     * @param fragment regex found in the message ("" = any)
     * @param reason   why the server does it differently, with the reference section
     */
    record Divergence(String methods, String path, String statuses, String key, String fragment, String reason) {

        Divergence(String methods, String path, String key, String fragment, String reason) {
            this(methods, path, "[0-9]+", key, fragment, reason);
        }

        boolean explains(ExchangeObserver.Exchange x, ValidationReport.Message m) {
            return x.method().matches(methods) && Pattern.matches(path, x.path())
                    && Integer.toString(x.status()).matches(statuses) && m.getKey().matches(key)
                    && Pattern.compile(fragment).matcher(m.getMessage()).find();
        }
    }

    static final List<Divergence> ALL = List.of(
            // Routes the server has and the spec lacks (playbooks-api.md §1.5): nothing to validate against.
            new Divergence(".*", RUN + "/(restore|request-update|reminder|status-update-enabled|retrospective-enabled"
                    + "|retrospective|retrospective/publish|no-retrospective-button|followers|status-updates)",
                    "validation.request.path.missing", "",
                    "route exists in server code (playbooks-api.md §2.2, §2.3, §2.7, §2.8) but not in the spec"),
            new Divergence(".*", RUN + "/checklists(/move|/move-item|/[0-9]+|/[0-9]+/(rename|duplicate|skip|restore))?",
                    "validation.request.path.missing", "",
                    "checklist routes exist in server code (playbooks-api.md §2.4) but not in the spec"),
            new Divergence(".*", ITEM + "/(skip|restore|duplicate|duedate|command)",
                    "validation.request.path.missing", "",
                    "item routes exist in server code (playbooks-api.md §2.5) but not in the spec"),
            new Divergence(".*", ROOT + "/runs/channel/" + ID + "/runs", "validation.request.path.missing", "",
                    "GET /runs/channel/{channel_id}/runs exists in server code (playbooks-api.md §2.1) but not in the spec"),
            new Divergence(".*", ROOT + "/playbooks/(import|" + ID + "/(restore|duplicate|export))",
                    "validation.request.path.missing", "",
                    "playbook routes exist in server code (playbooks-api.md §3) but not in the spec"),
            new Divergence(".*", ROOT + "/(settings|stats/site|stats/playbook|query)", "validation.request.path.missing", "",
                    "settings, stats and GraphQL routes exist in server code (playbooks-api.md §3, §4) but not in "
                            + "the spec"),
            new Divergence("PATCH", ROOT + "/playbooks/" + ID, "validation.request.operation.notAllowed", "",
                    "PATCH /playbooks/{id} exists in server code (playbooks-api.md §3) but not in the spec"),
            new Divergence("POST", ROOT + "/playbooks/import", "validation.request.operation.notAllowed", "",
                    "POST /playbooks/import exists in server code (playbooks-api.md §3, §8) but not in the spec (the "
                            + "validator reads it as /playbooks/{id})"),
            new Divergence("GET", ROOT + "/playbooks", "validation.request.parameter.query.(missing|unexpected)",
                    "'(team_id|search_term)'",
                    "GET /playbooks takes an optional team_id and a search_term (playbooks-api.md §3); the spec "
                            + "requires team_id and lacks search_term"),
            new Divergence("POST", ITEM + "/run", "validation.request.operation.notAllowed", "",
                    "the router has POST .../item/{i}/run (playbooks-api.md §2.5); the spec says PUT"),
            new Divergence(".*", ROOT + "/runs/" + ID + "/checklists/[0-9]+/items/[0-9]+(/.*)?",
                    "validation.request.path.missing", "",
                    "/items/{i} is the router's alias of /item/{i} (playbooks-api.md §2.5); the spec has only /item"),
            // Requests that are wrong on purpose: the spec has nothing to say about the router's answers to them.
            new Divergence(".*", ROOT + "/.*", "405", "validation.request.operation.notAllowed", "",
                    "a known path with a method it does not serve: gorilla mux answers 405 (docs/sandbox.md)"),
            new Divergence(".*", ROOT + "/.*", "404", "validation.request.path.missing", "",
                    "a path no route serves: mux's NotFoundHandler answers 404 page not found"),

            // Shapes the server writes differently from the spec.
            new Divergence(".*", ".*", "validation.(request|response).body.schema.enum", Pattern.quote("[\"\", \"in_progress\", \"closed\"]"),
                    "ChecklistItem.state can also be \"skipped\" (playbooks-api.md §0.5, §5.3); the spec predates "
                            + "skipping"),
            new Divergence("GET", ROOT + "/runs", "validation.request.parameter.query.missing", "'team_id'",
                    "team_id may be blank (playbooks-api.md §2.1: \"26-char id or blank\")"),
            new Divergence("PUT", ITEM + "/(state|assignee)", "validation.response.body.unexpected", "",
                    "the handler writes {} with 200 (playbooks-api.md §2.5); the spec declares no body"),
            new Divergence("PUT", ITEM + "/assignee", "validation.request.body.schema.(required|additionalProperties)",
                    "'(assignee_id|assignee_type|assignee_property_field_id)'",
                    "itemSetAssignee (server/api/playbook_runs.go) takes exactly one of assignee_id, assignee_type "
                            + "(owner/creator) and assignee_property_field_id; the spec knows only assignee_id"),
            new Divergence(".*", ITEM + "(/.*)?", "403", "validation.response.status.unknown", "",
                    "checkEditPermissions answers 403 when RunManageProperties fails, on every item route "
                            + "(server/api/playbook_runs.go); the spec lists no 403 there"),
            new Divergence(".*", RUN + "/checklists(/.*)?", "[0-9]+", "validation.request.body.unexpected", "",
                    "PeopleRoutesTest sends a malformed body to routes that never read one, to show it is ignored"),
            new Divergence(".*", RUN + "/checklists(/.*)?", "500", "validation.response.status.unknown", "",
                    "an unknown run id fails GetPlaybookRun in checkEditPermissions and a checklist/item error is a "
                            + "plain error: HandleError answers 500 (server/api/playbook_runs.go); the spec lists no 500"),
            new Divergence(".*", ROOT + "/.*", "401", "validation.response.status.unknown", "",
                    "401 is plain text 'Not authorized' from http.Error (playbooks-api.md §0.2); the spec lists no 401"),
            new Divergence(".*", ROOT + "/.*", "[45][0-9][0-9]", "validation.response.body.schema.required", "'details'",
                    "error bodies are {\"error\": message} only (playbooks-api.md §0.3, §1.3 handleResponseWithCode); "
                            + "the spec's Error schema also requires 'details'"),
            new Divergence(".*", ROOT + "/.*", "429", "validation.response.status.unknown", "",
                    "429 comes from Mattermost core's rate limiter in front of the plugin (mattermost-core.md §2.4), "
                            + "so the plugin's spec cannot list it"),
            new Divergence(".*", ROOT + "/.*", "50[234]", "validation.response.status.unknown", "",
                    "502/503/504 come from a proxy or a restarting server in front of the plugin (an outage, "
                            + "injected by tests), so the plugin's spec cannot list them"),
            new Divergence(".*", ROOT + "/.*", "400", "validation.request.(parameter.schema.(enum|type)|body.schema.*)", "",
                    "tests send requests the spec rules out on purpose, to check that the server refuses them with "
                            + "400 (playbooks-api.md §1.3, §2.1); the server and the spec agree that they are invalid"),
            new Divergence("GET", ROOT + "/runs(/channels)?", "validation.request.parameter.query.unexpected",
                    "'(started_gte|started_lt|active_gte|active_lt|playbook_id|types|participant_or_follower_id)'",
                    "filters parsed by parsePlaybookRunsFilterOptions (playbooks-api.md §2.1) but missing from the spec"),
            new Divergence("GET", ROOT + "/runs(/channels)?", "validation.request.parameter.schema.enum",
                    "'(status|last_status_update_at|metric[0-3])'",
                    "sort keys the server accepts (playbooks-api.md §2.1) beyond the spec's enum"),
            new Divergence("POST", ROOT + "/playbooks", "validation.request.body.schema.(required|additionalProperties)",
                    "'(create_public_playbook_run|member_ids|reminder_timer_default_seconds|owner_group_only_actions)'",
                    "POST /playbooks takes a full Playbook (playbooks-api.md §3, §6.1: members, not member_ids; "
                            + "reminder_timer_default_seconds required > 0); the spec's create schema is an older, "
                            + "closed shape"),
            // Found by validating the console's own client requests (the spec's request schemas are closed):
            new Divergence("POST", ROOT + "/runs", "validation.request.body.schema.additionalProperties",
                    "'(channel_id|create_public_run|type|post_id|property_values)'",
                    "PlaybookRunCreateOptions (playbooks-api.md §2.2; the Go client's struct sends every key) has "
                            + "channel_id, create_public_run, type, post_id, property_values; the spec's closed "
                            + "schema predates them"),
            new Divergence("POST", RUN + "/status", "validation.request.body.schema.additionalProperties", "'finish_run'",
                    "StatusUpdateOptions carries finish_run (playbooks-api.md §2.3): post the update, then finish"),
            new Divergence("POST", RUN + "/checklists/[0-9]+/add", "validation.request.body.schema.additionalProperties",
                    "",
                    "the handler decodes a whole ChecklistItem (playbooks-api.md §2.5, §5.3), so a client may send "
                            + "every item field; the spec lists only title/command/description"),
            new Divergence("PUT", ROOT + "/playbooks/" + ID, "validation.request.body.schema.additionalProperties",
                    "",
                    "PUT /playbooks/{id} decodes and stores a whole Playbook, every field, as a full replace "
                            + "(playbooks-api.md §3, §9); the spec's closed request schema lists only a few fields"),
            new Divergence("POST", RUN + "/status", "validation.request.body.schema.required", "'description'",
                    "StatusUpdateOptions is {message, reminder, finish_run} (playbooks-api.md §2.3, §5.5); the spec "
                            + "also requires a 'description' the handler never reads"),
            new Divergence(".*", ROOT + "/.*", "404", "validation.(response.status.unknown|request.parameter.schema.type)",
                    "", "a path parameter that fails the mux regexps ([0-9]+ indices, [A-Za-z0-9]+ ids) matches no "
                            + "route: Go's plain '404 page not found' (playbooks-api.md §1.1)"),
            new Divergence("PATCH", RUN, "200", "validation.response.body.unexpected", "",
                    "PATCH /runs/{id} answers 200 with the updated run (playbooks-api.md §2.2); the spec declares no body"),
            new Divergence("PUT", RUN + "/finish", "200", "validation.response.body.unexpected", "",
                    "finish answers 200 {\"status\":\"OK\"} (playbooks-api.md §2.2); the spec declares no body"),
            new Divergence("POST", RUN + "/status", "200", "validation.response.body.unexpected", "",
                    "a status update answers 200 {\"status\":\"OK\"} (playbooks-api.md §2.3); the spec declares no body"),
            new Divergence("POST", RUN + "/owner", "200", "validation.response.body.unexpected", "",
                    "owner change answers 200 {} (playbooks-api.md §2.2); the spec declares no body"),
            new Divergence("POST", RUN + "/checklists/[0-9]+/add", "201",
                    "validation.response.(body.missing|status.unknown)", "",
                    "adding an item answers 201 with an empty body (playbooks-api.md §2.5); the spec says 200 + a "
                            + "default error schema"),
            // Run lifecycle (sbx-runs): the Go source decides, api/playbook_runs.go at the pinned commit.
            new Divergence("POST", ROOT + "/runs", "validation.request.body.schema.required",
                    "'(owner_user_id|team_id|playbook_id)'",
                    "createPlaybookRun: owner falls back to the playbook's default owner, else the creator "
                            + "(ResolveRunCreationParams/resolveOwner); the team comes from channel_id; no playbook_id "
                            + "is a channel checklist (createPlaybookRunFromPost sets RunTypeChannelChecklist)"),
            new Divergence("POST", ROOT + "/playbooks", "validation.request.body.schema.additionalProperties", "",
                    "createPlaybook decodes a whole app.Playbook, every field (api/playbooks.go); the spec's "
                            + "closed request schema lists only a few"),
            new Divergence("POST", ROOT + "/runs/dialog", "201", "validation.response.body.missing", "",
                    "createPlaybookRunFromDialog answers w.WriteHeader(201) with Location and no body"),
            new Divergence(".*", ROOT + "/runs/(add-to-timeline-dialog|" + ID + "/(finish-dialog|update-status-dialog))",
                    "validation.request.path.missing", "",
                    "dialog routes exist in the router (api/playbook_runs.go NewPlaybookRunHandler) but not in the spec"),
            new Divergence("GET", ROOT + "/runs/channel/" + ID, "40[03]", "validation.response.status.unknown", "",
                    "getPlaybookRunByChannel: ChannelView refusal is 403, several runs in the channel 400 "
                            + "(\"multiple runs in the channel\")"),
            new Divergence("POST", ROOT + "/runs/add-to-timeline-dialog", "validation.request.operation.notAllowed", "",
                    "the router has POST /runs/add-to-timeline-dialog (addToTimelineDialog); the spec only knows "
                            + "/runs/{id}, which this path also matches"),
            new Divergence("PATCH|PUT|DELETE", RUN + "(/finish|/timeline/" + ID + ")?", "403",
                    "validation.response.status.unknown", "",
                    "every refusal goes through PermissionsCheck, which answers 403 {\"error\":\"Not authorized\"} "
                            + "(api/error_handler.go); the spec omits 403 on these paths"),
            new Divergence("POST", ROOT + "/runs", "500", "validation.response.status.unknown", "",
                    "an unknown playbook_id fails playbookService.Get: HandleError's 500"),
            new Divergence(".*", ROOT + "/.*", "401", "validation.request.security.missing", "",
                    "requests without a token are sent on purpose to check the 401 the server answers "
                            + "(playbooks-api.md §0.2)"));

    private SpecDivergences() {
    }

    /** The divergence that accounts for {@code message} on this exchange, if any. */
    static Optional<Divergence> explaining(ExchangeObserver.Exchange exchange, ValidationReport.Message message) {
        return ALL.stream().filter(d -> d.explains(exchange, message)).findFirst();
    }
}
