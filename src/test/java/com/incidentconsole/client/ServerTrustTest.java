package com.incidentconsole.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.wire.WireJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox behind TLS with a certificate from an organisation's own CA (made in the test): refused with
 * words that say how to fix it, accepted for REST and the event stream once the CA is added, and host names
 * still checked.
 */
class ServerTrustTest {

    private static final StreamSettings FAST = new StreamSettings(Duration.ofMillis(100), Duration.ofSeconds(1),
            Duration.ZERO, Duration.ofSeconds(30));

    private static SandboxServer sandbox;
    private static TestCa ca;
    private static TlsFrontDoor door;

    @TempDir
    Path dir;

    private final JsonMapper mapper = WireJson.newMapper();
    private EventStream stream;

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withRuns(2, 2));
        ca = TestCa.create("Example Corp Internal CA");
        door = TlsFrontDoor.start(ca.serverContext("localhost"), sandbox.baseUrl().getPort());
    }

    @AfterAll
    static void stop() {
        door.close();
        sandbox.close();
    }

    @AfterEach
    void closeStream() {
        if (stream != null) {
            stream.close();
        }
    }

    private ServerAddress https(String host, TlsFrontDoor through) {
        return ServerAddress.of("https://" + host + ":" + through.port());
    }

    private Credentials token() {
        return new Credentials.AccessToken(sandbox.control().credentials().token());
    }

    @Test
    void aCertificateFromAnUnknownCaIsRefusedWithTheFixInPlainWords() {
        TransportError e = assertThrows(TransportError.class,
                () -> MattermostConnection.open(https("localhost", door), token(), mapper));

        assertTrue(e.getMessage().startsWith("The certificate of localhost was not trusted"), e.getMessage());
        assertTrue(e.getMessage().contains("--ca-cert FILE"), e.getMessage());
        assertFalse(e.getMessage().contains("PKIX") || e.getMessage().contains("sun.security"),
                "no JDK internals in the user-facing text: " + e.getMessage());
        assertTrue(e.retryCannotFix(), "so the console retries it slowly, not every few seconds (probe L7)");
    }

    @Test
    void withTheCaAddedRestAndTheEventStreamBothWork() throws Exception {
        ServerTrust trust = ServerTrust.withAddedAuthorities(List.of(ca.writePem(dir.resolve("ca.pem"))));

        try (MattermostConnection connection = MattermostConnection.open(https("localhost", door), token(), mapper,
                trust)) {
            assertEquals(sandbox.control().credentials().username(), connection.me().username());
            Recorder recorder = new Recorder();
            stream = connection.events(recorder, FAST);
            stream.start();
            Recorder.Hello hello = Recorder.next(recorder.hellos);
            assertTrue(hello.newConnectionId(), "the wss:// stream says hello through TLS");
        }
    }

    @Test
    void theHostNameIsStillCheckedForRestAndTheStream() throws Exception {
        ServerTrust trust = ServerTrust.withAddedAuthorities(List.of(ca.writePem(dir.resolve("ca.pem"))));
        // Trusted CA, valid certificate — but for "localhost", and we connect to 127.0.0.1.
        TransportError e = assertThrows(TransportError.class,
                () -> MattermostConnection.open(https("127.0.0.1", door), token(), mapper, trust));
        assertTrue(e.getMessage().contains("issued for a different host name"), e.getMessage());

        Recorder recorder = new Recorder();
        stream = new EventStream(https("127.0.0.1", door).websocketUri(), sandbox.control().credentials().token(),
                mapper, recorder, FAST, trust);
        stream.start();
        // Three attempts, each refused before the upgrade (with the right name the first one says hello, see
        // above). Java-WebSocket reports the refusal either as the SSL error or, when its writer thread loses
        // the race, as a bare close -1: either way no session.
        List<String> reasons = List.of(Recorder.next(recorder.reasons), Recorder.next(recorder.reasons),
                Recorder.next(recorder.reasons));
        assertTrue(recorder.hellos.isEmpty(), "no hello through a certificate for another name: " + reasons);
        assertTrue(reasons.stream().allMatch(r -> r.contains("No subject alternative names matching IP address "
                + "127.0.0.1") || r.startsWith("closed -1")), reasons.toString());
    }

    @Test
    void anExpiredCertificateIsNamedAsSuch() throws Exception {
        Instant now = Instant.now();
        try (TlsFrontDoor expired = TlsFrontDoor.start(ca.serverContext(now.minus(Duration.ofDays(10)),
                now.minus(Duration.ofDays(1)), "localhost"), sandbox.baseUrl().getPort())) {
            ServerTrust trust = ServerTrust.withAddedAuthorities(List.of(ca.writePem(dir.resolve("ca.pem"))));
            TransportError e = assertThrows(TransportError.class,
                    () -> MattermostConnection.open(https("localhost", expired), token(), mapper, trust));
            assertTrue(e.getMessage().contains("expired or not yet valid"), e.getMessage());
        }
    }

    @Test
    void addingACaKeepsEverySystemAuthority() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        X509TrustManager system = (X509TrustManager) factory.getTrustManagers()[0];

        ServerTrust trust = ServerTrust.withAddedAuthorities(List.of(ca.writePem(dir.resolve("ca.pem"))));

        assertTrue(system.getAcceptedIssuers().length > 10, "the JDK ships public CAs");
        List<java.security.cert.X509Certificate> anchors = List.of(trust.acceptedIssuers());
        assertTrue(anchors.containsAll(List.of(system.getAcceptedIssuers())), "no system CA was dropped");
        assertTrue(anchors.contains(ca.certificate()));
        assertEquals(List.of(ca.certificate()), trust.addedAuthorities());
        assertFalse(ServerTrust.system().addsAuthorities());
    }

    @Test
    void aFileThatIsNotACertificateIsNamedWithTheReason() throws IOException {
        Path missing = dir.resolve("nope.pem");
        Path empty = Files.createFile(dir.resolve("empty.pem"));
        Path key = Files.writeString(dir.resolve("key.pem"), ca.privateKeyPem(), StandardCharsets.US_ASCII);
        Path good = ca.writePem(dir.resolve("ca.pem"));

        for (Path bad : List.of(missing, empty, key)) {
            CaCertificateException e = assertThrows(CaCertificateException.class,
                    () -> ServerTrust.withAddedAuthorities(List.of(good, bad)));
            assertTrue(e.getMessage().startsWith("CA certificate file " + bad + ": "), e.getMessage());
            assertEquals(bad, e.file());
        }
        assertTrue(assertThrows(CaCertificateException.class, () -> ServerTrust.withAddedAuthorities(List.of(key)))
                .getMessage().contains("BEGIN CERTIFICATE"), "says what a certificate file looks like");
    }

    @Test
    void aPlainWebSocketNeverGetsATlsSocket() throws Exception {
        ServerTrust trust = ServerTrust.withAddedAuthorities(List.of(ca.writePem(dir.resolve("ca.pem"))));
        assertEquals(Optional.empty(), trust.socketFactoryFor(new ServerAddress(sandbox.baseUrl()).websocketUri()));
        assertTrue(trust.socketFactoryFor(https("localhost", door).websocketUri()).isPresent());
    }
}
