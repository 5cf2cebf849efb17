package com.incidentconsole.credentials;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The fallback where no OS keyring answers: secrets encrypted with AES-256-GCM in {@code tokens.vault}, under a
 * random key in a separate {@code tokens.key}; both owner-only from creation (see {@link OwnerOnlyFiles}).
 *
 * <p>What this protects against, honestly (docs/adr/0009): a token turning up in a backup, a synced folder, a
 * support bundle or a {@code grep} — anywhere the vault file travels without its key file. It does not protect
 * against malware running as the same user, which can read the key file as easily as we do; the OS keyring is
 * preferred wherever one answers for that reason.
 *
 * <p>File layout: {@code "ICV1"} (format and version, also the GCM associated data), a 12-byte random nonce, then
 * the ciphertext and 16-byte tag of a JSON list of {@code {service, account, secret}}. Every write uses a fresh
 * nonce and replaces the file atomically.
 */
final class EncryptedFileStore implements SecretStore {

    static final String ID = "file";
    static final String VAULT_FILE = "tokens.vault";
    static final String KEY_FILE = "tokens.key";

    private static final Logger LOG = Logger.getLogger(EncryptedFileStore.class.getName());
    private static final byte[] MAGIC = "ICV1".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** One stored secret; {@code toString} hides it. */
    record Entry(String service, String account, String secret) {
        @Override
        public String toString() {
            return "Entry[" + service + ", " + account + ", secret=***]";
        }
    }

    private final Path dir;
    private final Path vault;
    private final Path keyFile;
    private final OwnerOnlyFiles files;
    private final JsonMapper mapper;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    EncryptedFileStore(Path dir, OwnerOnlyFiles files, JsonMapper mapper, Clock clock) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.vault = dir.resolve(VAULT_FILE);
        this.keyFile = dir.resolve(KEY_FILE);
        this.files = Objects.requireNonNull(files, "files");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized void put(String service, String account, String secret) {
        List<Entry> entries = entriesForWriting();
        entries.removeIf(e -> e.service().equals(service) && e.account().equals(account));
        entries.add(new Entry(service, account, secret));
        write(entries);
    }

    @Override
    public synchronized Optional<String> get(String service, String account) {
        return read().stream().filter(e -> e.service().equals(service) && e.account().equals(account))
                .map(Entry::secret).findFirst();
    }

    @Override
    public synchronized void delete(String service, String account) {
        if (!Files.exists(vault)) {
            return;
        }
        List<Entry> entries = entriesForWriting();
        if (entries.removeIf(e -> e.service().equals(service) && e.account().equals(account))) {
            write(entries);
        }
    }

    @Override
    public String description() {
        return "the encrypted file " + vault;
    }

    @Override
    public String id() {
        return ID;
    }

    Path vaultFile() {
        return vault;
    }

    Path keyFile() {
        return keyFile;
    }

    /** What is stored; a damaged file is reported, never guessed at or overwritten here. */
    private List<Entry> read() {
        if (!Files.exists(vault)) {
            return new ArrayList<>();
        }
        files.requirePrivate(vault);
        byte[] data = readBytes(vault);
        if (!Files.exists(keyFile)) {
            throw damaged("its key file " + keyFile + " is missing");
        }
        files.requirePrivate(keyFile);
        byte[] key = readBytes(keyFile);
        if (key.length != KEY_BYTES) {
            throw damaged("its key file " + keyFile + " is not a key (" + key.length + " bytes)");
        }
        if (data.length < MAGIC.length + NONCE_BYTES + TAG_BITS / 8
                || !Arrays.equals(Arrays.copyOf(data, MAGIC.length), MAGIC)) {
            throw damaged("it is not an Incident Console credential file (unknown header)");
        }
        byte[] plain = null;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, data, MAGIC.length, NONCE_BYTES));
            cipher.updateAAD(MAGIC);
            int offset = MAGIC.length + NONCE_BYTES;
            plain = cipher.doFinal(data, offset, data.length - offset);
            return new ArrayList<>(Arrays.asList(mapper.readValue(plain, Entry[].class)));
        } catch (AEADBadTagException e) {
            throw damaged("it was changed since it was written, or its key file was replaced");
        } catch (GeneralSecurityException e) {
            throw damaged("it cannot be decrypted (" + e.getClass().getSimpleName() + ")");
        } catch (IOException e) {
            // Jackson's message could quote the decrypted text: say only where it broke.
            throw damaged("its content is not readable (" + e.getClass().getSimpleName() + ")");
        } finally {
            Arrays.fill(key, (byte) 0);
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    /**
     * The entries to change. A damaged file is kept beside, under a new name, and a new one is started: signing
     * in again must work, and nothing the user had is deleted.
     */
    private List<Entry> entriesForWriting() {
        try {
            return read();
        } catch (CredentialException e) {
            if (!Files.exists(vault)) {
                throw e;
            }
            Path kept = vault.resolveSibling(VAULT_FILE + ".damaged-" + STAMP.format(clock.instant()));
            try {
                Files.move(vault, kept, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException moveFailed) {
                throw new CredentialException(e.getMessage() + " It could not be moved aside either ("
                        + moveFailed.getClass().getSimpleName() + "); move it away by hand and sign in again.", e);
            }
            LOG.warning(() -> "The credential file could not be read (" + e.getMessage() + "); kept it as " + kept
                    + " and started a new one.");
            return new ArrayList<>();
        }
    }

    private void write(List<Entry> entries) {
        files.createDirectory(dir);
        byte[] key = key();
        byte[] plain = null;
        try {
            plain = mapper.writeValueAsBytes(entries);
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(MAGIC);
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[MAGIC.length + NONCE_BYTES + sealed.length];
            System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
            System.arraycopy(nonce, 0, out, MAGIC.length, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, MAGIC.length + NONCE_BYTES, sealed.length);
            files.replace(vault, out);
        } catch (GeneralSecurityException | IOException e) {
            throw new CredentialException("Cannot encrypt the credential file " + vault + " ("
                    + e.getClass().getSimpleName() + ").", e);
        } finally {
            Arrays.fill(key, (byte) 0);
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    /** The key, made on first use. A key that is there but unusable is a damaged vault, reported by read(). */
    private byte[] key() {
        if (Files.exists(keyFile)) {
            files.requirePrivate(keyFile);
            byte[] key = readBytes(keyFile);
            if (key.length == KEY_BYTES) {
                return key;
            }
            Path kept = keyFile.resolveSibling(KEY_FILE + ".damaged-" + STAMP.format(clock.instant()));
            try {
                Files.move(keyFile, kept, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new CredentialException("The key file " + keyFile + " is not a key and cannot be moved aside ("
                        + e.getClass().getSimpleName() + "); move it away by hand and sign in again.", e);
            }
        }
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        try {
            files.createNew(keyFile, key);
            return key;
        } catch (FileAlreadyExistsException raced) {
            // Another process (the app beside a CLI login) made it first: use theirs.
            Arrays.fill(key, (byte) 0);
            return readBytes(keyFile);
        }
    }

    private CredentialException damaged(String why) {
        return new CredentialException("The credential file " + vault + " cannot be read: " + why + ". Sign in again "
                + "to replace it (the old file is kept beside it).");
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CredentialException("Cannot read " + file + " (" + e.getClass().getSimpleName() + ").", e);
        }
    }

    @Override
    public String toString() {
        return "EncryptedFileStore[" + vault + "]";
    }
}
