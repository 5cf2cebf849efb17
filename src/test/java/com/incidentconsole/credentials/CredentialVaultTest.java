package com.incidentconsole.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.testlog.LogCapture;
import com.incidentconsole.wire.WireJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vault with the keyring absent, working, refusing or stuck: tokens round-trip per server and user, the
 * fallback file is owner-only and never holds a token in plain text, damage is reported in words and kept,
 * and the choice of store is logged — never a token.
 */
class CredentialVaultTest {

    private static final ServerAddress CHAT = ServerAddress.of("https://chat.example.com");
    private static final ServerAddress OTHER = ServerAddress.of("https://mm.example.org/team");
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final String TOKEN = "tok-" + Long.toHexString(System.nanoTime()) + "-Zq8";

    @TempDir
    Path home;

    private LogCapture capture;
    private final List<CredentialVault> opened = new ArrayList<>();

    @BeforeEach
    void captureLogs() {
        capture = LogCapture.of("com.incidentconsole.credentials");
    }

    @AfterEach
    void release() {
        opened.forEach(CredentialVault::close);
        capture.close();
    }

    private CredentialVault vault(Supplier<OsKeyring.Probe> keyring) {
        return vault(keyring, Duration.ofSeconds(5));
    }

    private CredentialVault vault(Supplier<OsKeyring.Probe> keyring, Duration limit) {
        CredentialVault vault = new CredentialVault(home.resolve("credentials"), keyring, limit,
                new OwnerOnlyFiles(FileSystems.getDefault()), WireJson.newMapper(), Clock.fixed(NOW, ZoneOffset.UTC));
        opened.add(vault);
        return vault;
    }

    private static Supplier<OsKeyring.Probe> noKeyring() {
        return () -> OsKeyring.Probe.unavailable("no keyring in this test");
    }

    private static StoredToken token(ServerAddress server, String user, String secret, Instant at) {
        return new StoredToken(server, user, TokenKind.SESSION, secret, at);
    }

    @Test
    void withoutAKeyringTokensRoundTripThroughTheFilePerServerAndUser() {
        CredentialVault vault = vault(noKeyring());
        vault.save(token(CHAT, "alex", TOKEN, NOW));
        vault.save(token(CHAT, "sam", "tok-sam-1234567890", NOW.plusSeconds(60)));
        vault.save(new StoredToken(OTHER, "alex", TokenKind.ACCESS_TOKEN, "pat-other-1234567890", NOW));

        assertEquals(TOKEN, vault.find(CHAT, Optional.of("alex")).orElseThrow().token());
        assertEquals("sam", vault.find(CHAT, Optional.empty()).orElseThrow().user(), "the latest sign-in is the default");
        assertEquals(TokenKind.ACCESS_TOKEN, vault.find(OTHER, Optional.empty()).orElseThrow().kind());
        assertEquals(List.of("sam", "alex"), vault.users(CHAT));
        assertEquals(TOKEN, vault.find(ServerAddress.of("HTTPS://Chat.Example.com/"), Optional.of("ALEX"))
                .orElseThrow().token(), "scheme, host and username compare without case; a trailing slash is ignored");
        assertEquals(Optional.empty(), vault.find(ServerAddress.of("https://chat.example.com/other"), Optional.empty()));

        // A second vault over the same folder (the next start) reads the same.
        assertEquals(TOKEN, vault(noKeyring()).find(CHAT, Optional.of("alex")).orElseThrow().token());

        assertTrue(vault.remove(CHAT, "alex"));
        assertEquals(Optional.empty(), vault.find(CHAT, Optional.of("alex")));
        assertFalse(vault.remove(CHAT, "alex"), "nothing left to remove");
        assertEquals("sam", vault.find(CHAT, Optional.empty()).orElseThrow().user());
    }

