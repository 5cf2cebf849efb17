package com.incidentconsole.alerts.dbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.alerts.Alert;
import com.incidentconsole.alerts.AlertKind;
import com.incidentconsole.alerts.Notice;
import com.incidentconsole.dbustest.PrivateBus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop notifier against a private session bus (its own dbus-daemon, as in {@code OsKeyringTest}) with a
 * fake notification service on it: what reaches the service, and that choosing "Open run" there opens the run.
 */
class FreedesktopNotifierTest {


    @TempDir
    Path dir;

    private PrivateBus daemon;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    private static Notice notice(AlertKind kind, String runId, boolean sound) {
        return new Notice(new Alert(kind, runId, "Run " + runId, "", "bob", Optional.empty(), Instant.EPOCH, 1),
                "Status update overdue", "Run " + runId + ": the update was due at 09:15.", sound);
    }

    @Test
    void aNoticeReachesTheServiceWithAnOpenActionAndChoosingItOpensTheRun() throws Exception {
        daemon = PrivateBus.start(dir);
        String address = daemon.address();
        FakeService fake = register(address, List.of("actions", "body", "sound"));
        BlockingQueue<String> opened = new LinkedBlockingQueue<>();
        FreedesktopNotifier.Connected connected = FreedesktopNotifier.connect(address, "Open run", opened::add);
        FreedesktopNotifier notifier = connected.notifier().orElseThrow(() -> new AssertionError(connected.why()));
        closing.add(notifier);
        assertTrue(notifier.hasActions());

        notifier.show(notice(AlertKind.OVERDUE, "run-7", true));
        FakeService.Call call = fake.calls.poll(5, TimeUnit.SECONDS);
        assertEquals("Incident Console", call.appName());
        assertEquals("Status update overdue", call.summary());
        assertEquals("Run run-7: the update was due at 09:15.", call.body());
        assertEquals(List.of("default", "Open run", "open", "Open run"), call.actions());
        assertEquals((byte) 2, call.hints().get("urgency").getValue(), "overdue is critical: it stays until seen");
        assertEquals(false, call.hints().get("suppress-sound").getValue());

        fake.invoke(call.id(), "open");
        assertEquals("run-7", opened.poll(5, TimeUnit.SECONDS));
        fake.invoke(999, "open");
        assertEquals(null, opened.poll(200, TimeUnit.MILLISECONDS), "someone else's notification opens nothing");
    }

    @Test
    void aServiceWithoutActionsGetsNoneAndAQuietNoticeSuppressesTheSound() throws Exception {
        daemon = PrivateBus.start(dir);
        String address = daemon.address();
        FakeService fake = register(address, List.of("body"));
        FreedesktopNotifier notifier = FreedesktopNotifier.connect(address, "Open run", id -> { }).notifier().orElseThrow();
        closing.add(notifier);
        assertFalse(notifier.hasActions());
        notifier.show(notice(AlertKind.TASK_ASSIGNED, "run-1", false));
        FakeService.Call call = fake.calls.poll(5, TimeUnit.SECONDS);
        assertEquals(List.of(), call.actions());
        assertEquals((byte) 1, call.hints().get("urgency").getValue());
        assertEquals(true, call.hints().get("suppress-sound").getValue());
    }

    @Test
    void withoutABusOrAServiceThereIsNoDesktopNotifierAndTheReasonSaysWhy() throws Exception {
        assertEquals("no D-Bus session bus", FreedesktopNotifier.connect(null, "Open run", id -> { }).why());
        daemon = PrivateBus.start(dir);
        String address = daemon.address();
        FreedesktopNotifier.Connected none = FreedesktopNotifier.connect(address, "Open run", id -> { });
        assertTrue(none.notifier().isEmpty());
        assertEquals("no notification service on the session bus", none.why());
    }

    private FakeService register(String address, List<String> capabilities) throws Exception {
        DBusConnection connection = DBusConnectionBuilder.forAddress(address).withShared(false).build();
        closing.add(connection::disconnect);
        FakeService fake = new FakeService(connection, capabilities);
        connection.exportObject(NotificationsBus.PATH, fake);
        connection.requestBusName(NotificationsBus.NAME);
        return fake;
    }

    /** A notification daemon that records every Notify and can say an action was chosen. */
    static final class FakeService implements NotificationsBus {

        record Call(long id, String appName, String summary, String body, List<String> actions,
                Map<String, Variant<?>> hints) {
        }

        final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
        private final DBusConnection connection;
        private final List<String> capabilities;
        private long next = 41;

        FakeService(DBusConnection connection, List<String> capabilities) {
            this.connection = connection;
            this.capabilities = capabilities;
        }

        @Override
        public synchronized UInt32 show(String appName, UInt32 replacesId, String appIcon, String summary, String body,
                List<String> actions, Map<String, Variant<?>> hints, int expireTimeout) {
            long id = ++next;
            calls.add(new Call(id, appName, summary, body, List.copyOf(actions), Map.copyOf(hints)));
            return new UInt32(id);
        }

        @Override
        public List<String> capabilities() {
            return capabilities;
        }

        void invoke(long id, String action) throws Exception {
            connection.sendMessage(new NotificationsBus.ActionInvoked(NotificationsBus.PATH, new UInt32(id), action));
        }

        @Override
        public String getObjectPath() {
            return NotificationsBus.PATH;
        }
    }
}
