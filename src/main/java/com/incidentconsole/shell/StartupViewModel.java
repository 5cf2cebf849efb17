package com.incidentconsole.shell;

import com.incidentconsole.sync.ConnectionState;
import com.incidentconsole.sync.ConnectionStatus;
import com.incidentconsole.sync.SignInRefused;
import com.incidentconsole.sync.store.DamagedStore;
import com.incidentconsole.sync.store.StoreException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ResourceBundle;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the window says before the workspace is ready: "Connecting…"; while a server with nothing
 * cached cannot be reached, that it keeps trying, when, and why; or, when that failed for good,
 * what failed, why and what to do — in words, never a stack trace.
 */
public final class StartupViewModel {

    private final ResourceBundle bundle;
    private final Supplier<Instant> clock;
    private final ConnectionText words;
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper rebuildOffered = new ReadOnlyBooleanWrapper();
    private Runnable rebuild;
    private ConnectionStatus last = ConnectionStatus.of(ConnectionState.CONNECTING);

    public StartupViewModel(ResourceBundle bundle) {
        this(bundle, Instant::now, ZoneId.systemDefault());
    }

    public StartupViewModel(ResourceBundle bundle, Supplier<Instant> clock, ZoneId zone) {
        this.bundle = bundle;
        this.clock = clock;
        this.words = new ConnectionText(bundle, zone);
        tick();
    }

    /** The workspace's connection while it is not ready to show; only the latest matters. */
    public void connectionChanged(ConnectionStatus status) {
        last = status;
        tick();
    }

    /** Called every second so "retrying in 4 s" counts down. */
    public void tick() {
        if (failed.get()) {
            return;
        }
        boolean notMattermost = last.state() == ConnectionState.NOT_MATTERMOST;
        boolean retrying = last.state() == ConnectionState.RECONNECTING || notMattermost;
        waiting.set(retrying);
        if (notMattermost) {
            // The address itself is the likely problem: say that first, and what the server answered, in words.
            headline.set(bundle.getString("startup.notMattermost"));
            detail.set(String.format(bundle.getString("startup.notMattermostDetail"), last.detail(),
                    words.state(last, clock.get())));
        } else if (retrying) {
            headline.set(bundle.getString("startup.waiting"));
            detail.set(String.format(bundle.getString("startup.waitingDetail"), words.state(last, clock.get()),
                    last.detail().isEmpty() ? "—" : last.detail()));
        } else {
            headline.set(bundle.getString("startup.connecting"));
            detail.set(bundle.getString("startup.connectingDetail"));
        }
    }

    public void failed(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String why = cause.getMessage() == null || cause.getMessage().isBlank()
                ? cause.getClass().getSimpleName() : cause.getMessage();
        rebuildOffered.set(false);
        if (cause instanceof DamagedStore damaged) {
            localCopyDamaged(damaged);
            return;
        }
        if (cause instanceof StoreException) {
            // A local file problem: server advice ("check the address and token") would send the user the wrong way.
            show(bundle.getString("startup.storeFailed"), String.join("\n\n", bundle.getString("startup.storeWhat"),
                    String.format(bundle.getString("startup.failedWhy"), why), bundle.getString("startup.storeDo")));
            return;
        }
        boolean refused = cause instanceof SignInRefused;
        headline.set(bundle.getString("startup.failed"));
        detail.set(String.join("\n\n",
                bundle.getString(refused ? "startup.refusedWhat" : "startup.failedWhat"),
                String.format(bundle.getString("startup.failedWhy"), why),
                bundle.getString(refused ? "startup.refusedDo" : "startup.failedDo")));
        waiting.set(false);
        failed.set(true);
    }

    private void localCopyDamaged(DamagedStore damaged) {
        String kept = damaged.rescueFile().map(file -> String.format(bundle.getString("startup.damagedRescued"),
                damaged.rescued(), file)).orElse(bundle.getString("startup.damagedNothingRescued"));
        rebuildOffered.set(rebuild != null);
        show(bundle.getString("startup.damaged"), String.join("\n\n",
                String.format(bundle.getString("startup.damagedWhat"), damaged.file()),
                String.format(bundle.getString("startup.failedWhy"), damaged.reason()),
                kept,
                bundle.getString(rebuild == null ? "startup.damagedDoRestart" : "startup.damagedDo")));
    }

    private void show(String headlineText, String detailText) {
        headline.set(headlineText);
        detail.set(detailText);
        waiting.set(false);
        failed.set(true);
    }

    /**
     * What "Rebuild from the server" does after a damaged store: move it aside, start anew with the rescued
     * actions, connect again (off the FX thread; the caller reports back through {@link #failed} or the workspace).
     */
    public void offerRebuild(Runnable action) {
        this.rebuild = action;
    }

    /** The user chose to rebuild: back to "Connecting…" while it happens. */
    public void rebuild() {
        if (rebuild == null || !rebuildOffered.get()) {
            return;
        }
        rebuildOffered.set(false);
        failed.set(false);
        last = ConnectionStatus.of(ConnectionState.CONNECTING);
        headline.set(bundle.getString("startup.rebuilding"));
        detail.set(bundle.getString("startup.rebuildingDetail"));
        rebuild.run();
    }

    /** True after a damaged store, when a rebuild from the server can help. */
    public ReadOnlyBooleanProperty rebuildOfferedProperty() {
        return rebuildOffered.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** True while the server cannot be reached and nothing is cached: the console keeps trying. */
    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }
}
