package com.incidentconsole.credentials;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

/**
 * Which users have a token for which server, of what kind and in which store — no secrets. A keyring can only
 * be asked for a (service, account) it is told, so "the app was started with just {@code --server URL}" needs
 * this list to know whom to ask for. Owner-only all the same: it names the servers a user works with.
 */
final class AccountIndex {

    static final String FILE = "accounts.json";
    private static final Logger LOG = Logger.getLogger(AccountIndex.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** One stored token's whereabouts; {@code store} is a {@link SecretStore#id()}. */
    record Account(String server, String user, TokenKind kind, String store, long savedAtMillis) {
    }

    private final Path dir;
    private final Path file;
    private final OwnerOnlyFiles files;
    private final JsonMapper mapper;
    private final Clock clock;

    AccountIndex(Path dir, OwnerOnlyFiles files, JsonMapper mapper, Clock clock) {
        this.dir = dir;
        this.file = dir.resolve(FILE);
        this.files = files;
        this.mapper = mapper;
        this.clock = clock;
    }

    synchronized List<Account> read() {
        if (!Files.exists(file)) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(Arrays.asList(mapper.readValue(file.toFile(), Account[].class)));
        } catch (IOException e) {
            throw new CredentialException("The list of stored sign-ins " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + "). Sign in again to replace it (the old file is kept beside it).",
                    e);
        }
    }

    /** Replaces the list; a damaged one is kept beside under a new name rather than overwritten. */
    synchronized void write(List<Account> accounts) {
        files.createDirectory(dir);
        try {
            files.replace(file, mapper.writeValueAsBytes(accounts));
        } catch (IOException e) {
            throw new CredentialException("Cannot write " + file + " (" + e.getClass().getSimpleName() + ").", e);
        }
    }

    /** The accounts to change: a damaged list is moved aside (kept) and an empty one is started. */
    synchronized List<Account> readForWriting() {
        try {
            return read();
        } catch (CredentialException e) {
            Path kept = file.resolveSibling(FILE + ".damaged-" + STAMP.format(clock.instant()));
            try {
                Files.move(file, kept, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException moveFailed) {
                throw new CredentialException(e.getMessage() + " It could not be moved aside either; move it away by "
                        + "hand.", moveFailed);
            }
            LOG.warning(() -> "The list of stored sign-ins was damaged; kept it as " + kept + " and started a new one.");
            return new ArrayList<>();
        }
    }

    Path file() {
        return file;
    }
}
