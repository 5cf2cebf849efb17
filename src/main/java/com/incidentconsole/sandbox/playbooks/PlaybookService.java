package com.incidentconsole.sandbox.playbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.runs.Access;
import com.incidentconsole.sandbox.runs.RunPublisher;
import com.incidentconsole.sandbox.state.Rejection;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.PlaybookMember;
import com.incidentconsole.wire.PluginEvents;
import java.util.List;
import java.util.Set;

/**
 * Playbooks are stored as JSON trees (PUT replaces them whole; unknown keys survive) and converted
 * to the {@link Playbook} wire record on read, with the server-computed counters filled in.
 */
public final class PlaybookService {

    /** Fields the export keeps (playbooks-api.md §8), omitted when zero-valued. */
    private static final Set<String> EXPORTED = Set.of("title", "description", "reminder_message_template",
            "reminder_timer_default_seconds", "status_update_enabled", "message_on_join", "message_on_join_enabled",
            "retrospective_reminder_interval_seconds", "retrospective_template", "retrospective_enabled",
            "signal_any_keywords", "signal_any_keywords_enabled", "categorize_channel_enabled", "category_name",
            "run_summary_template_enabled", "run_summary_template", "channel_name_template",
            "create_channel_member_on_new_participant", "remove_channel_member_on_removed_participant", "channel_id",
            "channel_mode", "run_number_prefix", "owner_group_only_actions", "new_channel_only",
            "auto_archive_channel");
    private static final Set<String> ITEM_EXPORTED = Set.of("title", "description", "command", "due_date",
            "assignee_type", "assignee_property_field_id", "condition_id", "condition_action");

    private final SandboxState state;
    private final Access access;
    private final RunPublisher publisher;
    private final ObjectMapper mapper;

    public PlaybookService(SandboxState state, Access access, RunPublisher publisher, ObjectMapper mapper) {
        this.state = state;
        this.access = access;
        this.publisher = publisher;
        this.mapper = mapper;
    }

    public Playbook view(ObjectNode stored) {
        ObjectNode copy = stored.deepCopy();
        String id = stored.path("id").asText();
        long runs = 0;
        long active = 0;
        long last = 0;
        for (RunEntity run : state.runs().values()) {
            if (run.playbookId.equals(id)) {
                runs++;
                active += run.isFinished() ? 0 : 1;
                last = Math.max(last, run.createAt);
            }
        }
        copy.put("num_runs", runs);
        copy.put("active_runs", active);
        copy.put("last_run_at", last);
        long steps = 0;
        for (JsonNode checklist : stored.path("checklists")) {
            steps += checklist.path("items").size();
        }
        copy.put("num_stages", stored.path("checklists").size());
        copy.put("num_steps", steps);
        return mapper.convertValue(copy, Playbook.class);
    }

    public ObjectNode requireViewable(String userId, String id) {
        ObjectNode playbook = state.playbooks().get(id);
        if (playbook == null || !access.canViewPlaybook(userId, id)) {
            throw Rejection.notAuthorized();
        }
        return playbook;
    }

    public ObjectNode requireEditable(String userId, String id) {
        ObjectNode playbook = requireViewable(userId, id);
        if (!access.isPlaybookMember(userId, playbook) && !access.isSystemAdmin(userId)) {
            throw Rejection.notAuthorized();
        }
        return playbook;
    }

    /** Stores a new playbook; the creator becomes member and admin unless members are given. */
    public String create(String userId, ObjectNode body, boolean forcePublic) {
        decodable(body, "unable to decode playbook");
        String teamId = body.path("team_id").asText();
        if (!state.directory().isTeamMember(teamId, userId) && !access.isSystemAdmin(userId)) {
            throw Rejection.notAuthorized();
        }
        if (body.path("reminder_timer_default_seconds").asLong() <= 0) {
            throw new Rejection(400, "reminder_timer_default_seconds must be > 0");
        }
        long now = state.now();
        String id = state.ids().next();
        ObjectNode stored = body.deepCopy();
        stored.put("id", id);
        stored.put("create_at", now);
        stored.put("update_at", now);
        stored.put("delete_at", 0);
        stored.put("next_run_number", 1);
        if (forcePublic) {
            stored.put("public", true);
        }
        if (!stored.path("members").isArray() || stored.path("members").isEmpty()) {
            stored.set("members", mapper.valueToTree(List.of(new PlaybookMember(userId,
                    List.of(PlaybookMember.ROLE_MEMBER, PlaybookMember.ROLE_ADMIN), List.of()))));
        }
        cleanChecklists(stored);
        state.playbooks().put(id, stored);
        publisher.playbookEvent(PluginEvents.PLAYBOOK_CREATED, teamId);
        return id;
    }

    public void replace(String userId, String id, ObjectNode body) {
        decodable(body, "unable to decode playbook");
        ObjectNode old = requireEditable(userId, id);
        if (old.path("delete_at").asLong() != 0) {
            throw new Rejection(400, "Playbook cannot be modified");
        }
        ObjectNode stored = body.deepCopy();
        stored.put("id", id);
        stored.put("create_at", old.path("create_at").asLong());
        stored.put("update_at", state.now());
        stored.put("next_run_number", old.path("next_run_number").asLong(1));
        if (!body.has("admin_only_edit")) {
            stored.put("admin_only_edit", old.path("admin_only_edit").asBoolean());
        }
        cleanChecklists(stored);
        state.playbooks().put(id, stored);
    }

