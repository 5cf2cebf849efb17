package com.incidentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.ServerError;
import com.incidentconsole.client.TestCa;
import com.incidentconsole.client.TlsFrontDoor;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.credentials.StoredToken;
import com.incidentconsole.credentials.TokenKind;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.wire.WireJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code login}, {@code logout} and the playbook commands' stored-token fallback against the sandbox, with the
 * vault in a temporary folder (file store): a token the server accepted is stored and used, a refused one is
 * not, secrets never reach the terminal or a file in plain text, and TLS needs the organisation's CA.
 */
class LoginCommandTest {

    private static SandboxServer sandbox;
    private static String url;
    private static String username;
    private static String password;

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Map<String, String> env = new HashMap<>();
    private SecretConsole console = prompt -> Optional.empty();
    private InputStream stdin = InputStream.nullInputStream();

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withRuns(2, 2));
        url = sandbox.baseUrl().toString();
        username = sandbox.control().credentials().username();
        password = sandbox.control().credentials().password();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private Function<JsonMapper, CredentialVault> vaults() {
        return mapper -> CredentialVault.fileOnly(home, mapper);
    }

    private int run(String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == LoginCommand.class) {
                    return type.cast(new LoginCommand(env::get, console, stdin, vaults()));
                }
                if (type == LogoutCommand.class) {
                    return type.cast(new LogoutCommand(vaults()));
                }
                if (type == PlaybookPullCommand.class) {
                    return type.cast(new PlaybookPullCommand(env::get, vaults()));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine cli = new CommandLine(new Commands(), factory);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** The jar's top level as far as these commands go (Main itself would open a window without a command). */
    @CommandLine.Command(name = "incident-console",
            subcommands = {LoginCommand.class, LogoutCommand.class, PlaybookCommand.class})
    static final class Commands implements Runnable {
        @Override
        public void run() {
        }
    }

    private Optional<StoredToken> stored() {
        try (CredentialVault vault = CredentialVault.fileOnly(home, WireJson.newMapper())) {
            return vault.find(ServerAddress.of(url), Optional.empty());
        }
    }

    @Test
    void aPasswordSignInStoresTheSessionTokenWhichThePlaybookCommandsThenUse() throws IOException {
        env.put(LoginCommand.PASSWORD_VARIABLE, password);

        assertEquals(0, run("login", "--server", url, "--login", username), err::toString);
        assertTrue(out.toString().contains("Signed in to " + url + " as " + username + "; the session token is stored in "
                + "the encrypted file " + home.resolve("credentials").resolve("tokens.vault")), out.toString());
        StoredToken token = stored().orElseThrow();
        assertEquals(TokenKind.SESSION, token.kind());
        assertEquals(username, token.user());

        env.clear();
        String playbook;
        try (MattermostConnection check = MattermostConnection.open(ServerAddress.of(url),
                new Credentials.AccessToken(token.token()), WireJson.newMapper())) {
            playbook = check.playbooks().listAll("").get(0).id();
        }
        Path library = Files.createDirectory(home.resolve("library"));
        assertEquals(0, run("playbook", "pull", "--server", url, "--playbook", playbook, "--library",
                library.toString()), err::toString);

        assertNoTraceOf(token.token());
    }

    @Test
    void aPasswordTypedAtTheTerminalWorksAndWithoutATerminalTheMessageSaysWhatToSet() {
        assertEquals(2, run("login", "--server", url, "--login", username));
        assertTrue(err.toString().contains("no terminal to type the password into: set "
                + LoginCommand.PASSWORD_VARIABLE), err.toString());

        console = prompt -> Optional.of(password.toCharArray());
        assertEquals(0, run("login", "--server", url, "--login", username), err::toString);
        assertTrue(stored().isPresent());
    }

    @Test
    void aWrongPasswordIsRefusedAndNothingIsStored() {
        env.put(LoginCommand.PASSWORD_VARIABLE, "not-the-password");

        assertEquals(1, run("login", "--server", url, "--login", username));
        assertEquals("error: the server did not accept the password for " + username + ".", err.toString().strip());
        assertEquals(Optional.empty(), stored());
    }

    @Test
    void anAccessTokenFromStdinIsStoredAndLogoutForgetsItButSaysTheServerKeepsIt() {
        String pat = sandbox.control().tokenFor(username);
        stdin = new ByteArrayInputStream((pat + "\n").getBytes(StandardCharsets.UTF_8));

        assertEquals(0, run("login", "--server", url, "--token-stdin"), err::toString);
        assertTrue(out.toString().contains("the access token is stored"), out.toString());
        assertEquals(TokenKind.ACCESS_TOKEN, stored().orElseThrow().kind());

        assertEquals(0, run("logout", "--server", url), err::toString);
        assertTrue(out.toString().contains("Signed out " + username), out.toString());
        assertTrue(out.toString().contains("stays valid on the server"), out.toString());
        assertEquals(Optional.empty(), stored());
        assertNoTraceOf(pat);
    }

    @Test
    void logoutOfASessionEndsItOnTheServer() {
        env.put(LoginCommand.PASSWORD_VARIABLE, password);
        assertEquals(0, run("login", "--server", url, "--login", username), err::toString);
        String session = stored().orElseThrow().token();

        assertEquals(0, run("logout", "--server", url, "--login", username), err::toString);

        assertTrue(out.toString().contains("Ended the session of " + username + " on the server."), out.toString());
        ServerError refused = assertThrows(ServerError.class, () -> MattermostConnection.open(ServerAddress.of(url),
                new Credentials.AccessToken(session), WireJson.newMapper()));
        assertEquals(401, refused.status());
        assertEquals(Optional.empty(), stored());
        assertEquals(0, run("logout", "--server", url));
        assertTrue(out.toString().contains("No stored sign-in for " + url), out.toString());
    }

    @Test
    void aStoredTokenTheServerNoLongerAcceptsSendsTheUserBackToLogin() {
        env.put("MY_PAT", sandbox.control().tokenFor(username));
        assertEquals(0, run("login", "--server", url, "--token-env", "MY_PAT"), err::toString);
        sandbox.control().revokeToken(env.remove("MY_PAT"));

        assertEquals(2, run("playbook", "pull", "--server", url, "--playbook", "x", "--library", home.toString()));
        assertTrue(err.toString().contains("the stored sign-in of " + username + " for " + url + " was rejected"),
                err.toString());
        assertTrue(err.toString().contains("incident-console login --server " + url), err.toString());
    }

    @Test
    void overTlsTheOrganisationsCaIsNeededAndABadCaFileIsNamed() throws IOException {
        TestCa ca = TestCa.create("Example Corp Internal CA");
        try (TlsFrontDoor door = TlsFrontDoor.start(ca.serverContext("localhost"), sandbox.baseUrl().getPort())) {
            String https = "https://localhost:" + door.port();
            env.put(LoginCommand.PASSWORD_VARIABLE, password);

            assertEquals(1, run("login", "--server", https, "--login", username));
            assertTrue(err.toString().contains("The certificate of localhost was not trusted"), err.toString());
            assertTrue(err.toString().contains("--ca-cert FILE"), err.toString());

            Path notACert = Files.writeString(home.resolve("ca.txt"), "hello");
            assertEquals(2, run("login", "--server", https, "--login", username, "--ca-cert", notACert.toString()));
            assertTrue(err.toString().contains("CA certificate file " + notACert + ": holds no PEM certificate"),
                    err.toString());

            Path caFile = ca.writePem(home.resolve("corp-ca.pem"));
            assertEquals(0, run("login", "--server", https, "--login", username, "--ca-cert", caFile.toString()),
                    err::toString);
            assertEquals(username, stored(https).orElseThrow().user());
        }
    }

    private Optional<StoredToken> stored(String server) {
        try (CredentialVault vault = CredentialVault.fileOnly(home, WireJson.newMapper())) {
            return vault.find(ServerAddress.of(server), Optional.empty());
        }
    }

    @Test
    void aPastedTokenWithANoBreakSpaceIsTrimmedAndSignsIn() {
        String pat = sandbox.control().tokenFor(username);
        stdin = new ByteArrayInputStream(("\u00a0" + pat + "\u00a0\r\n").getBytes(StandardCharsets.UTF_8));

        assertEquals(0, run("login", "--server", url, "--token-stdin"), err::toString);
        assertEquals(pat, stored().orElseThrow().token());
    }

    @Test
    void aTokenWithAControlCharacterIsRefusedInPlainWordsWithoutEchoingIt() {
        env.put("PAT", "tok\u0001en-secret-part");

        assertEquals(2, run("login", "--server", url, "--token-env", "PAT"));

        assertEquals("error: the token contains a character no token has (a control character at position 4); "
                + "copy it again", err.toString().strip());
        assertNoTraceOf("secret-part");
        assertEquals(Optional.empty(), stored());
    }

    @Test
    void aServerAddressWithAPasswordInItIsRefusedAndThePasswordIsNeitherPrintedNorStored() {
        String withPassword = url.replace("://", "://user:Pw-In-Url-Secret@");
        stdin = new ByteArrayInputStream((sandbox.control().tokenFor(username) + "\n").getBytes(StandardCharsets.UTF_8));

        assertEquals(2, run("login", "--server", withPassword, "--token-stdin"));

        assertTrue(err.toString().contains("must not contain a user name or password"), err.toString());
        assertNoTraceOf("Pw-In-Url-Secret");
        assertNoTraceOf("pw-in-url-secret");
    }

    /** Neither the terminal output nor any file the vault wrote holds the secret. */
    private void assertNoTraceOf(String secret) {
        assertFalse(out.toString().contains(secret) || err.toString().contains(secret), "printed a secret");
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(secret),
                        file + " holds the secret");
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
