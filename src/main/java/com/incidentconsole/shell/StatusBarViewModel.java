package com.incidentconsole.shell;

import com.incidentconsole.sync.ConnectionState;
import com.incidentconsole.sync.ConnectionStatus;
import com.incidentconsole.sync.PendingAction;
import com.incidentconsole.sync.PendingActions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The bottom bar: which server, whether it is the sandbox, whether we are live, who is signed in,
 * and how many actions wait for the server or failed. FX thread only.
 */
public final class StatusBarViewModel {

    private final ResourceBundle bundle;
    private final PendingActions pending;
    private final Supplier<Instant> clock;
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sandbox = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper user = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.CONNECTING);
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper pendingCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper failedCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper actions = new ReadOnlyStringWrapper("");
    private ConnectionStatus last = ConnectionStatus.of(ConnectionState.CONNECTING);

    public StatusBarViewModel(ResourceBundle bundle, PendingActions pending, Supplier<Instant> clock,
                              String serverLabel, boolean isSandbox, String userName) {
        this.bundle = bundle;
        this.pending = pending;
        this.clock = clock;
        server.set(serverLabel);
        sandbox.set(isSandbox);
        user.set(userName);
        pendingChanged();
        connectionChanged(List.of(last));
    }

    /** Only the latest status of a batch matters. */
    public void connectionChanged(List<ConnectionStatus> batch) {
        last = batch.get(batch.size() - 1);
        state.set(last.state());
        tick();
    }

    public void pendingChanged() {
        List<PendingAction> all = pending.all();
        int failed = (int) all.stream().filter(PendingAction::failed).count();
        failedCount.set(failed);
        pendingCount.set(all.size() - failed);
        actions.set(all.isEmpty() ? bundle.getString("status.actions.none")
                : String.format(bundle.getString("status.actions"), all.size() - failed, failed));
        long conflicts = all.stream().filter(PendingAction::conflicted).count(); // among the failed: named apart
        actions.set(conflicts == 0 ? actions.get() : String.format(bundle.getString("status.actions.conflicts"),
                all.size() - failed, failed - conflicts, conflicts));
    }

    /** Called every second so "Reconnecting in 4 s" counts down. */
    public void tick() {
        connection.set(describe(last, clock.get()));
    }

    String describe(ConnectionStatus status, Instant now) {
        return switch (status.state()) {
            case CONNECTING -> bundle.getString("connection.connecting");
            case SYNCING -> bundle.getString("connection.syncing");
            case LIVE -> bundle.getString("connection.live");
            case RECONNECTING -> status.nextAttemptAt()
                    .map(at -> String.format(bundle.getString("connection.reconnectingIn"),
                            Math.max(0, (Duration.between(now, at).toMillis() + 999) / 1000)))
                    .orElse(bundle.getString("connection.reconnecting"));
            case OFFLINE -> status.detail().isEmpty() ? bundle.getString("connection.offline")
                    : String.format(bundle.getString("connection.offlineWhy"), status.detail());
        };
    }

    public ReadOnlyStringProperty serverProperty() {
        return server.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sandboxProperty() {
        return sandbox.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty userProperty() {
        return user.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pendingCountProperty() {
        return pendingCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty failedCountProperty() {
        return failedCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty actionsProperty() {
        return actions.getReadOnlyProperty();
    }
}
