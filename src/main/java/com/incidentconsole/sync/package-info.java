/**
 * The single source of truth the UI observes: runs, users and playbooks of a server, the connection
 * state, and every action the user took until the server confirms it. No JavaFX here: listeners
 * are called on the thread that changed the state, and the UI moves what it needs to its own thread.
 */
package com.incidentconsole.sync;
