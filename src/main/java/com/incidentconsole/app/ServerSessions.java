package com.incidentconsole.app;

import java.util.List;
import java.util.Optional;

/**
 * The sessions of one start, one per server, in the order the command line gave the servers (the sandbox's
 * alone when none was given). The window shows the {@link #first()}; everything that is about servers in
 * general (the playbook window's server list, signing in again, closing) goes through {@link #all()}.
 */
record ServerSessions(List<ServerSession> all) implements AutoCloseable {

    ServerSessions {
        all = List.copyOf(all);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("a start follows at least one server");
        }
    }

    /** The session the main window shows until the multi-server view exists. */
    ServerSession first() {
        return all.get(0);
    }

    Optional<ServerSession> find(String key) {
        return all.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    @Override
    public void close() {
        all.forEach(ServerSession::close);
    }
}
