/**
 * The local, crash-safe store: the last known server state (so the app opens instantly and works
 * offline) and the outbox of user actions not yet confirmed by the server. One SQLite file in WAL
 * mode; the outbox commits with {@code synchronous=FULL} because an action shown as accepted must
 * survive a power cut (docs/adr/0005).
 */
package com.incidentconsole.sync.store;
