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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * The app started with {@code --server} and no token: the sign-in dialog appears, a wrong password is refused in
 * the dialog, the right one opens the workspace and is remembered (as a session token, in the file store of a
 * temporary data folder), so the next start needs no sign-in; Esc cancels and the window says so.
 */
class SignInAtStartTest {

    private static SandboxServer sandbox;

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    private final FxRobot fx = new FxRobot();
    private final ConsoleRobot user = new ConsoleRobot(fx, Duration.ofSeconds(20));

    @BeforeAll
    static void startSandbox() {
        assumeTrue(System.getenv("INCIDENT_CONSOLE_TOKEN") == null && System.getenv("INCIDENT_CONSOLE_PASSWORD") == null,
                "a token or password in the environment would be used instead of the dialog");
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withRuns(3, 2));
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private void startApp() throws Exception {
        desktop.start("--server", sandbox.baseUrl().toString());
    }

    private void stopApp() throws Exception {
        desktop.stop();
    }

    private String text(String query) {
        return desktop.text(query);
    }

    @Test
    void aRefusedPasswordStaysInTheDialogTheRightOneSignsInAndIsRememberedForTheNextStart() throws Exception {
        String username = sandbox.control().credentials().username();
        startApp();
        user.waitUntil("the sign-in dialog shows", () -> fx.lookup("#signInUser").tryQuery().isPresent());
        assertTrue(text("#signInReason").contains("No saved sign-in"), text("#signInReason"));
        assertEquals("signInUser", user.focusOwner().getId(), "typing starts in the user field");

        user.keys(username).press(KeyCode.TAB).keys("not-the-password").press(KeyCode.ENTER);
        user.waitUntil("the refusal shows in the dialog",
                () -> text("#signInError").equals("The server did not accept this username and password."));
        assertEquals("", fx.lookup("#signInSecret").queryAs(PasswordField.class).getText(), "the wrong secret is gone");
        assertEquals("signInSecret", user.focusOwner().getId(), "ready to retype");

        user.keys(sandbox.control().credentials().password()).press(KeyCode.ENTER);
        user.waitUntil("the workspace shows", () -> fx.lookup("#mainRoot").tryQuery().isPresent());
        assertFalse(fx.lookup("#signIn").tryQuery().isPresent(), "the dialog is gone");

        StoredToken stored;
        try (CredentialVault vault = CredentialVault.fileOnly(desktop.home(), WireJson.newMapper())) {
            stored = vault.find(new ServerAddress(sandbox.baseUrl()), Optional.empty()).orElseThrow();
        }
        assertEquals(username, stored.user());
        assertEquals(TokenKind.SESSION, stored.kind());
        assertNoFileHolds(stored.token());

        stopApp();
        startApp();
        user.waitUntil("the next start opens the workspace with the stored token, no typing",
                () -> fx.lookup("#mainRoot").tryQuery().isPresent());
    }

    @Test
    void aRevokedStoredTokenBringsTheDialogBackWithTheUserFilledIn() throws Exception {
        String username = sandbox.control().credentials().username();
        String revoked = sandbox.control().tokenFor(username);
        try (CredentialVault vault = CredentialVault.fileOnly(desktop.home(), WireJson.newMapper())) {
            vault.save(new StoredToken(new ServerAddress(sandbox.baseUrl()), username, TokenKind.ACCESS_TOKEN, revoked,
                    java.time.Instant.now()));
        }
        sandbox.control().revokeToken(revoked);

        startApp();
        user.waitUntil("the sign-in dialog shows", () -> fx.lookup("#signInUser").tryQuery().isPresent());
        assertEquals("The saved sign-in of " + username + " has expired or was revoked.", text("#signInReason"));
        assertEquals("signInSecret", user.focusOwner().getId(), "the user is known: typing starts at the password");

        user.keys(sandbox.control().credentials().password()).press(KeyCode.ENTER);
        user.waitUntil("the workspace shows", () -> fx.lookup("#mainRoot").tryQuery().isPresent());
        try (CredentialVault vault = CredentialVault.fileOnly(desktop.home(), WireJson.newMapper())) {
            assertEquals(TokenKind.SESSION, vault.find(new ServerAddress(sandbox.baseUrl()), Optional.empty())
                    .orElseThrow().kind(), "the revoked token was replaced");
        }
    }

    @Test
    void escapeCancelsAndTheWindowSaysSignInWasCancelled() throws Exception {
        startApp();
        user.waitUntil("the sign-in dialog shows", () -> fx.lookup("#signInUser").tryQuery().isPresent());

        user.press(KeyCode.ESCAPE);

        user.waitUntil("the failure shows", () -> "Could not connect".equals(text("#startupHeadline")));
        assertTrue(text("#startupDetail").contains("Sign-in to " + sandbox.baseUrl() + " was cancelled."),
                text("#startupDetail"));
        assertFalse(fx.lookup("#signIn").tryQuery().isPresent());
    }

    /** The data folder (store, vault, index) holds no copy of {@code secret} in plain text. */
    private void assertNoFileHolds(String secret) throws IOException {
        try (Stream<Path> files = Files.walk(desktop.home())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(secret),
                        file + " holds a secret");
            }
        }
    }
}
