package com.incidentconsole.wire;

/** The {@code data} of the {@code hello} event (seq 0 of a fresh connection). {@code server_hostname} is optional. */
public record HelloData(String serverVersion, String connectionId, String serverHostname) {

    public HelloData {
        serverVersion = Lists.text(serverVersion);
        connectionId = Lists.text(connectionId);
        serverHostname = Lists.text(serverHostname);
    }
}
