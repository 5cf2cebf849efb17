package com.incidentconsole.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sandbox.fault.FaultRule;
import com.incidentconsole.testlog.LogCapture;
import com.incidentconsole.wire.WireJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up sign-in against the sandbox: a stored token the server accepts needs no prompt, a rejected one
 * asks with the reason, an unreachable server is reported rather than asked about, cancelling closes what was
 * opened — and through all of it no log line (JUL at ALL) or exception text holds the password or a token.
 */
class SignInTest {

    private static SandboxServer sandbox;
    private static ServerAddress server;

    @TempDir
    Path home;

    private final JsonMapper mapper = WireJson.newMapper();
    private final List<Throwable> exceptions = new ArrayList<>();
    private final List<SignInRequest> asked = new ArrayList<>();
    private LogCapture logs;
    private CredentialVault vault;
    private SignIn signIn;

    private static String distinctivePassword;

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withRuns(2, 2));
        server = new ServerAddress(sandbox.baseUrl());
        // The seed's shared password ("sandbox") also appears in host names and certificates; give the user a
        // distinctive one so a match means a leak. (Test-only reach into the sandbox's directory.)
        distinctivePassword = "pw-" + Long.toHexString(System.nanoTime()) + "-Zq";
        setPassword(sandbox.control().defaultUser().id(), distinctivePassword);
    }

    @SuppressWarnings("unchecked")
    private static void setPassword(String userId, String newPassword) {
        try {
            var stateField = sandbox.control().getClass().getDeclaredField("state");
            stateField.setAccessible(true);
            Object state = stateField.get(sandbox.control());
            Object directory = state.getClass().getMethod("directory").invoke(state);
            var passwords = directory.getClass().getDeclaredField("passwords");
            passwords.setAccessible(true);
            ((java.util.Map<String, String>) passwords.get(directory)).put(userId, newPassword);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void setUp() {
        logs = LogCapture.of("");
        vault = CredentialVault.fileOnly(home, mapper);
        signIn = new SignIn(vault, (s, c) -> MattermostConnection.open(s, c, mapper), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        vault.close();
        logs.close();
    }

    /** A prompt that records what it was asked and answers with these credentials, in turn. */
    private CredentialPrompt answering(Credentials... answers) {
        return (request, attempt) -> {
            asked.add(request);
            for (Credentials answer : answers) {
                try {
                    attempt.attempt(answer);
                    return CompletableFuture.completedFuture(CredentialPrompt.Outcome.SIGNED_IN);
                } catch (RuntimeException refused) {
                    exceptions.add(refused);
                }
            }
            return CompletableFuture.completedFuture(CredentialPrompt.Outcome.CANCELLED);
        };
    }

    private Credentials.Password password() {
        return new Credentials.Password(sandbox.control().credentials().username(), distinctivePassword);
    }

    @Test
    void withoutAStoredTokenThePromptIsAskedAndTheAcceptedTokenIsUsedNextTimeWithoutAsking() {
        Credentials.Password wrong = new Credentials.Password(password().loginId(), "nope-" + System.nanoTime());
        try (MattermostConnection first = signIn.connect(server, Optional.empty(), answering(wrong, password()))) {
            assertEquals(password().loginId(), first.me().username());
        }
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).reason().startsWith("No saved sign-in for"), asked.get(0).reason());
        assertEquals(1, exceptions.size(), "the wrong password was refused once");

        try (MattermostConnection second = signIn.connect(server, Optional.empty(), answering())) {
            assertEquals(password().loginId(), second.me().username());
        }
        assertEquals(1, asked.size(), "the stored token was enough");
        assertNoSecretIn(List.of(password().password(), wrong.password(), storedToken()));
    }

    @Test
    void aRevokedStoredTokenAsksAgainNamingTheUser() {
        String pat = sandbox.control().tokenFor(password().loginId());
        signIn.signIn(server, new Credentials.AccessToken(pat)).connection().close();
        sandbox.control().revokeToken(pat);

        signIn.connect(server, Optional.empty(), answering(password())).close();

        assertEquals("The saved sign-in of " + password().loginId() + " has expired or was revoked.",
                asked.get(0).reason());
        assertEquals(Optional.of(password().loginId()), asked.get(0).user(), "the dialog fills in who it was");
        assertEquals(TokenKind.SESSION, vault.find(server, Optional.empty()).orElseThrow().kind(), "replaced");
        assertNoSecretIn(List.of(pat, password().password(), storedToken()));
    }

    @Test
    void withNoOneToAskTheMessageSaysHowToSignIn() {
        CredentialException e = assertThrows(CredentialException.class,
                () -> signIn.connect(server, Optional.of("alex"), CredentialPrompt.none()));
        assertEquals("No saved sign-in for alex on " + server.baseUrl() + ". Sign in with: incident-console login "
                + "--server " + server.baseUrl() + ", or set INCIDENT_CONSOLE_TOKEN.", e.getMessage());
    }

    @Test
    void anUnreachableServerIsReportedNotAskedAbout() {
        signIn.signIn(server, password()).connection().close();
        sandbox.control().inject(FaultRule.failNext(1, "GET", ".*/users/me", 503, ""));

        RuntimeException e = assertThrows(RuntimeException.class,
                () -> signIn.connect(server, Optional.empty(), answering(password())));
        assertFalse(e instanceof SignInCancelled);
        assertTrue(asked.isEmpty(), "a password would not help: " + e.getMessage());
        exceptions.add(e);
        assertNoSecretIn(List.of(password().password(), storedToken()));
    }

    @Test
    void cancellingThrowsWithTheServerNamed() {
        SignInCancelled e = assertThrows(SignInCancelled.class, () -> signIn.connect(server, Optional.empty(),
                answering()));
        assertEquals("Sign-in to " + server.baseUrl() + " was cancelled.", e.getMessage());
    }

    private String storedToken() {
        return vault.find(server, Optional.empty()).orElseThrow().token();
    }

    /** No client-side log line and no recorded exception (with causes and trace) holds one of {@code secrets}. */
    private void assertNoSecretIn(List<String> secrets) {
        SimpleFormatter formatter = new SimpleFormatter();
        int lines = 0;
        for (LogRecord record : logs.records()) {
            if (record.getLoggerName() != null && (record.getLoggerName().startsWith("com.incidentconsole.sandbox")
                    || record.getLoggerName().startsWith("org.eclipse.jetty"))) {
                continue; // the server's side
            }
            lines++;
            String line = formatter.format(record);
            secrets.forEach(s -> assertFalse(line.contains(s), "log line holds a secret: " + line));
        }
        assertTrue(lines > 0, "client logs were captured");
        for (Throwable e : exceptions) {
            ByteArrayOutputStream trace = new ByteArrayOutputStream();
            e.printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
            String text = trace.toString(StandardCharsets.UTF_8);
            secrets.forEach(s -> assertFalse(text.contains(s), "exception text holds a secret: " + text));
        }
    }
}
