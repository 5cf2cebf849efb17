package com.incidentconsole.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.sync.ConnectionState;
import com.incidentconsole.sync.ConnectionStatus;
import com.incidentconsole.sync.ServerWorkspace;
import com.incidentconsole.sync.SyncExecutors;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.wire.WireJson;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Probe L7: pointed at a web server that is not Mattermost (here, one serving HTML pages like
 * {@code python3 -m http.server}), the startup screen says so in words — no HTML — and tries again only slowly.
 */
class NotMattermostServerTest {

    private static final String PAGE = "<!DOCTYPE HTML>\n<html lang=\"en\"><head><title>Error response</title></head>"
            + "<body><h1>Error response</h1><p>Error code: 404</p></body></html>\n";
    /** Quick retries, so only the slower pace for a wrong server can explain a long wait. */
    private static final StreamSettings QUICK = new StreamSettings(Duration.ofMillis(50), Duration.ofMillis(200),
            Duration.ZERO, Duration.ofSeconds(30));

    private final JsonMapper mapper = WireJson.newMapper();
    private final SyncExecutors executors = SyncExecutors.create();
    private final LocalStore store = LocalStore.inMemory();
    private HttpServer web;
    private ServerWorkspace workspace;

    @AfterEach
    void tearDown() {
        if (workspace != null) {
            workspace.close();
        }
        executors.close();
        store.close();
        web.stop(0);
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 200})
    void aWebServerThatIsNotMattermostIsNamedAsSuchAndRetriedSlowly(int status) throws IOException {
        web = serving(status);
        workspace = ServerWorkspace.follow("web", false, MattermostConnection.create(ServerAddress.of("http://127.0.0.1:"
                + web.getAddress().getPort()), new Credentials.AccessToken("tok"), mapper), mapper, executors,
                store.outbox("web"), Clock.systemUTC(), QUICK);

        await(() -> workspace.connection().state() == ConnectionState.NOT_MATTERMOST);
        ConnectionStatus said = workspace.connection();
        assertTrue(said.nextAttemptAt().orElseThrow().isAfter(Instant.now().plusSeconds(30)),
                "a wrong address is not hammered every few seconds: " + said);
        StartupViewModel screen = new StartupViewModel(ResourceBundle.getBundle("i18n.messages"));
        screen.connectionChanged(said);

        assertEquals("This address does not look like a Mattermost server", screen.headlineProperty().get());
        String detail = screen.detailProperty().get();
        assertTrue(detail.contains("does not look like a Mattermost server: it answered"), detail);
        assertTrue(detail.contains("Check the server address"), detail);
        assertTrue(detail.contains("Not a Mattermost server — retrying in "), detail);
        assertFalse(detail.contains("<") || detail.contains("DOCTYPE") || detail.contains("Error response"),
                "no HTML on the screen: " + detail);
        assertTrue(screen.waitingProperty().get(), "still waiting (the user may quit), not failed for good");
    }

    @Test
    void aProxysHtmlErrorPageIsNotDumpedEither() throws IOException {
        web = serving(502);
        workspace = ServerWorkspace.follow("web", false, MattermostConnection.create(ServerAddress.of("http://127.0.0.1:"
                + web.getAddress().getPort()), new Credentials.AccessToken("tok"), mapper), mapper, executors,
                store.outbox("web"), Clock.systemUTC(), QUICK);

        await(() -> workspace.connection().state() == ConnectionState.RECONNECTING
                && !workspace.connection().detail().isEmpty());
        String detail = workspace.connection().detail();
        assertTrue(detail.contains("502 (a web page, not Mattermost's answer)"), detail);
        assertFalse(detail.contains("<"), detail);
    }

    private static HttpServer serving(int status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }
}
