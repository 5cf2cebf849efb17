package com.incidentconsole.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.ClientException;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.EventStream;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.PluginPayloads;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.client.StreamState;
import com.incidentconsole.sandbox.SandboxFixture;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.HelloData;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.PlaybookRunUpdate;
import com.incidentconsole.wire.PluginEvents;
import com.incidentconsole.wire.WebSocketEvent;
import com.incidentconsole.wire.WireJson;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * For random sequences of run edits made through the sandbox (whose deltas come from the server's
 * own diff, {@code sandbox/runs/RunDiff}), each {@code playbook_run_updated_incremental} delta as the
 * console's stream receives it is merged by the fast path without declining, gives exactly the
 * run the JSON merge gives, and the runs so merged end equal to what {@code GET /runs/{id}} returns.
 */
class FastDeltaPropertyTest {

    private static final JsonMapper MAPPER = WireJson.newMapper();
    private static final StreamSettings FAST = new StreamSettings(Duration.ofMillis(50), Duration.ofMillis(200),
            Duration.ZERO, Duration.ofSeconds(30));

    static SandboxFixture fixture;
    static MattermostConnection alex;
    static EventStream stream;
    static final BlockingQueue<PlaybookRunUpdate> DELTAS = new LinkedBlockingQueue<>();
    static List<String> runIds;
    static String me;

    private final DeltaOnRecords onRecords = new DeltaOnRecords(MAPPER);
    private final DeltaOnTree onTree = new DeltaOnTree(MAPPER);

    @BeforeAll
    static void start() throws Exception {
        // A real clock (not the fixed one of small()): entries then differ in time and the sorting counts.
        fixture = SandboxFixture.start(SandboxOptions.defaults().withPort(0).withRuns(6, 0)
                .withIncrementalUpdates(true));
        me = fixture.control().defaultUser().id();
        alex = MattermostConnection.open(new ServerAddress(fixture.baseUrl()),
                new Credentials.AccessToken(fixture.control().tokenFor(fixture.control().defaultUser().username())),
                MAPPER);
        CountDownLatch live = new CountDownLatch(1);
        stream = alex.events(new EventStream.Listener() {
            @Override
            public void onHello(HelloData hello, boolean newConnectionId) {
            }

            @Override
            public void onEvent(WebSocketEvent event) {
                if (event.event().equals(PluginEvents.RUN_UPDATED_INCREMENTAL)) {
                    DELTAS.add(PluginPayloads.decode(event, PlaybookRunUpdate.class, MAPPER));
                }
            }

            @Override
            public void onStateChanged(StreamState state, Optional<Duration> next, Optional<String> reason) {
                if (state == StreamState.LIVE) {
                    live.countDown();
                }
            }

            @Override
            public void onMalformedFrame(String description) {
            }
        }, FAST);
        stream.start();
        assertTrue(live.await(10, TimeUnit.SECONDS), "stream live");
        runIds = fixture.control().runs().stream()
                .filter(r -> !r.isFinished() && r.participantIds().contains(me) && !r.checklists().isEmpty())
                .map(PlaybookRun::id).toList();
        assertTrue(runIds.size() >= 2, "runs to edit: " + runIds);
    }

    @AfterAll
    static void stop() {
        stream.close();
        alex.close();
        fixture.close();
    }

