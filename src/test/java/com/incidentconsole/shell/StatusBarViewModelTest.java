package com.incidentconsole.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.sync.ConnectionState;
import com.incidentconsole.sync.ConnectionStatus;
import com.incidentconsole.sync.LoadGap;
import com.incidentconsole.sync.PendingActions;
import com.incidentconsole.sync.SyncProgress;
import com.incidentconsole.uitest.TestWorkspace;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StatusBarViewModelTest {

    /** 04:00 UTC; data from 41 minutes earlier was saved at 03:19. */
    private static final Instant SAVED = TestWorkspace.NOW.minus(Duration.ofMinutes(41));

    private final AtomicReference<Instant> now = new AtomicReference<>(TestWorkspace.NOW);
    private final StatusBarViewModel model = new StatusBarViewModel(ResourceBundle.getBundle("i18n.messages"),
            new PendingActions(), now::get, ZoneOffset.UTC, "chat.example.com", false, "Alice Archer");

    @Test
    void theConnectionIsDescribedInWords() {
        assertEquals("Connecting…", model.connectionProperty().get());
        model.connectionChanged(List.of(ConnectionStatus.of(ConnectionState.SYNCING), ConnectionStatus.of(ConnectionState.LIVE)));
        assertEquals("Live", model.connectionProperty().get(), "only the last status of a batch counts");
        model.connectionChanged(List.of(new ConnectionStatus(ConnectionState.OFFLINE, Optional.empty(), "token rejected")));
        assertEquals("Offline — token rejected", model.connectionProperty().get());
    }

    @Test
    void theRetryCountdownTicks() {
        model.connectionChanged(List.of(new ConnectionStatus(ConnectionState.RECONNECTING,
                Optional.of(TestWorkspace.NOW.plusSeconds(4)), "connection refused")));
        assertEquals("Offline — retrying in 4 s", model.connectionProperty().get());
        assertEquals("Offline — retrying in 4 s\nconnection refused", model.connectionDetailProperty().get(),
                "the reason is one hover away");
        now.set(TestWorkspace.NOW.plusMillis(1500));
        model.tick();
        assertEquals("Offline — retrying in 3 s", model.connectionProperty().get());
    }

    @Test
    void dataFromTheCacheIsMarkedStaleWithItsAgeUntilTheServerConfirmsIt() {
        model.connectionChanged(List.of(ConnectionStatus.of(ConnectionState.CONNECTING).staleSince(SAVED)));
        assertEquals("Connecting… · showing data from 03:19 (41 min ago)", model.connectionProperty().get());
        assertTrue(model.staleProperty().get());
        assertEquals("Not confirmed by the server: showing data from 03:19 (41 min ago). What you do is kept in the "
                + "outbox and sent when the server answers.", model.staleNoticeProperty().get());

        model.connectionChanged(List.of(new ConnectionStatus(ConnectionState.RECONNECTING,
                Optional.of(TestWorkspace.NOW.plusSeconds(4)), "connection refused").staleSince(SAVED)));
        now.set(TestWorkspace.NOW.plus(Duration.ofMinutes(2)));
        model.tick();
        assertTrue(model.connectionProperty().get().endsWith("showing data from 03:19 (43 min ago)"),
                "the age keeps counting: " + model.connectionProperty().get());

        model.connectionChanged(List.of(ConnectionStatus.of(ConnectionState.LIVE)));
        assertEquals("Live", model.connectionProperty().get());
        assertFalse(model.staleProperty().get(), "a completed sync removes the mark");
        assertEquals("", model.staleNoticeProperty().get());
    }

    @Test
    void anIncompleteLoadSaysWhatIsMissingWhyAndWhenItIsTriedAgain() {
        LoadGap runs = new LoadGap(Optional.of(new SyncProgress(SyncProgress.Phase.RUNS, 400, 1240)), false, false,
                List.of(), false, 429, "Server refused (429): limit exceeded");
        model.connectionChanged(List.of(new ConnectionStatus(ConnectionState.INCOMPLETE,
                Optional.of(TestWorkspace.NOW.plusSeconds(8)), runs.reason()).withGap(Optional.of(runs))));
        String said = "Runs: 400 of 1,240 loaded — the server answered 429 (too many requests); retrying in 8 s";
        assertEquals(said, model.connectionProperty().get());
        assertEquals(said + ". Ctrl+Shift+R retries now.", model.loadNoticeProperty().get(), "for an empty list");

        LoadGap playbook = new LoadGap(Optional.empty(), false, true,
                List.of(new LoadGap.MissingPlaybook("pb1", "Checkout is down", 2)), false, 500, "Server refused (500)");
        model.connectionChanged(List.of(new ConnectionStatus(ConnectionState.INCOMPLETE,
                Optional.of(TestWorkspace.NOW.plusSeconds(3)), "").withGap(Optional.of(playbook)).staleSince(SAVED)));
        assertEquals("Playbook pb1 (of the run “Checkout is down”) could not be loaded — the server answered 500 "
                + "(server error); retrying in 3 s · showing data from 03:19 (41 min ago)", model.connectionProperty().get());
        assertTrue(model.staleNoticeProperty().get().contains("Playbook pb1 (of the run “Checkout is down”) could not "
                + "be loaded"), "the banner says it too: " + model.staleNoticeProperty().get());

        model.connectionChanged(List.of(ConnectionStatus.of(ConnectionState.LIVE)));
        assertEquals("", model.loadNoticeProperty().get());
    }

    @Test
    void dataOlderThanADaySaysWhichDay() {
        model.connectionChanged(List.of(new ConnectionStatus(ConnectionState.RECONNECTING, Optional.empty(), "")
                .staleSince(TestWorkspace.NOW.minus(Duration.ofDays(2)).minus(Duration.ofMinutes(48)))));
        assertEquals("Offline — retrying… · showing data from 21 Nov 03:12 (2 d ago)", model.connectionProperty().get());
    }

    @Test
    void aSyncShowsHowFarItHasCome() {
        ConnectionStatus syncing = ConnectionStatus.of(ConnectionState.SYNCING);
        model.connectionChanged(List.of(syncing.withProgress(new SyncProgress(SyncProgress.Phase.RUNS, 400, 1240))));
        assertEquals("Syncing runs 400 / 1,240", model.connectionProperty().get());
        assertTrue(model.syncingProperty().get());
        assertEquals(400.0 / 1240, model.syncProgressProperty().get(), 1e-9);

        model.connectionChanged(List.of(syncing.withProgress(new SyncProgress(SyncProgress.Phase.USERS, 1400, 0))));
        assertEquals("Syncing people 1,400", model.connectionProperty().get());
        assertEquals(StatusBarViewModel.INDETERMINATE, model.syncProgressProperty().get(),
                "the server gives no count of people: the bar says busy, not a made-up fraction");

        model.connectionChanged(List.of(ConnectionStatus.of(ConnectionState.LIVE)));
        assertFalse(model.syncingProperty().get());
    }

    @Test
    void refusedCredentialsAreSaidAsSuchWithWhatToDo() {
        model.connectionChanged(List.of(new ConnectionStatus(ConnectionState.SIGN_IN_REFUSED, Optional.empty(),
                "The server refused the sign-in (401): Invalid or expired session, please login again.")));
        assertEquals("The server refused the sign-in (401): Invalid or expired session, please login again. — press "
                + "Ctrl+Shift+S to sign in", model.connectionProperty().get());
    }

    @Test
    void aSessionTheServerEndedSaysSoPlainlyWithTheKeyToSignIn() {
        model.connectionChanged(List.of(new ConnectionStatus(ConnectionState.SIGN_IN_REFUSED, Optional.empty(),
                com.incidentconsole.sync.ServerWorkspace.SIGNED_OUT)));
        assertEquals("Signed out by the server — press Ctrl+Shift+S to sign in", model.connectionProperty().get());
    }

    @Test
    void noPendingActionsIsSaidPlainly() {
        assertEquals("No pending actions", model.actionsProperty().get());
        assertEquals(0, model.failedCountProperty().get());
    }
}
