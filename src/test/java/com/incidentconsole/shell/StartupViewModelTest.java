package com.incidentconsole.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.sync.ConnectionState;
import com.incidentconsole.sync.ConnectionStatus;
import java.net.ConnectException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StartupViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final StartupViewModel model = new StartupViewModel(ResourceBundle.getBundle("i18n.messages"), now::get,
            ZoneOffset.UTC);

    @Test
    void aFailedStartSaysWhatFailedWhyAndWhatToDo() {
        model.failed(new CompletionException(new ConnectException("Connection refused: chat.example.com:443")));

        assertTrue(model.failedProperty().get());
        assertEquals("Could not connect", model.headlineProperty().get());
        String detail = model.detailProperty().get();
        assertTrue(detail.contains("What failed: connecting to the server"), detail);
        assertTrue(detail.contains("Why: Connection refused: chat.example.com:443"), detail);
        assertTrue(detail.contains("What to do:"), detail);
    }

    @Test
    void anUnreachableServerWithNothingCachedIsRetriedVisibly() {
        model.connectionChanged(new ConnectionStatus(ConnectionState.RECONNECTING, Optional.of(NOW.plusSeconds(6)),
                "GET /api/v4/users/me: cannot connect to chat.example.com:443 (refused or unreachable)"));

        assertEquals("Waiting for the server", model.headlineProperty().get());
        assertTrue(model.waitingProperty().get(), "the user can quit while it waits");
        assertFalse(model.failedProperty().get(), "not a failure: it keeps trying");
        assertTrue(model.detailProperty().get().startsWith("Offline — retrying in 6 s."), model.detailProperty().get());
        assertTrue(model.detailProperty().get().endsWith("Why: GET /api/v4/users/me: cannot connect to "
                + "chat.example.com:443 (refused or unreachable)"), model.detailProperty().get());
        now.set(NOW.plusSeconds(2));
        model.tick();
        assertTrue(model.detailProperty().get().startsWith("Offline — retrying in 4 s."), model.detailProperty().get());

        model.connectionChanged(ConnectionStatus.of(ConnectionState.SYNCING));
        assertEquals("Connecting…", model.headlineProperty().get());
        assertFalse(model.waitingProperty().get());
    }
}