    @Test
    void theFallbackFilesAreOwnerOnlyAndHoldNoTokenInPlainText() throws IOException {
        CredentialVault vault = vault(noKeyring());
        vault.save(token(CHAT, "alex", TOKEN, NOW));

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("credentials"))));
        for (Path file : List.of(vault.vaultFile(), vault.keyFile(), vault.indexFile())) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }
        assertNoFileHolds(TOKEN);
        assertTrue(Files.readString(vault.indexFile()).contains("alex"), "the index names the account, not the token");
    }

    @Test
    void anyTokenIsStoredEncrypted() {
        CredentialVault vault = vault(noKeyring());
        // Any printable text after a marker (a blank token is refused before it reaches a store).
        qt().withExamples(40).forAll(strings().basicLatinAlphabet().ofLengthBetween(8, 80)).checkAssert(text -> {
            String secret = "tok:" + text;
            vault.save(token(CHAT, "alex", secret, NOW));
            assertEquals(secret, vault.find(CHAT, Optional.of("alex")).orElseThrow().token());
            assertNoFileHolds(secret);
        });
    }

    @Test
    void noKeyringMeansTheFileIsChosenAndTheLogSaysWhyWithoutTheToken() {
        CredentialVault vault = vault(noKeyring());
        vault.save(token(CHAT, "alex", TOKEN, NOW));
        vault.find(CHAT, Optional.empty());

        String log = formattedLogs();
        assertTrue(log.contains("No OS keyring available (no keyring in this test)"), log);
        assertTrue(log.contains(vault.vaultFile().toString()), "names the file: " + log);
        assertFalse(log.contains(TOKEN));
        assertTrue(vault.whereTokensGo().contains(vault.vaultFile().toString()));
    }

    @Test
    void aWorkingKeyringHoldsTheTokenAndNoFileDoes() {
        FakeKeyring keyring = new FakeKeyring(FakeKeyring.Mode.WORKS);
        CredentialVault vault = vault(keyring::probe);
        vault.save(token(CHAT, "alex", TOKEN, NOW));

        assertEquals(TOKEN, keyring.secrets.get("Incident Console: https://chat.example.com|alex"));
        assertFalse(Files.exists(vault.vaultFile()), "nothing in the fallback file");
        assertEquals(TOKEN, vault.find(CHAT, Optional.empty()).orElseThrow().token());
        assertEquals("the test keyring", vault.whereTokensGo());
        assertTrue(formattedLogs().contains("Sign-ins are kept in the test keyring"));

        vault.remove(CHAT, "alex");
        assertTrue(keyring.secrets.isEmpty());
    }

    @Test
    void aKeyringThatRefusesFallsBackToTheFileAndSaysSo() {
        CredentialVault vault = vault(new FakeKeyring(FakeKeyring.Mode.REFUSES)::probe);
        vault.save(token(CHAT, "alex", TOKEN, NOW));

        assertTrue(Files.exists(vault.vaultFile()));
        String log = formattedLogs();
        assertTrue(log.contains("the test keyring refused") && log.contains("instead"), log);
        assertEquals(TOKEN, vault.find(CHAT, Optional.of("alex")).orElseThrow().token(), "found in the file");
    }

    @Test
    void aKeyringThatNeverAnswersCostsItsTimeLimitOnceThenTheFileIsUsed() {
        CredentialVault stuckOnConnect = vault(() -> {
            new FakeKeyring(FakeKeyring.Mode.HANGS).get("", "");
            throw new AssertionError("unreachable");
        }, Duration.ofMillis(300));
        long start = System.nanoTime();
        stuckOnConnect.save(token(CHAT, "alex", TOKEN, NOW));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
        assertTrue(formattedLogs().contains("did not answer within"), formattedLogs());
        assertTrue(Files.exists(stuckOnConnect.vaultFile()));

        CredentialVault stuckOnPut = vault(new FakeKeyring(FakeKeyring.Mode.HANGS)::probe, Duration.ofMillis(300));
        stuckOnPut.save(token(OTHER, "alex", "tok-other-1234567890", NOW));
        assertEquals("tok-other-1234567890", stuckOnPut.find(OTHER, Optional.empty()).orElseThrow().token());
        assertTrue(stuckOnPut.whereTokensGo().contains("encrypted file"), "the stuck keyring is not asked again");
    }

    @Test
    void aDamagedVaultIsReportedInWordsAndKeptWhenSigningInAgain() throws IOException {
        CredentialVault vault = vault(noKeyring());
        vault.save(token(CHAT, "alex", TOKEN, NOW));
        byte[] bytes = Files.readAllBytes(vault.vaultFile());
        bytes[bytes.length - 3] ^= 0x5a;
        Files.write(vault.vaultFile(), bytes);

        CredentialException e = assertThrows(CredentialException.class, () -> vault.find(CHAT, Optional.empty()));
        assertTrue(e.getMessage().contains(vault.vaultFile().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("was changed since it was written"), e.getMessage());
        assertTrue(e.getMessage().contains("Sign in again"), e.getMessage());

        vault.save(token(CHAT, "alex", "tok-new-1234567890", NOW));
        assertEquals("tok-new-1234567890", vault.find(CHAT, Optional.empty()).orElseThrow().token());
        try (Stream<Path> files = Files.list(vault.vaultFile().getParent())) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("tokens.vault.damaged-")),
                    "the damaged file is kept beside");
        }
        assertTrue(formattedLogs().contains("kept it as"));
    }

    @Test
    void garbageWhereTheVaultShouldBeIsNamedNotParsed() throws IOException {
        CredentialVault vault = vault(noKeyring());
        vault.save(token(CHAT, "alex", TOKEN, NOW));
        Files.writeString(vault.vaultFile(), "{\"not\":\"a vault\"}");
        CredentialException e = assertThrows(CredentialException.class, () -> vault.find(CHAT, Optional.empty()));
        assertTrue(e.getMessage().contains("not an Incident Console credential file"), e.getMessage());

        Files.delete(vault.keyFile());
        vault.save(token(CHAT, "alex", TOKEN, NOW));
        Files.delete(vault.keyFile());
        e = assertThrows(CredentialException.class, () -> vault.find(CHAT, Optional.empty()));
        assertTrue(e.getMessage().contains("key file " + vault.keyFile() + " is missing"), e.getMessage());
    }

    @Test
    void aDamagedIndexIsReportedAndReplacedOnTheNextSignIn() throws IOException {
        CredentialVault vault = vault(noKeyring());
        vault.save(token(CHAT, "alex", TOKEN, NOW));
        Files.writeString(vault.indexFile(), "[{\"server\":");
        CredentialException e = assertThrows(CredentialException.class, () -> vault.find(CHAT, Optional.empty()));
        assertTrue(e.getMessage().contains(vault.indexFile().toString()), e.getMessage());

        vault.save(token(CHAT, "alex", TOKEN, NOW));
        assertEquals(TOKEN, vault.find(CHAT, Optional.empty()).orElseThrow().token());
    }

    @Test
    void aVaultFileOthersCanReadIsRefusedWithTheFix() throws IOException {
        CredentialVault vault = vault(noKeyring());
        vault.save(token(CHAT, "alex", TOKEN, NOW));
        Files.setPosixFilePermissions(vault.vaultFile(), PosixFilePermissions.fromString("rw-r--r--"));

        CredentialException e = assertThrows(CredentialException.class, () -> vault.find(CHAT, Optional.empty()));
        assertTrue(e.getMessage().contains("can be read by other users"), e.getMessage());
        assertTrue(e.getMessage().contains("chmod 600 " + vault.vaultFile()), e.getMessage());
    }

    @Test
    void aFileSystemWithoutPermissionsIsRefusedRatherThanWrittenOpenly() {
        CredentialVault vault = new CredentialVault(home.resolve("credentials"), noKeyring(), Duration.ofSeconds(1),
                new OwnerOnlyFiles(FileSystems.getDefault(), Set.of("basic")), WireJson.newMapper(), Clock.systemUTC());
        opened.add(vault);

        CredentialException e = assertThrows(CredentialException.class,
                () -> vault.save(token(CHAT, "alex", TOKEN, NOW)));
        assertTrue(e.getMessage().contains("neither POSIX permissions nor ACLs"), e.getMessage());
        assertFalse(Files.exists(home.resolve("credentials").resolve("tokens.vault")));
    }

    @Test
    void aTokenInTheKeyringThatCannotBeReachedNowIsExplained() {
        FakeKeyring keyring = new FakeKeyring(FakeKeyring.Mode.WORKS);
        vault(keyring::probe).save(token(CHAT, "alex", TOKEN, NOW));

        CredentialException e = assertThrows(CredentialException.class,
                () -> vault(noKeyring()).find(CHAT, Optional.empty()));
        assertTrue(e.getMessage().contains("kept in the OS keyring, which cannot be used now (no keyring in this test)"),
                e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
    }

    @Test
    void theStoredTokenNeverPrintsItself() {
        assertFalse(token(CHAT, "alex", TOKEN, NOW).toString().contains(TOKEN));
    }

    private void assertNoFileHolds(String secret) {
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(secret), file + " holds the token");
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private String formattedLogs() {
        SimpleFormatter formatter = new SimpleFormatter();
        StringBuilder all = new StringBuilder();
        capture.records().forEach(r -> all.append(formatter.format(r)));
        return all.toString();
    }
}
