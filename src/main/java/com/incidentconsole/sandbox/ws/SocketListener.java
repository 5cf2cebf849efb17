package com.incidentconsole.sandbox.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.AppError;
import com.incidentconsole.wire.WebSocketRequest;
import com.incidentconsole.wire.WebSocketResponse;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One physical socket. Authenticates (upgrade header or {@code authentication_challenge}), then
 * routes client actions the way {@code websocket_router.go} does, including its odd corners:
 * a second challenge is ignored silently, a bad token closes the socket without a reply.
 */
public final class SocketListener implements Session.Listener.AutoDemanding {

    private static final long AUTH_TIMEOUT_SECONDS = 5;

    private final EventHub hub;
    private final ScheduledExecutorService timers;
    private final String upgradeUserId;
    private final String connectionId;
    private final long sequenceNumber;
    private volatile Session session;
    private volatile WsConnection connection;

    SocketListener(EventHub hub, ScheduledExecutorService timers, String upgradeUserId, String connectionId,
                   long sequenceNumber) {
        this.hub = hub;
        this.timers = timers;
        this.upgradeUserId = upgradeUserId;
        this.connectionId = connectionId;
        this.sequenceNumber = sequenceNumber;
    }

    @Override
    public void onWebSocketOpen(Session newSession) {
        this.session = newSession;
        if (upgradeUserId != null) {
            connection = hub.register(newSession, upgradeUserId, connectionId, sequenceNumber);
        } else {
            timers.schedule(() -> {
                if (connection == null && newSession.isOpen()) {
                    newSession.disconnect();
                }
            }, AUTH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Override
    public void onWebSocketText(String text) {
        WebSocketRequest request;
        try {
            request = hub.mapper().readValue(text, WebSocketRequest.class);
        } catch (Exception undecodable) {
            session.disconnect();
            return;
        }
        if (request.action().startsWith("custom_")) {
            return;
        }
        if (request.action().isEmpty()) {
            fail(request, "api.web_socket_router.no_action.app_error", "No websocket action.", 400);
        } else if (request.seq() <= 0) {
            fail(request, "api.web_socket_router.bad_seq.app_error", "Invalid sequence for websocket message.", 400);
        } else if (WebSocketRequest.AUTHENTICATION_CHALLENGE.equals(request.action())) {
            authenticate(request);
        } else if (connection == null) {
            fail(request, "api.web_socket_router.not_authenticated.app_error",
                    "Not authenticated. Please use an authentication_challenge action.", 401);
        } else {
            perform(request);
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        WsConnection conn = connection;
        if (conn != null) {
            hub.unregister(conn, session);
        }
    }

    /**
     * The real server decodes binary frames as msgpack; the sandbox does not, and treats them like an
     * undecodable frame (closes the socket), so a client relying on msgpack fails loudly here.
     */
    @Override
    public void onWebSocketBinary(java.nio.ByteBuffer payload, org.eclipse.jetty.websocket.api.Callback callback) {
        callback.succeed();
        session.disconnect();
    }

    @Override
    public void onWebSocketPong(java.nio.ByteBuffer payload) {
        WsConnection conn = connection;
        if (conn != null) {
            conn.pong();
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // A reset by the peer is normal for tests that kill clients; onWebSocketClose follows.
    }

    private void authenticate(WebSocketRequest request) {
        if (connection != null) {
            return;
        }
        JsonNode token = request.data() == null ? null : request.data().get("token");
        String userId = token != null && token.isTextual() ? hub.userForToken(token.asText()) : null;
        if (userId == null) {
            session.disconnect();
            return;
        }
        // Challenge-only sockets cannot resume (§1.7 step 2): always a fresh connection.
        connection = hub.register(session, userId, "", 0);
        send(new WebSocketResponse(WebSocketResponse.OK, request.seq(), null, null));
    }

    private void perform(WebSocketRequest request) {
        switch (request.action()) {
            case WebSocketRequest.PING -> {
                ObjectNode pong = hub.mapper().createObjectNode();
                pong.put("text", "pong");
                pong.put("version", hub.currentVersion());
                pong.put("server_time", hub.now());
                pong.put("node_id", "");
                send(new WebSocketResponse(WebSocketResponse.OK, request.seq(), pong, null));
            }
            case "get_statuses", "get_statuses_by_ids" ->
                    send(new WebSocketResponse(WebSocketResponse.OK, request.seq(), hub.mapper().createObjectNode(),
                            null));
            case "user_typing", "user_update_active_status", "presence", "posted_notify_ack" ->
                    send(new WebSocketResponse(WebSocketResponse.OK, request.seq(), null, null));
            default -> fail(request, "api.web_socket_router.bad_action.app_error", "Invalid websocket action.", 500);
        }
    }

    private void fail(WebSocketRequest request, String id, String message, int status) {
        send(new WebSocketResponse(WebSocketResponse.FAIL, request.seq() > 0 ? request.seq() : null, null,
                new AppError(id, message, "", "", status)));
    }

    private void send(WebSocketResponse response) {
        try {
            // Go's json.Encoder ends every frame with a newline; clients must tolerate it, so the sandbox sends it too.
            String text = hub.mapper().writeValueAsString(response) + "\n";
            WsConnection conn = connection;
            if (conn != null) {
                conn.reply(text);
            } else {
                session.sendText(text, org.eclipse.jetty.websocket.api.Callback.NOOP);
            }
        } catch (Exception e) {
            session.disconnect();
        }
    }
}
