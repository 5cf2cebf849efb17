package com.incidentconsole.sync;

import com.incidentconsole.wire.Team;
import com.incidentconsole.wire.User;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything the UI needs about one server: who is signed in, the stores it observes, the commands
 * it sends, and the connection state.
 */
public interface Workspace {

    /** A short label for the server: its host, or "Sandbox". */
    String serverLabel();

    /** True for the embedded sandbox server, so the window can say so clearly. */
    boolean isSandbox();

    User me();

    List<Team> teams();

    RunStore runs();

    UserDirectory users();

    PlaybookDirectory playbooks();

    PendingActions pending();

    RunCommands commands();

    ConnectionStatus connection();

    Subscription subscribeConnection(Consumer<ConnectionStatus> listener);

    /**
     * Try now instead of waiting out the backoff: reconnect, sign in, send what waits. Returns at once; the
     * connection status tells what came of it. Nothing to do for a workspace that never waits.
     */
    default void retryNow() {
    }
}
