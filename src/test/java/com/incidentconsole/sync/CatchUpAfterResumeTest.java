package com.incidentconsole.sync;

import static com.incidentconsole.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.sandbox.SandboxFixture;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sandbox.fault.FaultRule;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.User;
import com.incidentconsole.wire.WireJson;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With a faithful resume (the sandbox now queues events for a disconnected connection, as the core
 * hub does) the console's own catch-up after a short drop has nothing left to fix: every change made
 * while the socket was down arrives as a replayed event, and the REST catch-up changes no run.
 */
@BesideOtherTests
class CatchUpAfterResumeTest {

    private final JsonMapper mapper = WireJson.newMapper();
    private final SandboxFixture fixture = SandboxFixture.start(SandboxOptions.defaults().withPort(0).withRuns(8, 20));
    private final SandboxServer sandbox = fixture.server();
    private final SyncExecutors executors = SyncExecutors.create();
    private final LocalStore store = LocalStore.inMemory();
    // The first reconnect waits a second, so the changes below are certainly made while no socket exists.
    private final StreamSettings slowFirstRetry = new StreamSettings(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofMillis(10), Duration.ofSeconds(30));
    private final ServerWorkspace workspace = ServerWorkspace.follow("Sandbox", true, connect(alex()), mapper,
            executors, store.outbox("sandbox"), Clock.systemUTC(), slowFirstRetry);

    @AfterEach
    void tearDown() {
        workspace.close();
        executors.close();
        store.close();
        fixture.close();
    }

    @Test
    void afterAShortDropAndResumeTheCatchUpChangesNoRun() {
        PlaybookRun run = sharedRun();
        await("live", () -> workspace.connection().state() == ConnectionState.LIVE
                && workspace.runs().get(run.id()).isPresent());
        MattermostConnection colleague = connect(colleagueOf(run));

        // A shadow of the store, to tell a real change from a re-upsert of an equal run; catch-up
        // answers are applied on the sync-io threads, events on the stream's own thread.
        Map<String, PlaybookRun> shadow = new HashMap<>();
        workspace.runs().all().forEach(r -> shadow.put(r.id(), r));
        AtomicBoolean dropped = new AtomicBoolean();
        AtomicInteger changedByCatchUp = new AtomicInteger();
        AtomicInteger changedByEvents = new AtomicInteger();
        workspace.runs().subscribe(change -> {
            for (PlaybookRun r : change.upserted()) {
                boolean real = !r.equals(shadow.put(r.id(), r));
                if (real && dropped.get()) {
                    (Thread.currentThread().getName().startsWith("sync-io-") ? changedByCatchUp : changedByEvents)
                            .incrementAndGet();
                }
            }
        });
        long catchUpsBefore = catchUpRequests();
        // The catch-up is asked for when the first replayed event arrives, while the rest of the replay is
        // still being applied; on a loaded machine its answer could be applied first and count as the
        // change. A slow answer makes the order certain, so only a resume that lost the changes can fail.
        sandbox.control().inject(FaultRule.latency(Duration.ofSeconds(2), "GET", ".*/runs"));

        dropped.set(true);
        sandbox.control().dropSockets();
        await("socket gone", () -> sandbox.control().liveSockets() == 0);
        colleague.checklists().setItemState(run.id(), 0, 0, ChecklistItem.SKIPPED);
        colleague.checklists().setItemState(run.id(), 0, 0, ChecklistItem.OPEN);
        colleague.checklists().setItemState(run.id(), 0, 0, ChecklistItem.SKIPPED);
        assertEquals(0, sandbox.control().liveSockets(), "the changes must be made while the console is away");

        await("resumed and caught up", () -> catchUpRequests() > catchUpsBefore
                && workspace.connection().state() == ConnectionState.LIVE && matchesServer(run.id()));
        System.out.println("[measure] runs changed by the catch-up after a short drop + resume: "
                + changedByCatchUp.get() + " (changes applied from replayed events: " + changedByEvents.get() + ")");
        assertEquals(0, changedByCatchUp.get(), "the catch-up had to fix runs the resume should have delivered");
        assertTrue(changedByEvents.get() >= 1, "the changes arrived as events");
    }

    private long catchUpRequests() {
        return fixture.exchanges().stream()
                .filter(x -> x.path().endsWith("/runs") && x.query().contains("since=")).count();
    }

    private boolean matchesServer(String runId) {
        PlaybookRun server = sandbox.control().run(runId).orElseThrow();
        return workspace.runs().get(runId).map(held -> held.equals(server)).orElse(false);
    }

    private PlaybookRun sharedRun() {
        String me = sandbox.control().defaultUser().id();
        return sandbox.control().runs().stream()
                .filter(r -> !r.isFinished() && r.participantIds().contains(me) && r.participantIds().size() > 1)
                .filter(r -> !r.checklists().isEmpty() && !r.checklists().get(0).items().isEmpty())
                .findFirst().orElseThrow();
    }

    private User colleagueOf(PlaybookRun run) {
        String me = sandbox.control().defaultUser().id();
        return sandbox.control().users().stream()
                .filter(u -> run.participantIds().contains(u.id()) && !u.id().equals(me)).findFirst().orElseThrow();
    }

    private User alex() {
        return sandbox.control().defaultUser();
    }

    private MattermostConnection connect(User user) {
        return MattermostConnection.open(new ServerAddress(sandbox.baseUrl()),
                new Credentials.AccessToken(sandbox.control().tokenFor(user.username())), mapper);
    }
}