    @Test
    void serverDeltasTakeTheFastPathAndMatchTheJsonMergeAndTheServer() {
        AtomicInteger merged = new AtomicInteger();
        qt().withFixedSeed(5L).withExamples(20).withShrinkCycles(0).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            String runId = runIds.get(random.nextInt(runIds.size()));
            DELTAS.removeIf(d -> !d.id().equals(runId)); // leftovers of other runs' edits
            PlaybookRun held = alex.runs().get(runId);
            for (int step = 0; step < 8; step++) {
                String edit = edit(random, held);
                PlaybookRun server = alex.runs().get(runId);
                // One edit may publish more than one delta; apply them until the run is the server's.
                while (!held.equals(server)) {
                    PlaybookRunUpdate delta = nextDelta(runId, edit, held, server);
                    if (delta.playbookRunUpdatedAt() > 0 && held.updateAt() > delta.playbookRunUpdatedAt()) {
                        continue; // stale, as IncrementalUpdate drops it
                    }
                    PlaybookRun fast = fast(held, delta, edit);
                    assertEquals(tree(held, delta), fast, edit + ": fast and JSON merge differ on " + delta);
                    held = fast;
                    merged.incrementAndGet();
                }
            }
        });
        assertTrue(merged.get() >= 60, "deltas merged: " + merged);
    }

    private PlaybookRun fast(PlaybookRun held, PlaybookRunUpdate delta, String edit) {
        try {
            return onRecords.apply(held, delta);
        } catch (DeltaOnRecords.Declined declined) {
            return fail(edit + ": the fast merge declined a server's delta (" + declined.getMessage() + "): " + delta);
        } catch (IncrementalUpdate.Mismatch mismatch) {
            return fail(edit + ": " + mismatch.getMessage() + " for " + delta);
        }
    }

    private PlaybookRun tree(PlaybookRun held, PlaybookRunUpdate delta) {
        try {
            return onTree.apply(held, delta);
        } catch (IncrementalUpdate.Mismatch mismatch) {
            return fail(mismatch.getMessage());
        }
    }

    private static PlaybookRunUpdate nextDelta(String runId, String edit, PlaybookRun held, PlaybookRun server) {
        try {
            while (true) {
                PlaybookRunUpdate delta = DELTAS.poll(5, TimeUnit.SECONDS);
                assertNotNull(delta, () -> "no delta after " + edit + ", yet the run differs:\n held   " + held
                        + "\n server " + server);
                if (delta.id().equals(runId)) {
                    return delta;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** One random edit a user (or a colleague) might make; a refusal by the server is fine. */
    private static String edit(SplittableRandom random, PlaybookRun run) {
        int lists = run.checklists().size();
        int c = lists == 0 ? 0 : random.nextInt(lists);
        int size = lists == 0 ? 0 : run.checklists().get(c).items().size();
        int i = size == 0 ? 0 : random.nextInt(size);
        String person = run.participantIds().isEmpty() ? me
                : run.participantIds().get(random.nextInt(run.participantIds().size()));
        String[] states = {ChecklistItem.OPEN, ChecklistItem.IN_PROGRESS, ChecklistItem.CLOSED, ChecklistItem.SKIPPED};
        String id = run.id();
        int kind = random.nextInt(17);
        try {
            switch (kind) {
                case 0, 1 -> alex.checklists().setItemState(id, c, i, states[random.nextInt(states.length)]);
                case 2 -> alex.checklists().setAssignee(id, c, i, random.nextBoolean() ? person : "");
                case 3 -> alex.checklists().addItem(id, c, ChecklistItem.titled("Item " + random.nextInt(1000)));
                case 4 -> alex.checklists().deleteItem(id, c, i);
                case 5 -> alex.checklists().renameChecklist(id, c, "Stage " + random.nextInt(9));
                case 6 -> alex.checklists().addChecklist(id, "Extra " + random.nextInt(9));
                case 7 -> alex.checklists().moveItem(id, c, i, random.nextInt(Math.max(1, lists)), 0);
                case 8 -> alex.runs().postStatusUpdate(id, "update " + random.nextInt(), 600 + random.nextInt(3000),
                        false);
                case 9 -> {
                    if (!run.timelineEvents().isEmpty()) {
                        alex.runs().deleteTimelineEvent(id,
                                run.timelineEvents().get(random.nextInt(run.timelineEvents().size())).id());
                    }
                }
                case 10 -> alex.checklists().setDueDate(id, c, i, 1_900_000_000_000L + random.nextInt(1_000_000));
                case 11 -> alex.checklists().moveChecklist(id, c, random.nextInt(Math.max(1, lists)));
                case 12 -> {
                    if (lists > 1) {
                        alex.checklists().deleteChecklist(id, c);
                    }
                }
                case 13 -> alex.runs().changeOwner(id, person);
                case 14 -> alex.runs().patch(id, "Run " + random.nextInt(99), "Summary " + random.nextInt(99));
                case 15 -> alex.checklists().editItem(id, c, i, "Edited " + random.nextInt(99), "/echo hi",
                        "why " + random.nextInt(9));
                default -> alex.runs().requestUpdate(id);
            }
            return "edit " + kind + " on " + c + "/" + i;
        } catch (ClientException refused) {
            return "edit " + kind + " on " + c + "/" + i + " refused (" + refused.getMessage() + ")";
        }
    }
}
