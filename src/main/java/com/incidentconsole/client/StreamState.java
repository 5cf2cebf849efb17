package com.incidentconsole.client;

/** Where an {@link EventStream} is in its life; {@code LIVE} only once the server confirmed the connection. */
public enum StreamState { CONNECTING, LIVE, RECONNECTING, CLOSED }
