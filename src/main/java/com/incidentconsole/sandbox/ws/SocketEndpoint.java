package com.incidentconsole.sandbox.ws;

import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/**
 * Accepts upgrades on {@code /api/v4/websocket}. Like Mattermost, authentication is optional at
 * upgrade time; a resume needs an authenticated upgrade and a valid {@code sequence_number}.
 */
public final class SocketEndpoint implements WebSocketCreator {

    public static final String PATH = "/api/v4/websocket";

    private final EventHub hub;
    private final ScheduledExecutorService timers;

    public SocketEndpoint(EventHub hub, ScheduledExecutorService timers) {
        this.hub = hub;
        this.timers = timers;
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response,
                                  org.eclipse.jetty.util.Callback callback) {
        Fields query = Request.extractQueryParameters(request);
        String userId = hub.userForToken(bearer(request.getHeaders().get("Authorization")));
        String connectionId = userId == null ? "" : value(query, "connection_id");
        long sequence = 0;
        boolean invalidResume = false;
        if (!connectionId.isEmpty()) {
            try {
                sequence = Long.parseLong(value(query, "sequence_number"));
                invalidResume = sequence < 0 || !com.incidentconsole.sandbox.state.IdSource.isValid(connectionId);
            } catch (NumberFormatException missing) {
                invalidResume = true;
            }
        }
        if (invalidResume) {
            return new RejectingListener();
        }
        return new SocketListener(hub, timers, userId, connectionId, sequence);
    }

    private static String value(Fields query, String name) {
        String v = query.getValue(name);
        return v == null ? "" : v;
    }

    static String bearer(String header) {
        if (header == null) {
            return null;
        }
        if (header.length() > 7 && header.substring(0, 6).equalsIgnoreCase("bearer")) {
            return header.substring(7).trim();
        }
        if (header.length() > 6 && header.substring(0, 5).equalsIgnoreCase("token")) {
            return header.substring(6).trim();
        }
        return null;
    }

    /** Mattermost upgrades first and closes right after when the resume parameters are unusable. */
    public static final class RejectingListener implements org.eclipse.jetty.websocket.api.Session.Listener.AutoDemanding {
        @Override
        public void onWebSocketOpen(org.eclipse.jetty.websocket.api.Session session) {
            session.close(1008, "sequence number not present", org.eclipse.jetty.websocket.api.Callback.NOOP);
        }
    }
}
