package com.incidentconsole.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.ClientException;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.ServerError;
import com.incidentconsole.client.ServerTrust;
import com.incidentconsole.credentials.CredentialException;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.credentials.StoredToken;
import com.incidentconsole.credentials.TokenKind;
import com.incidentconsole.wire.WireJson;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code logout}: forgets a stored sign-in. A session token is also ended on the server first, so a copy of it
 * (a backup, another machine) stops working; a personal access token is only forgotten here — the server's
 * token belongs to the user, who revokes it in Mattermost.
 */
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = {"Forget the stored sign-in for a server; a session is also ended on the server."})
public final class LogoutCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "URL", description = "Mattermost site URL.")
    private String server;

    @Option(names = "--login", paramLabel = "USER",
            description = "Which user's sign-in to forget (default: the one stored last for this server).")
    private String login;

    @Mixin
    private CaCertOption ca;

    private final Function<JsonMapper, CredentialVault> vaults;

    public LogoutCommand() {
        this(ServerLogin.userVault());
    }

    LogoutCommand(Function<JsonMapper, CredentialVault> vaults) {
        this.vaults = vaults;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return logout(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int logout(PrintWriter out, PrintWriter err) {
        ServerAddress address;
        ServerTrust trust;
        try {
            address = ServerAddress.of(server);
            trust = ca.trust();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        JsonMapper mapper = WireJson.newMapper();
        try (CredentialVault vault = vaults.apply(mapper)) {
            Optional<StoredToken> stored = vault.find(address, Optional.ofNullable(login));
            if (stored.isEmpty()) {
                out.println("No stored sign-in for " + (login == null ? "" : login + " on ") + address.baseUrl() + ".");
                return 0;
            }
            StoredToken token = stored.get();
            if (token.kind() == TokenKind.SESSION) {
                out.println(endSession(address, token, trust, mapper));
            }
            vault.remove(address, token.user());
            out.println("Signed out " + token.user() + " from " + address.baseUrl() + ": the token is removed from this"
                    + " computer.");
            if (token.kind() == TokenKind.ACCESS_TOKEN) {
                out.println("The personal access token itself stays valid on the server; revoke it in Mattermost "
                        + "(Profile > Security > Personal Access Tokens) if it is no longer needed.");
            }
            return 0;
        } catch (CredentialException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** Best effort: the local copy is removed either way, and the user is told what happened on the server. */
    private static String endSession(ServerAddress address, StoredToken token, ServerTrust trust, JsonMapper mapper) {
        try (MattermostConnection connection = MattermostConnection.open(address,
                new Credentials.AccessToken(token.token()), mapper, trust)) {
            connection.logout();
            return "Ended the session of " + token.user() + " on the server.";
        } catch (ServerError e) {
            if (e.isUnauthorized()) {
                return "The session of " + token.user() + " had already ended on the server.";
            }
            return "The server did not end the session (" + e.getMessage() + "); it stays valid until it expires.";
        } catch (ClientException e) {
            return "Could not reach the server to end the session (" + e.getMessage() + "); it stays valid until it"
                    + " expires.";
        }
    }
}
