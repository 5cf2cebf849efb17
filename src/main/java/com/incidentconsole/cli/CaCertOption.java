package com.incidentconsole.cli;

import com.incidentconsole.client.ServerTrust;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --ca-cert FILE} for every command that talks to a server: the system's CAs plus these, never instead. */
public final class CaCertOption {

    @Option(names = "--ca-cert", paramLabel = "FILE",
            description = "Also trust this certificate authority (PEM), e.g. your organisation's own; repeatable. "
                    + "The system's authorities stay trusted and host names are still checked.")
    private List<Path> files = new ArrayList<>();

    /** @throws com.incidentconsole.client.CaCertificateException naming the file that cannot be used */
    ServerTrust trust() {
        return ServerTrust.withAddedAuthorities(files);
    }
}
