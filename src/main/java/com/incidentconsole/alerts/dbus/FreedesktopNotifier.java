package com.incidentconsole.alerts.dbus;

import com.incidentconsole.alerts.AlertKind;
import com.incidentconsole.alerts.Notice;
import com.incidentconsole.alerts.Notifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * Desktop notifications on Linux through the freedesktop notification service on the session bus: GNOME Shell,
 * KDE Plasma, dunst, mako, xfce4-notifyd all provide it. When the service lists the {@code actions} capability,
 * each notification carries "Open run" (and a click, the {@code default} action, does the same); the
 * {@code ActionInvoked} signal then opens the run through {@code openRun}. Overdue and requested updates are sent
 * with critical urgency, so they stay until seen. Without a bus or a service it is {@linkplain #connect absent},
 * and the in-app notification stands alone.
 */
public final class FreedesktopNotifier implements Notifier {

    private static final Logger LOG = Logger.getLogger(FreedesktopNotifier.class.getName());
    static final String OPEN = "open";
    private static final String APP = "Incident Console";

    private final DBusConnection bus;
    private final NotificationsBus service;
    private final boolean actions;
    private final String openLabel;
    private final Map<Long, String> runOfNotification = new ConcurrentHashMap<>();
    private final List<AutoCloseable> handlers = new ArrayList<>();

    private FreedesktopNotifier(DBusConnection bus, NotificationsBus service, List<String> capabilities,
            String openLabel, Consumer<String> openRun) throws Exception {
        this.bus = bus;
        this.service = service;
        this.actions = capabilities.contains("actions");
        this.openLabel = openLabel;
        handlers.add(bus.addSigHandler(NotificationsBus.ActionInvoked.class, signal -> {
            String runId = runOfNotification.get(signal.id());
            if (runId != null && (OPEN.equals(signal.actionKey()) || "default".equals(signal.actionKey()))) {
                openRun.accept(runId);
            }
        }));
        handlers.add(bus.addSigHandler(NotificationsBus.NotificationClosed.class,
                signal -> runOfNotification.remove(signal.id())));
    }

    /** What connecting gave: the notifier, or why there is none (said once in the history panel). */
    public record Connected(Optional<FreedesktopNotifier> notifier, String why) {
    }

    /**
     * Connects to the session bus at {@code busAddress} and asks the service for its capabilities (which starts
     * a D-Bus-activated service). Blocks: call it off the FX thread.
     *
     * @param openLabel the "Open run" action's label, in the user's language
     * @param openRun called with a run id, on a D-Bus thread, when the user chose to open it
     */
    public static Connected connect(String busAddress, String openLabel, Consumer<String> openRun) {
        if (busAddress == null || busAddress.isBlank()) {
            return new Connected(Optional.empty(), "no D-Bus session bus");
        }
        DBusConnection bus = null;
        try {
            bus = DBusConnectionBuilder.forAddress(busAddress).withShared(false).build();
            NotificationsBus service = bus.getRemoteObject(NotificationsBus.NAME, NotificationsBus.PATH,
                    NotificationsBus.class);
            List<String> capabilities = List.copyOf(service.capabilities());
            return new Connected(Optional.of(new FreedesktopNotifier(bus, service, capabilities, openLabel, openRun)),
                    capabilities.contains("actions") ? "with an Open run action" : "without actions (the service has none)");
        } catch (Exception e) {
            // DBusException, DBusExecutionException (no service: ServiceUnknown), or a bus that is not a bus.
            if (bus != null) {
                bus.disconnect();
            }
            LOG.log(Level.INFO, "No desktop notification service: " + e.getClass().getSimpleName());
            return new Connected(Optional.empty(), "no notification service on the session bus");
        }
    }

    public boolean hasActions() {
        return actions;
    }

    @Override
    public void show(Notice notice) {
        List<String> actionList = actions ? List.of("default", openLabel, OPEN, openLabel) : List.of();
        Map<String, Variant<?>> hints = new HashMap<>();
        AlertKind kind = notice.alert().kind();
        boolean urgent = kind == AlertKind.OVERDUE || kind == AlertKind.UPDATE_REQUESTED;
        hints.put("urgency", new Variant<>((byte) (urgent ? 2 : 1)));
        hints.put("category", new Variant<>("im.received"));
        hints.put("suppress-sound", new Variant<>(!notice.sound()));
        if (notice.sound()) {
            hints.put("sound-name", new Variant<>(urgent ? "dialog-warning" : "message-new-instant"));
        }
        try {
            UInt32 id = service.show(APP, new UInt32(0), "", notice.title(), notice.body(), actionList, hints, -1);
            runOfNotification.put(id.longValue(), notice.runId());
        } catch (RuntimeException e) {
            // The service went away (its daemon was restarted): the in-app notice still shows.
            LOG.log(Level.WARNING, "The desktop notification service did not take a notification: "
                    + e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        for (AutoCloseable handler : handlers) {
            try {
                handler.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "Could not remove a D-Bus signal handler", e);
            }
        }
        bus.disconnect();
    }
}
