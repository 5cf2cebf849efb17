package com.incidentconsole.credentials;

import java.util.Optional;

/**
 * Somewhere secrets are kept by service and account: the OS keyring or the encrypted file. Every method may
 * block (a keyring may show an unlock prompt), so callers stay off the UI thread. Failures are
 * {@link CredentialException}s whose messages hold no secret.
 */
interface SecretStore {

    void put(String service, String account, String secret);

    Optional<String> get(String service, String account);

    /** Removes the secret; nothing stored is not an error. */
    void delete(String service, String account);

    /** Where secrets go, for messages: "the OS keyring (Secret Service)", "the encrypted file …". */
    String description();

    /** The name recorded in the account index, so a later run knows where to look. */
    String id();
}
