package com.incidentconsole.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sandbox.fault.FaultRule;
import com.incidentconsole.sync.ActionTarget;
import com.incidentconsole.sync.ConnectionState;
import com.incidentconsole.sync.PendingAction;
import com.incidentconsole.sync.ServerWorkspace;
import com.incidentconsole.sync.SyncExecutors;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.testlog.LogCapture;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.User;
import com.incidentconsole.wire.WireJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof 4: against the sandbox, a 5xx keeps an action pending and retries it, a 429 waits and
 * retries, a 4xx fails visibly with the server's message and is not retried. And during a session
 * signed in by password, with all of those errors, a dropped socket and a malformed frame, no log
 * line (JUL at ALL), no byte of the store file and no exception text contains the password or the
 * session token.
 */
class SecretsAndErrorsTest {

    private static final String ITEM_PUT = ".*/checklists/.*/state";
    private static final StreamSettings FAST = new StreamSettings(Duration.ofMillis(20), Duration.ofMillis(200),
            Duration.ofMillis(10), Duration.ofSeconds(30));

    @TempDir
    Path dir;

    private final JsonMapper mapper = WireJson.newMapper();
    private LogCapture logs;
    private SandboxServer sandbox;
    private SyncExecutors executors;
    private LocalStore store;
    private ServerWorkspace workspace;
    private String password;
    private final List<Throwable> exceptions = new ArrayList<>();

