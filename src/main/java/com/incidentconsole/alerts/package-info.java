/**
 * Which changes deserve a notification, decided headlessly (docs/adr/0028): the rules read the run store's
 * changes, the signed-in user and a clock, debounce bursts, respect the user's settings and do-not-disturb,
 * keep a history, and hand the result to a {@link com.incidentconsole.alerts.Notifier}. No JavaFX here: the
 * in-app and desktop notifiers live in {@code alertsview} and {@code alerts.dbus}.
 */
package com.incidentconsole.alerts;
