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
import com.incidentconsole.uitest.ConsoleRobot;
import com.incidentconsole.uitest.DesktopApp;
import com.incidentconsole.wire.WireJson;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * The server ends the session while the app runs: the window stays, the status bar says so with the key, the
 * sign-in dialog is offered by itself, and typing the password + Enter makes the same window live again — with the
 * new session stored for the next start. Esc keeps the window usable offline; Ctrl+Shift+S brings the dialog back.
 */
class SignInAgainUiTest {

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

    private static String idOf(javafx.scene.Node node) {
        return node == null ? null : node.getId();
    }

    private String text(String query) {
        return desktop.text(query);
    }

    @Test
    void aSessionEndedByTheServerIsRenewedInTheSameWindowByTypingThePassword() throws Exception {
        String username = sandbox.control().credentials().username();
        String token = sandbox.control().tokenFor(username);
        ServerAddress address = new ServerAddress(sandbox.baseUrl());
        try (CredentialVault vault = CredentialVault.fileOnly(desktop.home(), WireJson.newMapper())) {
            vault.save(new StoredToken(address, username, TokenKind.ACCESS_TOKEN, token, Instant.now()));
        }
        desktop.start("--server", sandbox.baseUrl().toString());
        user.waitUntil("live", () -> text("#connectionLabel").equals("Live"));
        user.waitUntil("the runs list has the keyboard", () -> "runsTable".equals(idOf(user.focusOwner())));

        sandbox.control().revokeToken(token);
        sandbox.control().dropSockets();

        user.waitUntil("the status bar says so, with the key",
                () -> text("#connectionLabel").startsWith("Signed out by the server — press Ctrl+Shift+S to sign in"));
        user.waitUntil("the sign-in dialog is offered", () -> fx.lookup("#signInSecret").tryQuery().isPresent());
        assertTrue(text("#signInReason").contains("ended the session of " + username), text("#signInReason"));

        user.press(KeyCode.ESCAPE);
        user.waitUntil("cancelled: the window stays", () -> fx.lookup("#signIn").tryQuery().isEmpty());
        assertTrue(fx.lookup("#mainRoot").tryQuery().isPresent());
        assertTrue(text("#connectionLabel").contains("showing data from"), "marked stale: " + text("#connectionLabel"));
        user.waitUntil("the keys are back where they were", () -> "runsTable".equals(idOf(user.focusOwner())));

        user.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S);
        user.waitUntil("the key brings the dialog back", () -> fx.lookup("#signInSecret").tryQuery().isPresent());
        assertEquals("signInSecret", user.focusOwner().getId(), "the user is known: typing starts at the password");
        user.keys(sandbox.control().credentials().password()).press(KeyCode.ENTER);

        user.waitUntil("live again in the same window", () -> text("#connectionLabel").equals("Live"));
        assertFalse(fx.lookup("#signIn").tryQuery().isPresent(), "the dialog is gone");
        try (CredentialVault vault = CredentialVault.fileOnly(desktop.home(), WireJson.newMapper())) {
            StoredToken stored = vault.find(address, Optional.empty()).orElseThrow();
            assertEquals(TokenKind.SESSION, stored.kind(), "the new session replaced the revoked token");
            assertFalse(stored.token().equals(token));
        }
    }
}
