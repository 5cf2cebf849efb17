package com.incidentconsole.alerts;

import com.incidentconsole.cadence.UpdateCadence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.sandbox.SandboxFixture;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sync.ConnectionState;
import com.incidentconsole.sync.ServerWorkspace;
import com.incidentconsole.sync.SyncExecutors;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Team;
import com.incidentconsole.wire.WireJson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end against the sandbox and its drivable clock: the app's alerts loop over a real workspace. A run I own
 * gets "due soon" and then exactly one "overdue", however long it stays overdue and whatever the server does
 * meanwhile (the reminder bot post updates the run); a run someone else owns gets nothing; the seeded runs, all
 * overdue when loaded, are not announced.
 */
class AlertsAgainstSandboxTest {

    private final JsonMapper mapper = WireJson.newMapper();
    private final SandboxFixture fixture = SandboxFixture.start(SandboxFixture.small());
    private final SandboxServer sandbox = fixture.server();
    private final SyncExecutors executors = SyncExecutors.create();
    private final LocalStore store = LocalStore.inMemory();
    private final String me = sandbox.control().defaultUser().id();
    private final ServerWorkspace workspace = ServerWorkspace.follow("Sandbox", true,
            connect(sandbox.control().tokenFor(sandbox.control().defaultUser().username())), mapper, executors,
            store.outbox("sandbox"), Clock.systemUTC(), new StreamSettings(Duration.ofMillis(50),
                    Duration.ofMillis(200), Duration.ofMillis(20), Duration.ofSeconds(30)));
    private final RecordingNotifier notifier = new RecordingNotifier();
    private AlertLoop loop;

    @TempDir
    Path dataDir;

    @AfterEach
    void tearDown() {
        if (loop != null) {
            loop.close();
        }
        workspace.close();
        executors.close();
        store.close();
        fixture.close();
    }

    private MattermostConnection connect(String token) {
        return MattermostConnection.open(new ServerAddress(sandbox.baseUrl()), new Credentials.AccessToken(token), mapper);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for: " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    private boolean postedAt(String runId, long at) {
        return workspace.runs().get(runId).map(r -> r.lastStatusUpdateAt() == at).orElse(false);
    }

    private List<AlertKind> kindsFor(String runId) {
        return notifier.shown().stream().filter(n -> n.runId().equals(runId)).map(n -> n.alert().kind()).toList();
    }

    @Test
    void anOverdueRunIOwnGivesDueSoonThenExactlyOneOverdueAndARunIDoNotOwnGivesNothing() {
        PlaybookRun mine = sandbox.control().runs().stream()
                .filter(r -> !r.isFinished() && r.ownerUserId().equals(me)).findFirst().orElseThrow();
        await("live with my run loaded", () -> workspace.connection().state() == ConnectionState.LIVE
                && workspace.runs().get(mine.id()).isPresent());
        await("someone else's run loaded", () -> workspace.runs().all().stream()
                .anyMatch(r -> !r.isFinished() && !r.ownerUserId().equals(me)));
        PlaybookRun theirs = workspace.runs().all().stream()
                .filter(r -> !r.isFinished() && !r.ownerUserId().equals(me)).findFirst().orElseThrow();
        var clock = sandbox.control().clock();
        AlertDesk desk = new AlertDesk(new AlertRules(me, workspace.teams().stream().map(Team::id)
                .collect(Collectors.toSet()), pb -> false, UpdateCadence::nextUpdateDue, clock.instant()),
                new Debounce(Duration.ZERO), new AlertText(ResourceBundle.getBundle(AlertText.BUNDLE),
                        workspace.users()::displayName, ZoneOffset.UTC, s -> s),
                new AlertHistory(100), notifier, clock::instant);
        loop = AlertLoop.start(desk, workspace.runs(), new AlertSettingsFile(dataDir));

        // Both owners post an update with a ten-minute reminder: the server's SetNewReminder restarts the countdown.
        long now = clock.millis();
        connect(sandbox.control().tokenFor(sandbox.control().defaultUser().username())).runs()
                .postStatusUpdate(mine.id(), "Mitigation in progress", 600, false);
        String theirOwner = sandbox.control().users().stream().filter(u -> u.id().equals(theirs.ownerUserId()))
                .findFirst().orElseThrow().username();
        connect(sandbox.control().tokenFor(theirOwner)).runs()
                .postStatusUpdate(theirs.id(), "Looking into it", 600, false);
        await("my update reached the workspace", () -> postedAt(mine.id(), now));

        clock.advance(Duration.ofMinutes(4));
        desk.tick();
        assertEquals(List.of(), kindsFor(mine.id()), "six minutes before the due time: nothing yet");

        clock.advance(Duration.ofMinutes(2));
        await("due soon", () -> kindsFor(mine.id()).equals(List.of(AlertKind.DUE_SOON)));

        clock.advance(Duration.ofMinutes(5));
        await("overdue", () -> kindsFor(mine.id()).equals(List.of(AlertKind.DUE_SOON, AlertKind.OVERDUE)));
        // The reminder the sandbox's bot posted as the clock passed the due time updates the run: no second overdue.
        await("the reminder post reached the workspace", () -> workspace.runs().get(mine.id())
                .map(r -> !r.reminderPostId().isEmpty()).orElse(false));
        clock.advance(Duration.ofMinutes(30));
        desk.tick();
        desk.tick();
        assertEquals(List.of(AlertKind.DUE_SOON, AlertKind.OVERDUE), kindsFor(mine.id()));
        assertEquals(List.of(), kindsFor(theirs.id()), "a run I do not own");
        assertTrue(notifier.shown().stream().allMatch(n -> n.runId().equals(mine.id())),
                "the seeded runs, overdue when loaded, are not announced: " + notifier.kinds());
    }
}
