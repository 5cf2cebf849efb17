/** The Linux desktop notifier: the freedesktop notification service over the D-Bus session bus (docs/adr/0028). */
package com.incidentconsole.alerts.dbus;
