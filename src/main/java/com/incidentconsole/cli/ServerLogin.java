package com.incidentconsole.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.ServerError;
import com.incidentconsole.client.ServerTrust;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.credentials.StoredToken;
import com.incidentconsole.paths.AppPaths;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * How the server commands (playbook pull/push) sign in: the token in {@value #TOKEN_VARIABLE} when set (CI), else
 * the sign-in stored by {@code incident-console login}. Secrets never come from a flag: arguments show in
 * process listings.
 */
final class ServerLogin {

    static final String TOKEN_VARIABLE = "INCIDENT_CONSOLE_TOKEN";

    /** Why there is no usable token, worded for the terminal; exit code 2 (a usage problem, not a failure). */
    static final class NoToken extends RuntimeException {
        NoToken(String message) {
            super(message);
        }
    }

    private final UnaryOperator<String> environment;
    private final Function<JsonMapper, CredentialVault> vaults;

    ServerLogin(UnaryOperator<String> environment, Function<JsonMapper, CredentialVault> vaults) {
        this.environment = environment;
        this.vaults = vaults;
    }

    /** The stored sign-ins of the current user (see {@link AppPaths}). */
    static Function<JsonMapper, CredentialVault> userVault() {
        return mapper -> CredentialVault.inDataDir(AppPaths.forCurrentUser().dataDir(), mapper);
    }

    /**
     * The server a command acts on: {@code --server} when given, else the one signed in to last with
     * {@code login}.
     *
     * @throws NoToken when neither says which server
     */
    String server(String option, JsonMapper mapper) {
        if (option != null && !option.isBlank()) {
            return option;
        }
        try (CredentialVault vault = vaults.apply(mapper)) {
            return vault.lastServer().orElseThrow(() -> new NoToken("which server? Give --server URL, or sign in "
                    + "once with 'incident-console login --server URL' to make it the default."));
        }
    }

    /**
     * A verified connection to {@code url}.
     *
     * @throws NoToken when neither the environment nor the vault has a token for it, or the stored one was rejected
     */
    MattermostConnection open(String url, ServerTrust trust, JsonMapper mapper) {
        ServerAddress address = ServerAddress.of(url);
        String fromEnvironment = environment.apply(TOKEN_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return MattermostConnection.open(address, new Credentials.AccessToken(fromEnvironment.strip()), mapper,
                    trust);
        }
        Optional<StoredToken> stored;
        try (CredentialVault vault = vaults.apply(mapper)) {
            stored = vault.find(address, Optional.empty());
        }
        StoredToken token = stored.orElseThrow(() -> new NoToken("no token for " + address.baseUrl() + ": sign in with "
                + "'incident-console login --server " + address.baseUrl() + "', or set " + TOKEN_VARIABLE + "."));
        try {
            return MattermostConnection.open(address, new Credentials.AccessToken(token.token()), mapper, trust);
        } catch (ServerError e) {
            if (!e.isUnauthorized()) {
                throw e;
            }
            throw new NoToken("the stored sign-in of " + token.user() + " for " + address.baseUrl()
                    + " was rejected (expired or revoked): sign in again with 'incident-console login --server "
                    + address.baseUrl() + "'.");
        }
    }
}
