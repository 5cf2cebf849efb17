package com.incidentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.credentials.StoredToken;
import com.incidentconsole.credentials.TokenKind;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.sync.store.ObjectCache;
import com.incidentconsole.uitest.ConsoleRobot;
import com.incidentconsole.uitest.DesktopApp;
import com.incidentconsole.wire.WireJson;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * Probe M2 on screen: a store with damaged cache pages says the local copy is damaged (not "check the server
 * address"), names the file holding the rescued pending actions, and Enter on "Rebuild from the server" opens the
 * workspace with those actions kept and the damaged file moved aside.
 */
class DamagedStoreUiTest {

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    private final FxRobot fx = new FxRobot();
    private final ConsoleRobot user = new ConsoleRobot(fx, Duration.ofSeconds(20));
    private SandboxServer sandbox;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(System.getenv("INCIDENT_CONSOLE_TOKEN") == null && System.getenv("INCIDENT_CONSOLE_PASSWORD") == null,
                "a token or password in the environment would be used instead of the stored one");
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withRuns(3, 2));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private String text(String query) {
        return desktop.text(query);
    }

    @Test
    void aDamagedCacheIsExplainedItsOutboxRescuedAndRebuiltFromTheServer() throws Exception {
        String username = sandbox.control().credentials().username();
        ServerAddress address = new ServerAddress(sandbox.baseUrl());
        try (CredentialVault vault = CredentialVault.fileOnly(desktop.home(), WireJson.newMapper())) {
            vault.save(new StoredToken(address, username, TokenKind.ACCESS_TOKEN,
                    sandbox.control().tokenFor(username), Instant.now()));
        }
        Path store = desktop.home().resolve("store.db");
        try (LocalStore local = LocalStore.open(store)) {
            // A kind this build does not send: it stays in the outbox, so the test can count it afterwards.
            local.outbox(address.baseUrl().toString()).append("from_a_newer_build", "run1", "x", "{}",
                    "An action queued before the damage", 1L);
            List<ObjectCache.Entry> runs = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                runs.add(new ObjectCache.Entry("run" + i, i, "{\"name\":\"" + "x".repeat(1500) + "\"}"));
            }
            local.cache(address.baseUrl().toString()).putAll("run", runs);
        }
        try (RandomAccessFile raw = new RandomAccessFile(store.toFile(), "rw")) {
            byte[] page = new byte[4096];
            Random random = new Random(7);
            for (int p = 50; p < 90; p++) {
                random.nextBytes(page);
                raw.seek(p * 4096L);
                raw.write(page);
            }
        }

        desktop.start("--server", sandbox.baseUrl().toString());

        user.waitUntil("the damage is explained", () -> text("#startupHeadline").equals("The local copy is damaged"));
        String detail = text("#startupDetail");
        Path rescue;
        try (Stream<Path> files = Files.list(desktop.home())) {
            rescue = files.filter(p -> p.getFileName().toString().startsWith("outbox-rescue-")).findFirst().orElseThrow();
        }
        assertTrue(detail.contains("1 that could still be read are saved in " + rescue), detail);
        assertTrue(detail.contains("Rebuild from the server"), detail);
        assertFalse(detail.contains("server address"), "a local file problem gets local advice: " + detail);
        assertTrue(Files.readString(rescue).contains("An action queued before the damage"));
        assertEquals("startupRebuild", user.focusOwner().getId(), "the way forward has the keyboard");

        user.press(KeyCode.ENTER);

        user.waitUntil("the workspace opens, rebuilt from the server", () -> text("#connectionLabel").equals("Live"));
        try (Stream<Path> files = Files.list(desktop.home())) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("store.db.damaged-")
                    && !p.getFileName().toString().endsWith("-wal") && !p.getFileName().toString().endsWith("-shm"))
                    .count(), "the damaged file is kept beside the new one");
        }
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + store);
             var rs = db.createStatement().executeQuery("SELECT description FROM outbox")) {
            assertTrue(rs.next());
            assertEquals("An action queued before the damage", rs.getString(1), "the rescued action is back");
        }
    }
}
