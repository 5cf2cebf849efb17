package com.incidentconsole.credentials;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.DBus;

/**
 * The operating system's keyring through java-keyring: the macOS Keychain, the Windows Credential Manager, or on
 * Linux any Secret Service provider (GNOME Keyring, KWallet 5.97+, KeePassXC) over D-Bus.
 *
 * <p>On Linux we first ask the session bus ourselves whether anyone provides {@code org.freedesktop.secrets}:
 * java-keyring, when the bus is there but the service is not, fails fast but leaves two D-Bus connections open
 * whose non-daemon threads keep the JVM from exiting (measured; docs/adr/0009). Our own check closes its connection.
 */
final class OsKeyring implements SecretStore {

    static final String ID = "keyring";
    private static final String SECRETS = "org.freedesktop.secrets";

    /** The keyring, or why there is none; {@code why} is shown to users and logged, so it holds no secret. */
    record Probe(Optional<SecretStore> store, String why) {
        static Probe unavailable(String why) {
            return new Probe(Optional.empty(), why);
        }
    }

    private final Keyring keyring;
    private final String name;

    private OsKeyring(Keyring keyring, String name) {
        this.keyring = keyring;
        this.name = name;
    }

    /** Connects to this system's keyring. Blocks, and may show the keyring's unlock prompt: keep it off the UI thread. */
    static Probe connect(String osName, UnaryOperator<String> environment) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return open(KeyringStorageType.OSX_KEYCHAIN, "the macOS Keychain");
        }
        if (os.contains("win")) {
            return open(KeyringStorageType.WINDOWS_CREDENTIAL_STORE, "the Windows Credential Manager");
        }
        if (os.contains("linux") || os.contains("bsd")) {
            Optional<String> missing = secretServiceMissing(environment.apply("DBUS_SESSION_BUS_ADDRESS"));
            return missing.map(Probe::unavailable)
                    .orElseGet(() -> open(KeyringStorageType.GNOME_KEYRING, "the Secret Service keyring"));
        }
        return Probe.unavailable("no keyring support for " + osName);
    }

    /** Why the Secret Service cannot be used on this bus, or empty when someone provides (or can start) it. */
    static Optional<String> secretServiceMissing(String busAddress) {
        if (busAddress == null || busAddress.isBlank()) {
            return Optional.of("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)");
        }
        try (DBusConnection bus = DBusConnectionBuilder.forAddress(busAddress).withShared(false).build()) {
            DBus daemon = bus.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            List<String> running = Arrays.asList(daemon.ListNames());
            List<String> startable = Arrays.asList(daemon.ListActivatableNames());
            if (running.contains(SECRETS) || startable.contains(SECRETS)) {
                return Optional.empty();
            }
            return Optional.of("no Secret Service on the D-Bus session bus (install and start gnome-keyring, "
                    + "KWallet or KeePassXC to use one)");
        } catch (Exception e) {
            // DBusException, IOException from close, or a RuntimeException from a bus that is not a bus.
            return Optional.of("the D-Bus session bus does not answer (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Probe open(KeyringStorageType type, String name) {
        try {
            return new Probe(Optional.of(new OsKeyring(Keyring.create(type), name)), "");
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            // LinkageError: JNA without its native part for this platform.
            return Probe.unavailable(name + " cannot be used (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public void put(String service, String account, String secret) {
        try {
            keyring.setPassword(service, account, secret);
        } catch (PasswordAccessException | RuntimeException e) {
            throw new CredentialException(name + " refused to store the token for " + account + " ("
                    + e.getClass().getSimpleName() + ").", e);
        }
    }

    @Override
    public Optional<String> get(String service, String account) {
        try {
            return Optional.ofNullable(keyring.getPassword(service, account));
        } catch (PasswordAccessException e) {
            // java-keyring reports "nothing stored" with this exception on every platform.
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new CredentialException(name + " could not be read (" + e.getClass().getSimpleName() + ").", e);
        }
    }

    @Override
    public void delete(String service, String account) {
        try {
            keyring.deletePassword(service, account);
        } catch (PasswordAccessException e) {
            // Not there: already the state we want.
        } catch (RuntimeException e) {
            throw new CredentialException(name + " could not remove the token for " + account + " ("
                    + e.getClass().getSimpleName() + ").", e);
        }
    }

    @Override
    public String description() {
        return name;
    }

    @Override
    public String id() {
        return ID;
    }

    void close() {
        try {
            keyring.close();
        } catch (Exception e) {
            // Closing a D-Bus connection at exit; nothing to tell the user.
        }
    }

    @Override
    public String toString() {
        return "OsKeyring[" + name + "]";
    }
}
