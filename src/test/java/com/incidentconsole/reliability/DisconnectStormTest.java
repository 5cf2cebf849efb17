package com.incidentconsole.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.RunQuery;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sync.ConnectionState;
import com.incidentconsole.sync.ServerWorkspace;
import com.incidentconsole.sync.SyncExecutors;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.User;
import com.incidentconsole.wire.WireJson;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proof 1: while a colleague keeps changing runs over REST, the sandbox drops the console's socket
 * at random moments. Afterwards every run the user can see is, record for record, what the server
 * holds; and no run's {@code update_at} ever went backwards in the store (no stale replay was applied
 * over a newer state). Missed events would show as a final mismatch.
 */
@BesideOtherTests
class DisconnectStormTest {

    private static final StreamSettings FAST = new StreamSettings(Duration.ofMillis(1), Duration.ofMillis(20),
            Duration.ofMillis(3), Duration.ofSeconds(30));

    @ParameterizedTest(name = "incremental updates {0}")
    @ValueSource(booleans = {false, true})
    void fiftyDropsLeaveTheStoreEqualToTheServer(boolean incremental) {
        storm(50, incremental, 7L);
    }

    @Tag("slow")
    @ParameterizedTest(name = "incremental updates {0}")
    @ValueSource(booleans = {false, true})
    void aThousandDropsLeaveTheStoreEqualToTheServer(boolean incremental) {
        storm(1_000, incremental, 42L);
    }

    static void storm(int drops, boolean incremental, long seed) {
        JsonMapper mapper = WireJson.newMapper();
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withRuns(8, 12)
                     .withIncrementalUpdates(incremental));
             SyncExecutors executors = SyncExecutors.create();
             LocalStore store = LocalStore.inMemory()) {
            User me = sandbox.control().defaultUser();
            MattermostConnection mine = connect(sandbox, me, mapper);
            try (ServerWorkspace workspace = ServerWorkspace.follow("Sandbox", true, mine, mapper, executors,
                    store.outbox("sandbox"), Clock.systemUTC(), FAST)) {
                Map<String, Long> newestSeen = new ConcurrentHashMap<>();
                List<String> wentBackwards = new CopyOnWriteArrayList<>();
                AtomicInteger applications = new AtomicInteger();
                workspace.runs().subscribe(change -> {
                    for (PlaybookRun run : change.upserted()) {
                        applications.incrementAndGet();
                        Long before = newestSeen.put(run.id(), run.updateAt());
                        if (!change.reset() && before != null && before > run.updateAt()) {
                            wentBackwards.add(run.id() + ": " + before + " -> " + run.updateAt());
                        }
                    }
                });
                Reliability.await("first load", Duration.ofSeconds(20),
                        () -> workspace.connection().state() == ConnectionState.LIVE && workspace.runs().size() > 0);

                List<PlaybookRun> shared = sandbox.control().runs().stream()
                        .filter(r -> !r.isFinished() && r.participantIds().contains(me.id())
                                && r.participantIds().size() > 1 && !r.checklists().isEmpty()
                                && !r.checklists().get(0).items().isEmpty())
                        .toList();
                assertTrue(!shared.isEmpty(), "the seed has a run shared with a colleague");

                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger writes = new AtomicInteger();
                List<Throwable> writerErrors = new CopyOnWriteArrayList<>();
                Thread writer = Thread.ofPlatform().name("storm-writer").start(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    Map<String, MattermostConnection> colleagues = new ConcurrentHashMap<>();
                    while (!stop.get()) {
                        try {
                            PlaybookRun run = shared.get(random.nextInt(shared.size()));
                            String colleagueId = run.participantIds().stream().filter(id -> !id.equals(me.id()))
                                    .findFirst().orElseThrow();
                            MattermostConnection colleague = colleagues.computeIfAbsent(colleagueId, id ->
                                    connect(sandbox, sandbox.control().users().stream()
                                            .filter(u -> u.id().equals(id)).findFirst().orElseThrow(), mapper));
                            PlaybookRun now = sandbox.control().run(run.id()).orElseThrow();
                            if (random.nextInt(4) == 0) {
                                String owner = now.ownerUserId().equals(me.id()) ? colleagueId : me.id();
                                colleague.runs().changeOwner(run.id(), owner);
                            } else {
                                int list = random.nextInt(now.checklists().size());
                                if (now.checklists().get(list).items().isEmpty()) {
                                    continue;
                                }
                                int item = random.nextInt(now.checklists().get(list).items().size());
                                String state = now.checklists().get(list).items().get(item).state()
                                        .equals(ChecklistItem.CLOSED) ? ChecklistItem.OPEN : ChecklistItem.CLOSED;
                                colleague.checklists().setItemState(run.id(), list, item, state);
                            }
                            writes.incrementAndGet();
                            LockSupport.parkNanos(Duration.ofMillis(1 + random.nextInt(4)).toNanos());
                        } catch (RuntimeException e) {
                            writerErrors.add(e);
                            stop.set(true);
                        }
                    }
                    colleagues.values().forEach(MattermostConnection::close);
                });

                SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
                for (int i = 0; i < drops; i++) {
                    // Wait until a socket is up again (or briefly not), then drop it at a random moment.
                    Reliability.await("socket back", Duration.ofSeconds(20), () -> sandbox.control().liveSockets() > 0);
                    LockSupport.parkNanos(Duration.ofMillis(random.nextInt(12)).toNanos());
                    sandbox.control().dropSockets();
                }
                stop.set(true);
                Reliability.join(writer);
                assertTrue(writerErrors.isEmpty(), () -> "writer failed: " + writerErrors);
                assertTrue(writes.get() > drops / 10, "the writer kept writing (" + writes.get() + " writes)");

                List<PlaybookRun> visible = connect(sandbox, me, mapper).runs().listAll(RunQuery.all());
                Reliability.await("store equals server", Duration.ofSeconds(20),
                        () -> workspace.connection().state() == ConnectionState.LIVE
                                && visible.stream().allMatch(r -> r.equals(workspace.runs().get(r.id()).orElse(null))),
                        () -> mismatches(visible, workspace));
                assertEquals(visible.size(), workspace.runs().size(), "no extra runs in the store");
                for (PlaybookRun run : visible) {
                    assertEquals(run, workspace.runs().get(run.id()).orElseThrow());
                }
                assertEquals(List.of(), wentBackwards, "update_at never goes backwards in the store");
                System.out.printf("storm: %d drops, %d writes, %d store applications, incremental=%s%n",
                        drops, writes.get(), applications.get(), incremental);
            }
        }
    }

    private static String mismatches(List<PlaybookRun> visible, ServerWorkspace workspace) {
        List<String> out = new ArrayList<>();
        for (PlaybookRun run : visible) {
            PlaybookRun held = workspace.runs().get(run.id()).orElse(null);
            if (!run.equals(held)) {
                out.add(run.id() + " server update_at " + run.updateAt() + " held "
                        + (held == null ? "none" : held.updateAt()));
            }
        }
        return out.toString();
    }

    static MattermostConnection connect(SandboxServer sandbox, User user, JsonMapper mapper) {
        return MattermostConnection.open(new ServerAddress(sandbox.baseUrl()),
                new Credentials.AccessToken(sandbox.control().tokenFor(user.username())), mapper);
    }
}
