package com.incidentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.credentials.CredentialPrompt;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.credentials.StoredToken;
import com.incidentconsole.credentials.TokenKind;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sandbox.fault.FaultRule;
import com.incidentconsole.sync.Workspace;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.User;
import com.incidentconsole.wire.WireJson;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13 §4: one session per server. Two sandboxes, the first made to hang (every request waits 25 s, the
 * case the 30 s read timeout covers): the healthy one's session still becomes ready and its tick reaches its
 * server while the hanging one is still signing in — nothing of one server waits behind the other.
 */
class ServerSessionsTest {

    @TempDir
    Path home;

    private SandboxServer hanging;
    private SandboxServer healthy;
    private Bootstrap bootstrap;
    private String previousHome;
    private String previousStore;

    @BeforeEach
    void twoSandboxesAndTheirStoredSignIns() {
        assumeTrue(System.getenv(ConnectOptions.TOKEN_ENV) == null && System.getenv(ConnectOptions.PASSWORD_ENV) == null,
                "a token in the environment would be used for both servers instead of each one's stored sign-in");
        previousHome = System.setProperty("incident.console.home", home.toString());
        previousStore = System.setProperty(CredentialVault.STORE_PROPERTY, "file");
        hanging = SandboxServer.start(SandboxOptions.defaults().withPort(0).withRuns(3, 0));
        healthy = SandboxServer.start(SandboxOptions.defaults().withPort(0).withRuns(3, 0));
        try (CredentialVault vault = CredentialVault.fileOnly(home, WireJson.newMapper())) {
            for (SandboxServer sandbox : List.of(hanging, healthy)) {
                String user = sandbox.control().defaultUser().username();
                vault.save(new StoredToken(new ServerAddress(sandbox.baseUrl()), user, TokenKind.SESSION,
                        sandbox.control().tokenFor(user), Instant.now()));
            }
        }
        hanging.control().inject(FaultRule.latency(Duration.ofSeconds(25), null, ".*"));
    }

    @AfterEach
    void stop() {
        if (bootstrap != null) {
            bootstrap.close();
        }
        for (SandboxServer sandbox : new SandboxServer[] {hanging, healthy}) {
            if (sandbox != null) {
                sandbox.control().faults().clear();
                sandbox.close();
            }
        }
        restore("incident.console.home", previousHome);
        restore(CredentialVault.STORE_PROPERTY, previousStore);
    }

    @Test
    void aHangingServerDelaysNeitherTheOtherSessionsStartNorItsActions() throws Exception {
        AppOptions options = AppOptions.parse(List.of("--server", hanging.baseUrl().toString(),
                "--server", healthy.baseUrl().toString()));
        bootstrap = new Bootstrap(options, CredentialPrompt.none(), StreamSettings.defaults());
        ServerSessions sessions = bootstrap.start((session, status) -> { }).get(20, TimeUnit.SECONDS);
        assertEquals(2, sessions.all().size(), "one session per --server");
        ServerSession slow = sessions.first();
        ServerSession fine = sessions.find(new ServerAddress(healthy.baseUrl()).baseUrl().toString()).orElseThrow();
        assertNotSame(slow, fine);

        Workspace workspace = fine.ready().get(15, TimeUnit.SECONDS);
        String[] tick = openItemOfMine(healthy);
        workspace.commands().setItemState(tick[0], tick[1], ChecklistItem.CLOSED).get(15, TimeUnit.SECONDS);

        assertEquals(ChecklistItem.CLOSED, itemState(healthy, tick[0], tick[1]), "the tick reached the healthy server");
        assertFalse(slow.ready().isDone(), "the hanging server is still signing in: it was never waited for");
        assertTrue(fine.connection().isPresent() && slow.connection().isPresent(), "each session has its connection");
        assertNotSame(fine.connection().get(), slow.connection().get());
    }

    private static String[] openItemOfMine(SandboxServer sandbox) {
        User me = sandbox.control().defaultUser();
        for (PlaybookRun run : sandbox.control().runs()) {
            if (run.isFinished() || !run.participantIds().contains(me.id())) {
                continue;
            }
            for (Checklist list : run.checklists()) {
                for (ChecklistItem item : list.items()) {
                    if (item.state().equals(ChecklistItem.OPEN)) {
                        return new String[] {run.id(), item.id()};
                    }
                }
            }
        }
        throw new AssertionError("the seed has an open item in one of my runs");
    }

    private static String itemState(SandboxServer sandbox, String runId, String itemId) {
        return sandbox.control().runs().stream().filter(r -> r.id().equals(runId)).findFirst()
                .flatMap(run -> run.checklists().stream().flatMap(c -> c.items().stream())
                        .filter(i -> i.id().equals(itemId)).findFirst())
                .map(ChecklistItem::state).orElse("missing");
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