    @BeforeEach
    void signInByPassword() {
        logs = LogCapture.of("");
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withRuns(6, 4));
        // The seed's shared password ("sandbox") also appears in host names and messages; give the
        // user a distinctive one so a match means a leak. (Test-only reach into the sandbox's directory.)
        password = "pw-" + Long.toHexString(System.nanoTime()) + "-Zq";
        setPassword(sandbox, sandbox.control().defaultUser().id(), password);
        executors = SyncExecutors.create();
        store = LocalStore.open(dir.resolve("console.db"));
        User me = sandbox.control().defaultUser();
        MattermostConnection connection = MattermostConnection.open(new ServerAddress(sandbox.baseUrl()),
                new Credentials.Password(me.username(), password), mapper);
        workspace = ServerWorkspace.follow("Sandbox", true, connection, mapper, executors,
                store.outbox(sandbox.baseUrl().toString()), Clock.systemUTC(), FAST);
        Reliability.await("live", Duration.ofSeconds(20),
                () -> workspace.connection().state() == ConnectionState.LIVE && workspace.runs().size() > 0);
    }

    @AfterEach
    void tearDown() {
        workspace.close();
        executors.close();
        store.close();
        sandbox.close();
        logs.close();
    }

    @Test
    void serverErrorsAreRetriedRateLimitsWaitAndRefusalsFailVisibly() throws Exception {
        List<String[]> items = openItems(3);

        // 5xx: stays pending with the reason, then goes through once the server recovers.
        sandbox.control().inject(FaultRule.failNext(2, "PUT", ITEM_PUT, 500, ""));
        CompletableFuture<Void> afterErrors = workspace.commands().setItemState(items.get(0)[0], items.get(0)[1],
                ChecklistItem.CLOSED);
        ActionTarget first = ActionTarget.item(items.get(0)[0], items.get(0)[1]);
        Reliability.await("a 5xx shows as pending with a reason", Duration.ofSeconds(10),
                () -> workspace.pending().get(first).map(p -> p.status() == PendingAction.Status.PENDING
                        && !p.error().isEmpty()).orElse(false));
        afterErrors.get(20, TimeUnit.SECONDS);
        Reliability.await("settled", Duration.ofSeconds(10), () -> workspace.pending().get(first).isEmpty());
        assertEquals(ChecklistItem.CLOSED, itemState(items.get(0)));

        // 429: waits (Retry-After) and retries.
        sandbox.control().inject(FaultRule.rateLimit(1, "PUT", ITEM_PUT, Duration.ofMillis(500)));
        CompletableFuture<Void> afterLimit = workspace.commands().setItemState(items.get(1)[0], items.get(1)[1],
                ChecklistItem.CLOSED);
        afterLimit.get(20, TimeUnit.SECONDS);
        assertEquals(ChecklistItem.CLOSED, itemState(items.get(1)));

        // 4xx: fails visibly with the server's message; not retried, not silently reverted.
        sandbox.control().inject(FaultRule.failNext(1, "PUT", ITEM_PUT, 403,
                "{\"error\":\"You do not have permission\",\"details\":\"\"}"));
        CompletableFuture<Void> refused = workspace.commands().setItemState(items.get(2)[0], items.get(2)[1],
                ChecklistItem.CLOSED);
        Exception failure = assertThrows(Exception.class, () -> refused.get(20, TimeUnit.SECONDS));
        exceptions.add(failure);
        ActionTarget third = ActionTarget.item(items.get(2)[0], items.get(2)[1]);
        PendingAction shown = workspace.pending().get(third).orElseThrow();
        assertEquals(PendingAction.Status.FAILED, shown.status());
        assertTrue(shown.error().contains("permission"), shown.error());
        assertEquals(ChecklistItem.OPEN, itemState(items.get(2)), "a refused action was not retried");
        assertEquals(ChecklistItem.CLOSED, shown.desiredValue(), "the user's intent stays visible");
    }

    @Test
    void noLogLineStoreByteOrExceptionTextHoldsThePasswordOrTheToken() throws Exception {
        List<String[]> items = openItems(4);
        sandbox.control().inject(FaultRule.failNext(1, "PUT", ITEM_PUT, 500, ""));
        sandbox.control().inject(FaultRule.rateLimit(1, "PUT", ITEM_PUT, Duration.ofMillis(200)));
        workspace.commands().setItemState(items.get(0)[0], items.get(0)[1], ChecklistItem.CLOSED)
                .get(20, TimeUnit.SECONDS);
        sandbox.control().inject(FaultRule.failNext(1, "PUT", ITEM_PUT, 403, "{\"error\":\"no\"}"));
        collect(workspace.commands().setItemState(items.get(1)[0], items.get(1)[1], ChecklistItem.CLOSED));
        // Keep one action in the outbox file while the server refuses with 503.
        sandbox.control().inject(FaultRule.failNext(1_000, "PUT", ITEM_PUT, 503, ""));
        workspace.commands().setItemState(items.get(2)[0], items.get(2)[1], ChecklistItem.CLOSED);
        sandbox.control().inject(FaultRule.malformedFrame());
        sandbox.control().dropSockets();
        Reliability.await("reconnected", Duration.ofSeconds(10), () -> sandbox.control().liveSockets() > 0);
        // Wrong password, bad token, unreachable server: each exception's text must not echo the secret.
        User me = sandbox.control().defaultUser();
        exceptions.add(assertThrows(RuntimeException.class, () -> MattermostConnection.open(
                new ServerAddress(sandbox.baseUrl()), new Credentials.Password(me.username(), password + "x"), mapper)));
        String revoked = sandbox.control().tokenFor(me.username());
        sandbox.control().revokeToken(revoked);
        exceptions.add(assertThrows(RuntimeException.class, () -> MattermostConnection.open(
                new ServerAddress(sandbox.baseUrl()), new Credentials.AccessToken(revoked), mapper)));
        Reliability.await("the socket is back", Duration.ofSeconds(10),
                () -> workspace.connection().state() == ConnectionState.LIVE);
        ActionTarget waiting = ActionTarget.item(items.get(2)[0], items.get(2)[1]);
        Reliability.await("the 503 retries are under way (and logged)", Duration.ofSeconds(10),
                () -> workspace.pending().get(waiting).map(p -> !p.error().isEmpty()).orElse(false));

        String token = tokenOf(workspace);
        assertFalse(token.isBlank());
        List<String> secrets = List.of(password, token, revoked);

        // Logs: every record of the client side, formatted with its parameters and stack trace.
        SimpleFormatter formatter = new SimpleFormatter();
        List<String> leaks = new ArrayList<>();
        int clientLines = 0;
        for (LogRecord record : logs.records()) {
            if (record.getLoggerName() != null && (record.getLoggerName().startsWith("com.incidentconsole.sandbox")
                    || record.getLoggerName().startsWith("org.eclipse.jetty"))) {
                continue; // the server's side; the sandbox is not the product
            }
            clientLines++;
            String line = formatter.format(record);
            secrets.stream().filter(line::contains).forEach(s -> leaks.add(record.getLoggerName() + ": " + line));
        }
        assertTrue(clientLines > 0, "logs were captured");
        assertEquals(List.of(), leaks, "no log line holds a secret");

        // Store file (and its WAL) bytes.
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertFalse(bytes.contains(secret), file.getFileName() + " holds a secret");
                }
            }
        }
        assertTrue(Files.size(dir.resolve("console.db")) > 0);

        // Exception texts, with causes and stack traces.
        assertTrue(exceptions.size() >= 3);
        for (Throwable e : exceptions) {
            ByteArrayOutputStream trace = new ByteArrayOutputStream();
            e.printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
            String text = trace.toString(StandardCharsets.UTF_8) + " " + e;
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "exception text holds a secret: " + text);
            }
        }
        System.out.printf("secrets: %d client log records at ALL, %d exceptions checked%n", clientLines,
                exceptions.size());
    }

    private void collect(CompletableFuture<Void> future) {
        try {
            future.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            exceptions.add(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void setPassword(SandboxServer sandbox, String userId, String newPassword) {
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

    private static String tokenOf(ServerWorkspace workspace) throws ReflectiveOperationException {
        var field = ServerWorkspace.class.getDeclaredField("connection");
        field.setAccessible(true);
        return ((MattermostConnection) field.get(workspace)).token();
    }

    /** {runId, itemId, checklist index, item index} of open items in active runs I take part in. */
    private List<String[]> openItems(int n) {
        String me = sandbox.control().defaultUser().id();
        List<String[]> out = new ArrayList<>();
        for (PlaybookRun run : sandbox.control().runs()) {
            if (run.isFinished() || !run.participantIds().contains(me)) {
                continue;
            }
            for (int c = 0; c < run.checklists().size(); c++) {
                for (int i = 0; i < run.checklists().get(c).items().size(); i++) {
                    ChecklistItem item = run.checklists().get(c).items().get(i);
                    if (item.state().equals(ChecklistItem.OPEN) && out.size() < n) {
                        out.add(new String[] {run.id(), item.id(), "" + c, "" + i});
                    }
                }
            }
        }
        assertEquals(n, out.size());
        return out;
    }

    private String itemState(String[] item) {
        return sandbox.control().run(item[0]).orElseThrow().checklists().get(Integer.parseInt(item[2])).items()
                .get(Integer.parseInt(item[3])).state();
    }
}
