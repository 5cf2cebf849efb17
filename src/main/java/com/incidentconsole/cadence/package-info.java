/**
 * When a run's next status update is due, as the Playbooks server computes it: the countdown of the runs list and
 * the run detail, the overdue rule of notifications, the reminder presets of the status editor. Headless (no
 * JavaFX, no network); the words are the UI's, the arithmetic and its rules are here (ADR 0027).
 */
package com.incidentconsole.cadence;
