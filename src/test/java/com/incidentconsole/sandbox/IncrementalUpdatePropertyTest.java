package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.PlaybookRun;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * For random sequences of run edits, applying each {@code playbook_run_updated_incremental} delta
 * to the previous run (with the webapp's algorithm, playbooks-api.md §7.3) yields exactly the run
 * that {@code GET /runs/{id}} returns afterwards.
 */
@BesideOtherTests
class IncrementalUpdatePropertyTest {

    static SandboxFixture sandbox;
    static SandboxServer server;
    static Api api;
    static WsProbe ws;
    static List<String> runIds;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxFixture.start(SandboxFixture.small().withIncrementalUpdates(true));
        server = sandbox.server();
        String token = server.control().credentials().token();
        api = new Api(server.baseUrl(), token);
        ws = WsProbe.withHeader(server.baseUrl(), token);
        ws.next();
        String alex = server.control().defaultUser().id();
        runIds = server.control().runs().stream().filter(r -> !r.isFinished() && r.ownerUserId().equals(alex))
                .map(PlaybookRun::id).toList();
    }

    @AfterEach
    void exchangesMatchSpec() {
        sandbox.assertAllExchangesMatchSpec();
    }

    @AfterAll
    static void stop() {
        ws.close();
        sandbox.close();
    }

    private static final java.util.concurrent.atomic.AtomicLong BARRIERS = new java.util.concurrent.atomic.AtomicLong();

    @Test
    void deltasReproduceTheServerState() {
        qt().withExamples(25).withShrinkCycles(0).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            String runId = runIds.get(random.nextInt(runIds.size()));
            for (int step = 0; step < 6; step++) {
                ObjectNode before = (ObjectNode) api.getJson(Api.PLUGIN + "/runs/" + runId);
                String op = edit(random, runId, before);
                ObjectNode after = (ObjectNode) api.getJson(Api.PLUGIN + "/runs/" + runId);
                // One request may publish several deltas (a status update sends two): apply all of them.
                List<JsonNode> deltas;
                try {
                    deltas = deltasUntilBarrier();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                if (withoutUpdateAt(before).equals(withoutUpdateAt(after)) && deltas.isEmpty()) {
                    continue;
                }
                for (JsonNode delta : deltas) {
                    apply(before, delta);
                }
                assertEquals(after, before, "after " + op + " with deltas " + deltas);
            }
        });
    }

    /** Incremental deltas up to the reply to a ping sent now (the server answers it after every earlier event). */
    private static List<JsonNode> deltasUntilBarrier() throws InterruptedException {
        long barrier = 1000 + BARRIERS.incrementAndGet();
        ws.sendText("{\"seq\":" + barrier + ",\"action\":\"ping\"}");
        List<JsonNode> deltas = new ArrayList<>();
        while (true) {
            JsonNode frame = ws.next();
            if (frame.path("seq_reply").asLong() == barrier) {
                return deltas;
            }
            if ("custom_playbooks_playbook_run_updated_incremental".equals(frame.path("event").asText())) {
                deltas.add(Api.tree(frame.path("data").path("payload").asText()));
            }
        }
    }

    private static ObjectNode withoutUpdateAt(ObjectNode run) {
        ObjectNode copy = run.deepCopy();
        copy.remove("update_at");
        return copy;
    }

    private static String edit(SplittableRandom random, String runId, JsonNode run) {
        String base = Api.PLUGIN + "/runs/" + runId;
        JsonNode checklists = run.path("checklists");
        int n = random.nextInt(Math.max(1, checklists.size()));
        int size = checklists.path(n).path("items").size();
        int i = size == 0 ? 0 : random.nextInt(size);
        List<String> people = new ArrayList<>();
        run.path("participant_ids").forEach(p -> people.add(p.asText()));
        String[] states = {"", "in_progress", "closed", "skipped"};
        String item = base + "/checklists/" + n + "/item/" + i;
        HttpResponse<String> r = switch (random.nextInt(11)) {
            case 0, 1 -> api.send("PUT", item + "/state", "{\"new_state\":\"" + states[random.nextInt(4)] + "\"}");
            case 2 -> api.send("PUT", item + "/assignee", "{\"assignee_id\":\""
                    + (random.nextBoolean() ? people.get(random.nextInt(people.size())) : "") + "\"}");
            case 3 -> api.send("POST", base + "/checklists/" + n + "/add", "{\"title\":\"Item " + random.nextInt() + "\"}");
            case 4 -> api.send("DELETE", item, null);
            case 5 -> api.send("PUT", base + "/checklists/" + n + "/rename", "{\"title\":\"Stage " + random.nextInt(9) + "\"}");
            case 6 -> api.send("POST", base + "/checklists", "{\"title\":\"Extra\",\"items\":[{\"title\":\"a\"}]}");
            case 7 -> api.send("POST", base + "/checklists/move-item", "{\"source_checklist_idx\":" + n
                    + ",\"source_item_idx\":" + i + ",\"dest_checklist_idx\":0,\"dest_item_idx\":0}");
            case 8 -> api.send("POST", base + "/status", "{\"message\":\"update\",\"reminder\":" + (600 + random.nextInt(3000)) + "}");
            case 9 -> {
                JsonNode events = run.path("timeline_events");
                String id = events.get(random.nextInt(events.size())).path("id").asText();
                yield api.send("DELETE", base + "/timeline/" + id, null);
            }
            default -> api.send("PUT", item + "/duedate", "{\"due_date\":" + random.nextInt(1_000_000) + "}");
        };
        return r.request().method() + " " + r.request().uri().getPath() + " -> " + r.statusCode();
    }

    /** The webapp's applyIncrementalUpdate, plus checklist reordering by the run-level items_order. */
    static void apply(ObjectNode run, JsonNode update) {
        if (update.path("playbook_run_updated_at").asLong() > 0) {
            run.put("update_at", update.path("playbook_run_updated_at").asLong());
        }
        removeById((ArrayNode) run.path("checklists"), update.path("checklist_deletes"));
        removeById((ArrayNode) run.path("timeline_events"), update.path("timeline_event_deletes"));
        removeById((ArrayNode) run.path("status_posts"), update.path("status_post_deletes"));
        JsonNode changed = update.path("changed_fields");
        for (Iterator<String> it = changed.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (List.of("checklists", "timeline_events", "status_posts").contains(key)) {
                continue;
            }
            if (run.has(key) && !changed.get(key).isNull()) {
                run.set(key, changed.get(key));
            }
        }
        upsertSorted((ArrayNode) run.path("timeline_events"), changed.path("timeline_events"));
        upsertSorted((ArrayNode) run.path("status_posts"), changed.path("status_posts"));
        ArrayNode checklists = (ArrayNode) run.path("checklists");
        for (JsonNode cu : changed.path("checklists")) {
            ObjectNode target = null;
            for (JsonNode c : checklists) {
                if (c.path("id").asText().equals(cu.path("id").asText())) {
                    target = (ObjectNode) c;
                }
            }
            if (target == null) {
                target = checklists.addObject();
                target.put("id", cu.path("id").asText());
                target.put("title", "");
                target.set("items", cu.path("item_inserts").deepCopy());
                target.set("items_order", cu.path("items_order").deepCopy());
                // A new checklist's fields carry only its title; its update_at is checklist_updated_at.
                target.put("update_at", cu.path("checklist_updated_at").asLong());
                mergeFields(target, cu.path("fields"));
                continue;
            }
            mergeFields(target, cu.path("fields"));
            if (cu.has("items_order")) {
                target.set("items_order", cu.path("items_order"));
            }
            ArrayNode items = (ArrayNode) target.path("items");
            for (JsonNode iu : cu.path("item_updates")) {
                for (JsonNode item : items) {
                    if (item.path("id").asText().equals(iu.path("id").asText())) {
                        mergeFields((ObjectNode) item, iu.path("fields"));
                    }
                }
            }
            removeById(items, cu.path("item_deletes"));
            for (JsonNode insert : cu.path("item_inserts")) {
                items.add(insert);
            }
            sortBy(items, target.path("items_order"));
            // items_order is omitempty: emptying a checklist sends no order, so recompute it like the server does.
            ArrayNode order = target.putArray("items_order");
            items.forEach(item -> order.add(item.path("id").asText()));
        }
        sortBy(checklists, run.path("items_order"));
    }

    private static void mergeFields(ObjectNode target, JsonNode fields) {
        fields.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("items")) {
                target.set(e.getKey(), e.getValue());
            }
        });
    }

    private static void removeById(ArrayNode array, JsonNode ids) {
        List<String> gone = new ArrayList<>();
        ids.forEach(id -> gone.add(id.asText()));
        for (int k = array.size() - 1; k >= 0; k--) {
            if (gone.contains(array.get(k).path("id").asText())) {
                array.remove(k);
            }
        }
    }

    private static void upsertSorted(ArrayNode array, JsonNode entries) {
        for (JsonNode entry : entries) {
            boolean replaced = false;
            for (int k = 0; k < array.size(); k++) {
                if (array.get(k).path("id").asText().equals(entry.path("id").asText())) {
                    array.set(k, entry);
                    replaced = true;
                }
            }
            if (!replaced) {
                array.add(entry);
            }
        }
        List<JsonNode> sorted = new ArrayList<>();
        array.forEach(sorted::add);
        sorted.sort(Comparator.comparingLong(e -> e.path("create_at").asLong()));
        array.removeAll();
        sorted.forEach(array::add);
    }

    private static void sortBy(ArrayNode array, JsonNode order) {
        Map<String, Integer> position = new HashMap<>();
        order.forEach(id -> position.put(id.asText(), position.size()));
        List<JsonNode> sorted = new ArrayList<>();
        array.forEach(sorted::add);
        sorted.sort(Comparator.comparingInt(e -> position.getOrDefault(e.path("id").asText(), Integer.MAX_VALUE)));
        array.removeAll();
        sorted.forEach(array::add);
    }
}
