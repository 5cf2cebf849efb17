package com.incidentconsole.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.MattermostConnection;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --server} and {@code --ca-cert} for the commands that act on a server's runs. The server defaults to
 * the one signed in to last; the token comes from {@value ServerLogin#TOKEN_VARIABLE} or the stored sign-in.
 */
public final class ServerOptions {

    @Option(names = "--server", paramLabel = "URL",
            description = "Mattermost site URL (default: the server you last signed in to with 'login').")
    private String server;

    @Mixin
    private CaCertOption ca;

    /**
     * @throws ServerLogin.NoToken when there is no server or no token (exit 2)
     * @throws IllegalArgumentException for a malformed address or CA file (exit 2)
     */
    MattermostConnection open(ServerLogin login, JsonMapper mapper) {
        return login.open(login.server(server, mapper), ca.trust(), mapper);
    }
}
