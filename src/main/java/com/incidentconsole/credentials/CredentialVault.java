package com.incidentconsole.credentials;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.ServerAddress;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where sign-ins are remembered: one token per server and user, in the OS keyring when one answers, otherwise in
 * an encrypted owner-only file (see {@link EncryptedFileStore} and docs/adr/0009). Which one was chosen, and why
 * the keyring was not, is logged once — never with a token.
 *
 * <p>Every method blocks (a keyring may wait for its unlock prompt), so callers run them off the UI thread. The
 * keyring is asked on its own thread with a time limit: a keyring that never answers costs that limit once,
 * then counts as unavailable for the rest of the run.
 */
public final class CredentialVault implements AutoCloseable {

    /** {@code -Dincident.console.credentials=file} keeps tokens in the file even where a keyring exists (tests, portable installs). */
    public static final String STORE_PROPERTY = "incident.console.credentials";
    /** Long enough to type a keyring password into its unlock prompt. */
    static final Duration KEYRING_LIMIT = Duration.ofSeconds(60);
    static final String FOLDER = "credentials";

    private static final Logger LOG = Logger.getLogger(CredentialVault.class.getName());

    private final Supplier<OsKeyring.Probe> keyringConnector;
    private final Duration keyringLimit;
    private final EncryptedFileStore file;
    private final AccountIndex index;
    private final Object keyringLock = new Object();
    private ExecutorService keyringThread;
    private OsKeyring.Probe keyring;
    private SecretStore rawKeyring;

    CredentialVault(Path dir, Supplier<OsKeyring.Probe> keyringConnector, Duration keyringLimit, OwnerOnlyFiles files,
                    JsonMapper mapper, Clock clock) {
        this.keyringConnector = Objects.requireNonNull(keyringConnector, "keyringConnector");
        this.keyringLimit = Objects.requireNonNull(keyringLimit, "keyringLimit");
        this.file = new EncryptedFileStore(dir, files, mapper, clock);
        this.index = new AccountIndex(dir, files, mapper, clock);
    }

    /**
     * The vault in {@code dataDir/credentials}, using this machine's keyring unless {@link #STORE_PROPERTY} says
     * {@code file}. Nothing is touched until the first call: starting the sandbox never wakes a keyring.
     */
    public static CredentialVault inDataDir(Path dataDir, JsonMapper mapper) {
        if ("file".equalsIgnoreCase(System.getProperty(STORE_PROPERTY, ""))) {
            return fileOnly(dataDir, mapper);
        }
        return new CredentialVault(dataDir.resolve(FOLDER),
                () -> OsKeyring.connect(System.getProperty("os.name", ""), System::getenv), KEYRING_LIMIT,
                new OwnerOnlyFiles(FileSystems.getDefault()), mapper, Clock.systemUTC());
    }

    /** The vault in {@code dataDir/credentials} that never asks a keyring: the encrypted file only. */
    public static CredentialVault fileOnly(Path dataDir, JsonMapper mapper) {
        return new CredentialVault(dataDir.resolve(FOLDER),
                () -> OsKeyring.Probe.unavailable("the keyring is turned off (-D" + STORE_PROPERTY + "=file)"),
                KEYRING_LIMIT, new OwnerOnlyFiles(FileSystems.getDefault()), mapper, Clock.systemUTC());
    }

    /**
     * Remembers {@code token}, replacing any earlier one for the same server and user.
     *
     * @return where it went, for the user: "the macOS Keychain", "the encrypted file …"
     */
    public String save(StoredToken token) {
        String service = service(token.server());
        SecretStore store = keyring().orElse(file);
        try {
            store.put(service, token.user(), token.token());
        } catch (CredentialException e) {
            if (store == file) {
                throw e;
            }
            LOG.warning(() -> e.getMessage() + " Keeping the token in " + file.description() + " instead.");
            store = file;
            store.put(service, token.user(), token.token());
        }
        List<AccountIndex.Account> accounts = index.readForWriting();
        String usedStore = store.id();
        accounts.stream().filter(a -> same(a, token.server(), token.user()) && !a.store().equals(usedStore))
                .forEach(stale -> forgetQuietly(stale, service));
        accounts.removeIf(a -> same(a, token.server(), token.user()));
        accounts.add(new AccountIndex.Account(key(token.server()), token.user(), token.kind(), usedStore,
                token.savedAt().toEpochMilli()));
        index.write(accounts);
        return store.description();
    }

    /**
     * The stored token for {@code user} on {@code server}, or without a user the one saved last for that server.
     *
     * @throws CredentialException when something is stored but cannot be read; the message says what to do
     */
    public Optional<StoredToken> find(ServerAddress server, Optional<String> user) {
        Optional<AccountIndex.Account> account = index.read().stream()
                .filter(a -> a.server().equals(key(server)) && user.map(u -> u.equalsIgnoreCase(a.user())).orElse(true))
                .max(Comparator.comparingLong(AccountIndex.Account::savedAtMillis));
        if (account.isEmpty()) {
            return Optional.empty();
        }
        AccountIndex.Account found = account.get();
        SecretStore store = storeFor(found);
        Optional<String> secret = store.get(service(server), found.user());
        if (secret.isEmpty()) {
            LOG.info(() -> "The token for " + found.user() + " at " + found.server() + " is no longer in "
                    + store.description() + " (removed outside the console).");
        }
        return secret.map(s -> new StoredToken(server, found.user(), found.kind(), s,
                Instant.ofEpochMilli(found.savedAtMillis())));
    }

