/**
 * The client room: everything that talks to a Mattermost server with the Playbooks plugin.
 *
 * <p>{@link com.incidentconsole.client.MattermostConnection} signs in and hands out one blocking API
 * per area ({@code runs()}, {@code checklists()}, ...); every call returns wire records or throws a
 * {@link com.incidentconsole.client.ClientException}: {@link com.incidentconsole.client.ServerError}
 * when the server answered, {@link com.incidentconsole.client.TransportError} when it did not.
 * Callers run these calls off the UI thread.
 *
 * <p>{@link com.incidentconsole.client.EventStream} delivers server events in {@code seq} order on its
 * own thread. Resync contract: on {@code onHello(..., true)} state may have been missed, refetch. A
 * resume ({@code false}) recovers events that were in flight, but Mattermost does not queue events
 * for a disconnected client, so after any reconnect a cheap {@code RunQuery.since(lastSeen)} sync is
 * still wise (the webapp refetches on every reconnect).
 *
 * <p>OkHttp and Java-WebSocket are used only here and never appear in a public signature.
 */
package com.incidentconsole.client;
