package com.incidentconsole.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The desktop app's options as picocli declares them: the launcher ({@code Main}) mixes them in so its
 * {@code --help} lists them and refuses a misspelt one. The app itself never reads these fields; it reads the
 * immutable {@link AppOptions} that {@link AppOptions#parse} makes from them once. Secrets come from environment
 * variables only: a token or password on the command line would show in every process listing.
 */
public final class ConnectOptions {

    public static final String TOKEN_ENV = "INCIDENT_CONSOLE_TOKEN";
    public static final String PASSWORD_ENV = "INCIDENT_CONSOLE_PASSWORD";

    // Strings, not URIs: picocli's URI conversion would echo a malformed address (and a password in it) in its
    // message; AppOptions checks each one with ServerAddress, which never does.
    @Option(names = "--server", paramLabel = "URL",
            description = "Mattermost server to connect to, e.g. https://chat.example.com; repeatable, one session "
                    + "per server (the window shows the first). Without it the app starts the embedded sandbox server.")
    List<String> servers = new ArrayList<>();

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

    @Option(names = "--library", paramLabel = "DIR",
            description = "Folder of the offline playbook library (Ctrl+Shift+P). Default: ~/incident-console/playbooks.")
    String library;
}
