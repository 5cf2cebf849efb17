package com.incidentconsole.app;

import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.playbook.editor.PlaybookEditorUi;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The desktop app's command line, parsed once at start into a value every part reads and none can change.
 *
 * @param servers     every {@code --server}, normalised, in the order given, no two the same; empty: the sandbox
 * @param login       {@code --login}: the user to sign in as (password or stored token)
 * @param caCerts     {@code --ca-cert} files trusted besides the system's authorities
 * @param sandboxSeed seed of the embedded sandbox's data (used only without a server)
 * @param library     the offline playbook library's folder
 */
public record AppOptions(List<URI> servers, Optional<String> login, List<Path> caCerts, long sandboxSeed,
        Path library) {

    /** A command line the app cannot start with; the message says which argument and why, and never echoes a secret. */
    public static final class Invalid extends IllegalArgumentException {

        Invalid(String message) {
            super(message);
        }
    }

    public AppOptions {
        servers = List.copyOf(servers);
        Objects.requireNonNull(login, "login");
        caCerts = List.copyOf(caCerts);
        Objects.requireNonNull(library, "library");
    }

    /** True when no server was given: the app starts its own sandbox and follows that. */
    public boolean sandbox() {
        return servers.isEmpty();
    }

    /**
     * @throws Invalid for an unknown option, a missing or malformed value, a server address that is not http(s)
     *                 with a host, or one server given twice
     */
    public static AppOptions parse(List<String> args) {
        ConnectOptions given = new ConnectOptions();
        try {
            new CommandLine(given).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new Invalid(e.getMessage());
        }
        List<URI> servers = new ArrayList<>();
        for (String server : given.servers) {
            URI address;
            try {
                address = ServerAddress.of(server).baseUrl();
            } catch (IllegalArgumentException e) {
                throw new Invalid("--server: " + e.getMessage());
            }
            if (servers.contains(address)) {
                throw new Invalid("--server " + address + " is given twice; each server is one session");
            }
            servers.add(address);
        }
        Optional<String> login = Optional.ofNullable(given.login).map(String::strip);
        if (login.isPresent() && login.get().isEmpty()) {
            throw new Invalid("--login needs a username");
        }
        return new AppOptions(servers, login, given.caCerts, given.sandboxSeed, library(given.library));
    }

    private static Path library(String folder) {
        if (folder == null || folder.isBlank()) {
            return PlaybookEditorUi.defaultFolder();
        }
        try {
            return Path.of(folder);
        } catch (InvalidPathException e) {
            throw new Invalid("--library: not a folder name (" + e.getReason() + ")");
        }
    }
}
