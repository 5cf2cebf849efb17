package com.incidentconsole.statusupdate;

import com.incidentconsole.wire.StatusPostComplete;
import java.util.List;

/**
 * What the status-updates view reads from the server: the run's status posts with their text (the run itself holds
 * only their ids, {@code status_posts}) and channel names for the broadcast line. Blocking; called off the FX thread.
 * Throws the client's typed errors, or {@link Offline} when there is no server to ask.
 */
public interface StatusServer {

    /** Newest first ({@code GET /runs/{id}/status-updates}). */
    List<StatusPostComplete> statusUpdates(String runId);

    /** The channel's display name ({@code GET /api/v4/channels/{id}}). */
    String channelName(String channelId);

    /** No connection to ask. */
    final class Offline extends RuntimeException {
        public Offline() {
            super("not connected to the server");
        }
    }

    /** No server at all (tests of other views, a workspace without a connection). */
    static StatusServer none() {
        return new StatusServer() {
            @Override
            public List<StatusPostComplete> statusUpdates(String runId) {
                throw new Offline();
            }

            @Override
            public String channelName(String channelId) {
                throw new Offline();
            }
        };
    }
}