    /**
     * The server signed in to last, as its address was stored; how commands find "the stored one" when no
     * {@code --server} is given.
     */
    public Optional<String> lastServer() {
        return index.read().stream().max(Comparator.comparingLong(AccountIndex.Account::savedAtMillis))
                .map(AccountIndex.Account::server);
    }

    /** The users with a stored token for {@code server}, latest first. */
    public List<String> users(ServerAddress server) {
        return index.read().stream().filter(a -> a.server().equals(key(server)))
                .sorted(Comparator.comparingLong(AccountIndex.Account::savedAtMillis).reversed())
                .map(AccountIndex.Account::user).toList();
    }

    /** Forgets the token of {@code user} on {@code server}; false when there was none. */
    public boolean remove(ServerAddress server, String user) {
        List<AccountIndex.Account> accounts = index.readForWriting();
        List<AccountIndex.Account> gone = accounts.stream().filter(a -> same(a, server, user)).toList();
        if (gone.isEmpty()) {
            return false;
        }
        for (AccountIndex.Account account : gone) {
            storeFor(account).delete(service(server), account.user());
        }
        accounts.removeAll(gone);
        index.write(accounts);
        return true;
    }

    /** Where a token saved now would go, for messages such as "token stored in …". */
    public String whereTokensGo() {
        return keyring().map(SecretStore::description).orElse(file.description());
    }

    @Override
    public void close() {
        synchronized (keyringLock) {
            if (rawKeyring instanceof OsKeyring os) {
                os.close();
            }
            if (keyringThread != null) {
                keyringThread.shutdownNow();
            }
        }
    }

    Path vaultFile() {
        return file.vaultFile();
    }

    Path keyFile() {
        return file.keyFile();
    }

    Path indexFile() {
        return index.file();
    }

    private SecretStore storeFor(AccountIndex.Account account) {
        if (account.store().equals(file.id())) {
            return file;
        }
        return keyring().orElseThrow(() -> new CredentialException("The token for " + account.user() + " at "
                + account.server() + " is kept in the OS keyring, which cannot be used now (" + keyring.why()
                + "). Sign in again, or give a token in INCIDENT_CONSOLE_TOKEN."));
    }

    /** The keyring, connected on first use (within the time limit), or empty — logged once with the reason. */
    private Optional<SecretStore> keyring() {
        synchronized (keyringLock) {
            if (keyring == null) {
                keyringThread = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "OS keyring");
                    t.setDaemon(true);
                    return t;
                });
                try {
                    OsKeyring.Probe probe = bounded("connecting to the OS keyring", keyringConnector::get);
                    rawKeyring = probe.store().orElse(null);
                    keyring = probe.store().isPresent()
                            ? new OsKeyring.Probe(Optional.of(new Bounded(probe.store().get())), "") : probe;
                } catch (CredentialException e) {
                    keyring = OsKeyring.Probe.unavailable(e.getMessage());
                }
                if (keyring.store().isPresent()) {
                    LOG.info(() -> "Sign-ins are kept in " + keyring.store().get().description() + ".");
                } else {
                    LOG.info(() -> "No OS keyring available (" + keyring.why() + "): sign-ins are kept in "
                            + file.description() + ", readable only by you.");
                }
            }
            return keyring.store();
        }
    }

    private <T> T bounded(String what, Callable<T> call) {
        Future<T> future = keyringThread.submit(call);
        try {
            return future.get(keyringLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            String why = "the OS keyring did not answer within " + keyringLimit.toSeconds() + " s while " + what
                    + " (is it locked, waiting for its password?)";
            synchronized (keyringLock) {
                // Later calls would queue behind the stuck one: count the keyring as gone for this run.
                keyring = OsKeyring.Probe.unavailable(why);
            }
            throw new CredentialException(Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialException("Interrupted while " + what + ".", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CredentialException("The OS keyring failed while " + what + " ("
                    + e.getCause().getClass().getSimpleName() + ").", e.getCause());
        }
    }

    private void forgetQuietly(AccountIndex.Account stale, String service) {
        try {
            storeFor(stale).delete(service, stale.user());
        } catch (CredentialException e) {
            LOG.log(Level.INFO, "Could not remove an older copy of a token from {0}: {1}",
                    new Object[] {stale.store(), e.getMessage()});
        }
    }

    private static boolean same(AccountIndex.Account account, ServerAddress server, String user) {
        return account.server().equals(key(server)) && account.user().equalsIgnoreCase(user);
    }

    /** Servers are compared by their normalised address; the scheme and host are case-insensitive. */
    static String key(ServerAddress server) {
        URI url = server.baseUrl();
        String authority = url.getRawAuthority() == null ? "" : url.getRawAuthority().toLowerCase(Locale.ROOT);
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + authority + path;
    }

    /** What keyring UIs list: "Incident Console: https://chat.example.com", with the user as the account. */
    static String service(ServerAddress server) {
        return "Incident Console: " + key(server);
    }

    /** The keyring behind the time limit: one thread, one deadline per call. */
    private final class Bounded implements SecretStore {

        private final SecretStore inner;

        Bounded(SecretStore inner) {
            this.inner = inner;
        }

        @Override
        public void put(String service, String account, String secret) {
            bounded("storing a token", () -> {
                inner.put(service, account, secret);
                return null;
            });
        }

        @Override
        public Optional<String> get(String service, String account) {
            return bounded("reading a token", () -> inner.get(service, account));
        }

        @Override
        public void delete(String service, String account) {
            bounded("removing a token", () -> {
                inner.delete(service, account);
                return null;
            });
        }

        @Override
        public String description() {
            return inner.description();
        }

        @Override
        public String id() {
            return inner.id();
        }
    }
}
