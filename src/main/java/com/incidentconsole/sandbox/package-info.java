/**
 * The sandbox: an in-process Mattermost + Playbooks-plugin server (REST and WebSocket on one port
 * of 127.0.0.1) with seeded in-memory state and fault injection. It mirrors the real server as
 * {@code shared/reference/*.md} describes it and never imports the client or the UI.
 *
 * <p>Entry points: {@link com.incidentconsole.sandbox.SandboxServer#start} with
 * {@link com.incidentconsole.sandbox.SandboxOptions}; tests steer it through
 * {@link com.incidentconsole.sandbox.SandboxControl} (credentials, state views, faults, clock).
 * Sub-packages by concern: {@code http} routing, {@code ws} event hub, {@code runs} run logic,
 * {@code playbooks}, {@code chat} posts, {@code state}, {@code seed}, {@code fault}.
 */
package com.incidentconsole.sandbox;
