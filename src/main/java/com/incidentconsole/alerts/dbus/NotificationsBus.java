package com.incidentconsole.alerts.dbus;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.DBusMemberName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * The part of the Desktop Notifications Specification 1.2 the console uses
 * ({@code org.freedesktop.Notifications} at {@code /org/freedesktop/Notifications}). Java names differ from the
 * bus's where the bus's would clash with {@code Object.notify}.
 */
@DBusInterfaceName(NotificationsBus.NAME)
public interface NotificationsBus extends DBusInterface {

    String NAME = "org.freedesktop.Notifications";
    String PATH = "/org/freedesktop/Notifications";

    /** {@code Notify(s app_name, u replaces_id, s app_icon, s summary, s body, as actions, a{sv} hints, i expire_timeout)}. */
    @DBusMemberName("Notify")
    UInt32 show(String appName, UInt32 replacesId, String appIcon, String summary, String body, List<String> actions,
            Map<String, Variant<?>> hints, int expireTimeout);

    /** What the server can do: {@code actions}, {@code body}, {@code sound}, … */
    @DBusMemberName("GetCapabilities")
    List<String> capabilities();

    /** The user chose an action of a notification (or clicked it: the {@code default} action). */
    @DBusMemberName("ActionInvoked")
    class ActionInvoked extends DBusSignal {
        private final UInt32 id;
        private final String actionKey;

        public ActionInvoked(String path, UInt32 id, String actionKey) throws DBusException {
            super(path, id, actionKey);
            this.id = id;
            this.actionKey = actionKey;
        }

        public long id() {
            return id.longValue();
        }

        public String actionKey() {
            return actionKey;
        }
    }

    /** A notification went away (expired, dismissed, closed); its id will not be used again. */
    @DBusMemberName("NotificationClosed")
    class NotificationClosed extends DBusSignal {
        private final UInt32 id;

        public NotificationClosed(String path, UInt32 id, UInt32 reason) throws DBusException {
            super(path, id, reason);
            this.id = id;
        }

        public long id() {
            return id.longValue();
        }
    }
}
