package com.incidentconsole.playbook.editor;

import com.incidentconsole.playbook.library.sync.PlaybookRemote;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The servers the playbook window may pull from and push to, handed in by the app (its signed-in connection).
 * Asked again at every use rather than captured once: the app may still be connecting, or start offline and
 * connect later, and the window must follow without being reopened.
 */
@FunctionalInterface
public interface PlaybookServers {

    /** The servers usable now; empty when not connected (pull and push then say so instead of failing). */
    List<Server> current();

    /** No server: offline editing only. */
    static PlaybookServers none() {
        return List::of;
    }

    /**
     * One server.
     *
     * @param label what the window calls it ("Sandbox", the host)
     * @param serverUrl its site URL as library links record it
     * @param remote the server calls; may be invoked on any background thread, once per operation
     */
    record Server(String label, String serverUrl, Supplier<PlaybookRemote> remote) {

        public Server {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(serverUrl, "serverUrl");
            Objects.requireNonNull(remote, "remote");
        }
    }
}