    /** {@code PATCH /playbooks/{id}}: only the run-number prefix and channel name template; anything else is a 400. */
    public void patch(String userId, String id, ObjectNode body) {
        ObjectNode playbook = requireEditable(userId, id);
        body.fieldNames().forEachRemaining(key -> {
            if (!key.equals("run_number_prefix") && !key.equals("channel_name_template")) {
                throw new Rejection(400, "unknown field " + key);
            }
        });
        String prefix = body.path("run_number_prefix").asText(playbook.path("run_number_prefix").asText());
        if (!prefix.isEmpty() && !prefix.matches("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$")) {
            throw new Rejection(400, "invalid run number prefix");
        }
        boolean taken = state.playbooks().values().stream().anyMatch(p -> !p.path("id").asText().equals(id)
                && p.path("team_id").asText().equals(playbook.path("team_id").asText())
                && !prefix.isEmpty() && prefix.equals(p.path("run_number_prefix").asText()));
        if (taken) {
            throw new Rejection(409, "run number prefix already in use in this team");
        }
        if (body.has("run_number_prefix")) {
            playbook.put("run_number_prefix", prefix);
        }
        if (body.has("channel_name_template")) {
            playbook.put("channel_name_template", body.path("channel_name_template").asText());
        }
        playbook.put("update_at", state.now());
    }

    public void archive(String userId, String id, boolean archived) {
        ObjectNode playbook = requireEditable(userId, id);
        playbook.put("delete_at", archived ? state.now() : 0);
        publisher.playbookEvent(archived ? PluginEvents.PLAYBOOK_ARCHIVED : PluginEvents.PLAYBOOK_RESTORED,
                playbook.path("team_id").asText());
    }

    public String duplicate(String userId, String id) {
        ObjectNode copy = requireViewable(userId, id).deepCopy();
        copy.put("title", "Copy of " + copy.path("title").asText());
        copy.remove("members");
        copy.put("run_number_prefix", "");
        return create(userId, copy, false);
    }

    public ObjectNode export(String userId, String id) {
        ObjectNode playbook = requireViewable(userId, id);
        ObjectNode out = mapper.createObjectNode();
        out.put("version", 1);
        playbook.fields().forEachRemaining(e -> {
            if (EXPORTED.contains(e.getKey()) && !isZero(e.getValue())
                    && !("channel_mode".equals(e.getKey()) && "create_new_channel".equals(e.getValue().asText()))) {
                out.set(e.getKey(), e.getValue());
            }
        });
        ArrayNode checklists = out.putArray("checklists");
        for (JsonNode checklist : playbook.path("checklists")) {
            ObjectNode c = checklists.addObject();
            c.put("title", checklist.path("title").asText());
            ArrayNode items = c.putArray("items");
            for (JsonNode item : checklist.path("items")) {
                ObjectNode i = items.addObject();
                item.fields().forEachRemaining(e -> {
                    if (ITEM_EXPORTED.contains(e.getKey()) && !isZero(e.getValue())) {
                        i.set(e.getKey(), e.getValue());
                    }
                });
            }
        }
        ArrayNode metrics = out.putArray("metrics");
        for (JsonNode metric : playbook.path("metrics")) {
            ObjectNode m = metrics.addObject();
            for (String key : List.of("title", "description", "type", "target")) {
                if (!isZero(metric.path(key))) {
                    m.set(key, metric.path(key));
                }
            }
        }
        return out;
    }

    public String importPlaybook(String userId, String teamId, ObjectNode body) {
        decodable(body, "unable to decode playbook import");
        if (body.path("version").asInt() != 1) {
            throw new Rejection(400, "Unsupported import version");
        }
        if (body.has("id")) {
            throw new Rejection(400, "playbook import must not carry an id");
        }
        ObjectNode copy = body.deepCopy();
        copy.remove("version");
        copy.put("team_id", teamId);
        copy.remove("members");
        if (!copy.has("reminder_timer_default_seconds")) {
            copy.put("reminder_timer_default_seconds", 604800);
        }
        return create(userId, copy, true);
    }

    /**
     * The handlers decode the body into {@code app.Playbook} first and answer 400 with this public message
     * when Go's decoder refuses it ({@code server/api/playbooks.go}: createPlaybook, updatePlaybook,
     * importPlaybook), before any permission or content check.
     */
    private static void decodable(ObjectNode body, String message) {
        GoJsonShape.mismatch(body, Playbook.class).ifPresent(why -> {
            throw new Rejection(400, message);
        });
    }

    /** Run-only item fields are reset when a playbook is written ({@code CleanUpChecklists}). */
    private static void cleanChecklists(ObjectNode playbook) {
        for (JsonNode checklist : playbook.path("checklists")) {
            for (JsonNode item : checklist.path("items")) {
                if (item instanceof ObjectNode o) {
                    o.put("state", "");
                    o.put("state_modified", 0);
                    o.put("assignee_modified", 0);
                    o.put("command_last_run", 0);
                }
            }
        }
    }

    private static boolean isZero(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return true;
        }
        if (v.isBoolean()) {
            return !v.asBoolean();
        }
        if (v.isNumber()) {
            return v.asLong() == 0;
        }
        if (v.isTextual()) {
            return v.asText().isEmpty();
        }
        return v.isContainerNode() && v.isEmpty();
    }

}
