package com.incidentconsole.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How the desktop app finds its server. Secrets come from environment variables only: a token or
 * password on the command line would show in every process listing.
 */
public final class ConnectOptions {

    public static final String TOKEN_ENV = "INCIDENT_CONSOLE_TOKEN";
    public static final String PASSWORD_ENV = "INCIDENT_CONSOLE_PASSWORD";

    @Option(names = "--server", paramLabel = "URL",
            description = "Mattermost server to connect to, e.g. https://chat.example.com. "
                    + "Without it the app starts the embedded sandbox server.")
    URI server;

    @Option(names = "--login", paramLabel = "USER",
            description = "Sign in with this username and the password in $" + PASSWORD_ENV
                    + " (otherwise a personal access token is read from $" + TOKEN_ENV + "). Without either "
                    + "variable the token stored by 'incident-console login' is used, or the app asks.")
    String login;

    @Option(names = "--ca-cert", paramLabel = "FILE",
            description = "Also trust this certificate authority (PEM), e.g. your organisation's own; repeatable. "
                    + "The system's authorities stay trusted and host names are still checked.")
    List<Path> caCerts = new ArrayList<>();

    @Option(names = "--sandbox-seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the sandbox's generated data (default: ${DEFAULT-VALUE}).")
    long sandboxSeed;

    // Read by the playbook editor from the app's named parameters; declared here so the launcher accepts it.
    @Option(names = "--library", paramLabel = "DIR",
            description = "Folder of the offline playbook library (Ctrl+Shift+P). Default: ~/incident-console/playbooks.")
    String library;

    public Optional<URI> server() {
        return Optional.ofNullable(server);
    }

    public Optional<String> login() {
        return Optional.ofNullable(login);
    }

    public List<Path> caCerts() {
        return List.copyOf(caCerts);
    }

    public long sandboxSeed() {
        return sandboxSeed;
    }
}
