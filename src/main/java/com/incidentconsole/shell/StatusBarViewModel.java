package com.incidentconsole.shell;

import com.incidentconsole.sync.ConnectionState;
import com.incidentconsole.sync.ConnectionStatus;
import com.incidentconsole.sync.PendingAction;
import com.incidentconsole.sync.PendingActions;
import com.incidentconsole.sync.SyncProgress;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The bottom bar: which server, whether it is the sandbox, whether we are live (or how far a sync
 * has come), who is signed in, and how many actions wait for the server or failed. Also whether
 * the data on screen is a copy the server has not confirmed, and how old — for the status bar and
 * the banner above the runs. FX thread only.
 */
public final class StatusBarViewModel {

    /** ProgressIndicator's value for "busy, amount unknown"; spelled out so the model needs no control class. */
    public static final double INDETERMINATE = -1;

    private final ResourceBundle bundle;
    private final PendingActions pending;
    private final Supplier<Instant> clock;
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sandbox = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper user = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.CONNECTING);
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper connectionDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper pendingCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper failedCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper actions = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper staleNotice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper loadNotice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper syncProgress = new ReadOnlyDoubleWrapper(INDETERMINATE);
    private final ConnectionText words;
    private ConnectionStatus last = ConnectionStatus.of(ConnectionState.CONNECTING);

    /** Times in the system's zone. */
    public StatusBarViewModel(ResourceBundle bundle, PendingActions pending, Supplier<Instant> clock,
                              String serverLabel, boolean isSandbox, String userName) {
        this(bundle, pending, clock, ZoneId.systemDefault(), serverLabel, isSandbox, userName);
    }

    public StatusBarViewModel(ResourceBundle bundle, PendingActions pending, Supplier<Instant> clock, ZoneId zone,
                              String serverLabel, boolean isSandbox, String userName) {
        this.bundle = bundle;
        this.pending = pending;
        this.clock = clock;
        this.words = new ConnectionText(bundle, zone);
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
        int unreadable = pending.unreadable().size();
        actions.set(all.isEmpty() ? unreadable > 0 ? String.format(bundle.getString("status.actions.unreadable"), unreadable)
                : bundle.getString("status.actions.none")
                : String.format(bundle.getString("status.actions"), all.size() - failed, failed));
        long conflicts = all.stream().filter(PendingAction::conflicted).count(); // among the failed: named apart
        actions.set(conflicts == 0 ? actions.get() : String.format(bundle.getString("status.actions.conflicts"),
                all.size() - failed, failed - conflicts, conflicts));
    }

    /** Called every second so "retrying in 4 s" counts down and "41 min ago" stays true. */
    public void tick() {
        Instant now = clock.get();
        connection.set(words.statusLine(last, now));
        connectionDetail.set(last.detail().isEmpty() ? connection.get() : connection.get() + "\n" + last.detail());
        stale.set(last.isStale());
        // What the last load left out, with the retry countdown while one is scheduled.
        String gap = last.gap().map(g -> last.state() == ConnectionState.INCOMPLETE ? words.state(last, now)
                : words.gap(g)).orElse("");
        staleNotice.set(words.dataAge(last, now).map(age -> gap.isEmpty()
                ? String.format(bundle.getString("stale.banner"), age)
                : String.format(bundle.getString("stale.bannerGap"), age, gap)).orElse(""));
        loadNotice.set(!gap.isEmpty() ? String.format(bundle.getString("runs.loadGap"), gap)
                : last.state() == ConnectionState.SYNCING || last.state() == ConnectionState.CONNECTING
                ? bundle.getString("runs.loading") : "");
        syncing.set(last.state() == ConnectionState.SYNCING);
        syncProgress.set(last.progress().filter(SyncProgress::hasTotal).map(SyncProgress::fraction)
                .orElse(INDETERMINATE));
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

    /** The status line plus why (e.g. the connection error), for a tooltip: the bar has room for the gist only. */
    public ReadOnlyStringProperty connectionDetailProperty() {
        return connectionDetail.getReadOnlyProperty();
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

    /** True while the data shown is not confirmed by the server (from the cache, or since the connection dropped). */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** The banner's sentence while {@link #staleProperty() stale}: how old the data is and what happens to actions. */
    public ReadOnlyStringProperty staleNoticeProperty() {
        return staleNotice.getReadOnlyProperty();
    }

    /**
     * For an empty runs list: why there is nothing to show when that is not "no runs on this server" — a load
     * is running, or it could not get the runs (what, why, when it tries again). Empty otherwise.
     */
    public ReadOnlyStringProperty loadNoticeProperty() {
        return loadNotice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty syncingProperty() {
        return syncing.getReadOnlyProperty();
    }

    /** 0..1 while the server said how much there is to load; indeterminate (-1) otherwise. */
    public ReadOnlyDoubleProperty syncProgressProperty() {
        return syncProgress.getReadOnlyProperty();
    }
}
