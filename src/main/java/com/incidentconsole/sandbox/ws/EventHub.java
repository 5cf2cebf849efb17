package com.incidentconsole.sandbox.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidentconsole.sandbox.fault.FaultPlan;
import com.incidentconsole.sandbox.kernel.SandboxClock;
import com.incidentconsole.sandbox.state.IdSource;
import com.incidentconsole.wire.Broadcast;
import com.incidentconsole.wire.HelloData;
import com.incidentconsole.wire.PluginEvents;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The sandbox's version of Mattermost's web hub: knows every connection (live or waiting to be
 * resumed), numbers and delivers events per connection, filters recipients like
 * {@code WebConn.ShouldSendEvent}. Callers publish while holding the state lock, which gives all
 * events one order; the hub's own monitor is always taken after that lock, never before it.
 */
public final class EventHub {

    /** Disconnected connections stay resumable this long (Mattermost's inactive-conn reaper). */
    static final long RESUME_WINDOW_MILLIS = 5 * 60 * 1000;

    private final ObjectMapper mapper;
    private final Audience audience;
    private final FaultPlan faults;
    private final IdSource ids;
    private final SandboxClock clock;
    private final String serverVersion;
    private final String currentVersion;
    private final Map<String, WsConnection> connections = new LinkedHashMap<>();

    public EventHub(ObjectMapper mapper, Audience audience, FaultPlan faults, IdSource ids, SandboxClock clock,
                    String serverVersion, String currentVersion) {
        this.mapper = mapper;
        this.audience = audience;
        this.faults = faults;
        this.ids = ids;
        this.clock = clock;
        this.serverVersion = serverVersion;
        this.currentVersion = currentVersion;
    }

    /**
     * Sends {@code event} to every connection the broadcast selects (mattermost-core.md §1.9), live or
     * waiting to be resumed: the real hub iterates every indexed conn, inactive ones included, and
     * decides the audience now, at publish time ({@code web_hub.go} {@code Hub.Start} broadcast case,
     * {@code WebConn.ShouldSendEvent}). A connection whose send queue is full is closed and removed,
     * so a later resume of it gets a new connection id and a hello ({@code closeAndRemoveConn}).
     */
    public synchronized void publish(String event, JsonNode data, Broadcast broadcast) {
        String head = "{\"event\":" + json(event) + ",\"data\":" + json(data) + ",\"broadcast\":" + json(broadcast)
                + ",\"seq\":";
        var it = connections.values().iterator();
        while (it.hasNext()) {
            WsConnection conn = it.next();
            if (selects(broadcast, conn) && !conn.send(seq -> head + seq + "}\n", faults)) {
                conn.closeSocket(1001, "sandbox: send queue full");
                it.remove();
            }
        }
    }

    /** Number of live sockets; lets tests wait until a client is registered. */
    public synchronized int liveConnections() {
        return (int) connections.values().stream().filter(WsConnection::isActive).count();
    }

    /** Closes every live socket as a server restart would (clients see 1001). */
    public synchronized void dropAll() {
        connections.values().forEach(c -> c.closeSocket(1001, "sandbox: connections dropped"));
    }

    synchronized WsConnection register(Session session, String userId, String connectionId, long sequenceNumber) {
        reapInactive();
        WsConnection old = connectionId.isEmpty() ? null : connections.get(connectionId);
        if (old == null || old.isActive() || !old.userId().equals(userId)) {
            WsConnection fresh = new WsConnection(newId(), userId);
            connections.put(fresh.id(), fresh);
            fresh.attach(session);
            sendHello(fresh);
            return fresh;
        }
        old.attach(session);
        if (!old.resumeFrom(sequenceNumber)) {
            connections.remove(old.id());
            old.renew(newId());
            connections.put(old.id(), old);
            sendHello(old);
        }
        // writePump: dead-queue replay (or the new hello) first, then whatever waited in wc.send.
        old.drainQueued(faults);
        return old;
    }

    synchronized void unregister(WsConnection conn, Session session) {
        conn.detach(session, clock.millis());
    }

    /** Called every 60 s (Mattermost's pingInterval); sockets silent for 100 s are dropped. */
    public synchronized void pingAll() {
        long pongWait = java.util.concurrent.TimeUnit.SECONDS.toNanos(100);
        connections.values().forEach(c -> c.ping(pongWait));
    }

    String userForToken(String token) {
        return token == null || token.isEmpty() ? null : audience.userForToken(token);
    }

    /** The short version ({@code 11.9.0}) that the {@code ping} reply carries, unlike hello's long one. */
    String currentVersion() {
        return currentVersion;
    }

    long now() {
        return clock.millis();
    }

    ObjectMapper mapper() {
        return mapper;
    }

    private void sendHello(WsConnection conn) {
        JsonNode data = mapper.valueToTree(new HelloData(serverVersion, conn.id(), "sandbox"));
        String head = "{\"event\":\"" + PluginEvents.HELLO + "\",\"data\":" + json(data) + ",\"broadcast\":"
                + json(Broadcast.toUser(conn.userId())) + ",\"seq\":";
        conn.send(seq -> head + seq + "}\n", faults);
    }

    private boolean selects(Broadcast b, WsConnection conn) {
        if (!b.connectionId().isEmpty()) {
            return b.connectionId().equals(conn.id());
        }
        if (conn.id().equals(b.omitConnectionId())) {
            return false;
        }
        if (!b.userId().isEmpty()) {
            return b.userId().equals(conn.userId());
        }
        if (b.omitUsers() != null && Boolean.TRUE.equals(b.omitUsers().get(conn.userId()))) {
            return false;
        }
        if (!b.channelId().isEmpty()) {
            return audience.inChannel(b.channelId(), conn.userId());
        }
        if (!b.teamId().isEmpty()) {
            return audience.inTeam(b.teamId(), conn.userId());
        }
        return true;
    }

    private void reapInactive() {
        long now = clock.millis();
        List<String> expired = new ArrayList<>();
        connections.forEach((id, c) -> {
            if (!c.isActive() && now - c.inactiveSince() > RESUME_WINDOW_MILLIS) {
                expired.add(id);
            }
        });
        expired.forEach(connections::remove);
    }

    private String newId() {
        synchronized (ids) {
            return ids.next();
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
