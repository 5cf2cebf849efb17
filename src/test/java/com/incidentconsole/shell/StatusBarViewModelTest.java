package com.incidentconsole.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.incidentconsole.sync.ConnectionState;
import com.incidentconsole.sync.ConnectionStatus;
import com.incidentconsole.sync.PendingActions;
import com.incidentconsole.uitest.TestWorkspace;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StatusBarViewModelTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(TestWorkspace.NOW);
    private final StatusBarViewModel model = new StatusBarViewModel(ResourceBundle.getBundle("i18n.messages"),
            new PendingActions(), now::get, "chat.example.com", false, "Alice Archer");

    @Test
    void theConnectionIsDescribedInWords() {
        assertEquals("Connecting…", model.connectionProperty().get());
        model.connectionChanged(List.of(ConnectionStatus.of(ConnectionState.SYNCING), ConnectionStatus.of(ConnectionState.LIVE)));
        assertEquals("Live", model.connectionProperty().get(), "only the last status of a batch counts");
        model.connectionChanged(List.of(new ConnectionStatus(ConnectionState.OFFLINE, Optional.empty(), "token rejected")));
        assertEquals("Offline — token rejected", model.connectionProperty().get());
    }

    @Test
    void theReconnectCountdownTicks() {
        model.connectionChanged(List.of(new ConnectionStatus(ConnectionState.RECONNECTING,
                Optional.of(TestWorkspace.NOW.plusSeconds(4)), "connection refused")));
        assertEquals("Reconnecting in 4 s", model.connectionProperty().get());
        now.set(TestWorkspace.NOW.plusMillis(1500));
        model.tick();
        assertEquals("Reconnecting in 3 s", model.connectionProperty().get());
    }

    @Test
    void noPendingActionsIsSaidPlainly() {
        assertEquals("No pending actions", model.actionsProperty().get());
        assertEquals(0, model.failedCountProperty().get());
    }
}
