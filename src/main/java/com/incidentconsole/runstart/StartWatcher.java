package com.incidentconsole.runstart;

import com.incidentconsole.sync.PendingAction;
import com.incidentconsole.sync.PendingActions;
import com.incidentconsole.sync.RunStore;
import com.incidentconsole.sync.StartRun;
import com.incidentconsole.wire.PlaybookRun;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The starts this window asked for, until their runs exist: one line while they wait ("Starting “Acme …” —
 * waiting for the server"), the server's message if one failed, and the new run opened as soon as it is in
 * the store — at once after the answer, or whenever the server answers after being offline. FX thread only.
 */
public final class StartWatcher {

    /** A run may be dated a little before my request by the server's clock: as in the kind's own check. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final RunStore runs;
    private final PendingActions pending;
    private final Consumer<String> openRun;
    private final ResourceBundle bundle;
    private final Map<StartRun, Instant> waiting = new LinkedHashMap<>();
    /** Starts last seen refused or in doubt: when they leave the pending list, the user dropped them. */
    private final java.util.Set<StartRun> heldForUser = new java.util.HashSet<>();
    private final ReadOnlyStringWrapper line = new ReadOnlyStringWrapper("");

    public StartWatcher(RunStore runs, PendingActions pending, Consumer<String> openRun, ResourceBundle bundle) {
        this.runs = runs;
        this.pending = pending;
        this.openRun = openRun;
        this.bundle = bundle;
    }

    public void watch(StartRun start, Instant submittedAt) {
        waiting.put(start, submittedAt);
        refresh();
    }

    /** After runs or pending actions changed: opens what now exists, and says what still waits. */
    public void refresh() {
        for (var it = waiting.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            Optional<PlaybookRun> made = madeBy(entry.getKey(), entry.getValue());
            if (made.isPresent()) {
                it.remove();
                openRun.accept(made.get().id());
            } else {
                Optional<PendingAction> shown = pending.get(entry.getKey().target());
                if (shown.isEmpty() && (heldForUser.contains(entry.getKey())
                        || !entry.getKey().equals(lastWaiting().orElse(null)))) {
                    // Dropped by the user after a refusal or a doubt, or settled while a newer start waits.
                    it.remove();
                    heldForUser.remove(entry.getKey());
                } else if (shown.filter(PendingAction::failed).isPresent()) {
                    heldForUser.add(entry.getKey());
                } else if (shown.isPresent()) {
                    heldForUser.remove(entry.getKey()); // sent again on the user's word
                }
            }
        }
        line.set(lastWaiting().map(this::describe).orElse(""));
    }

    private Optional<StartRun> lastWaiting() {
        return waiting.keySet().stream().reduce((first, second) -> second);
    }

    Optional<PlaybookRun> madeBy(StartRun start, Instant submittedAt) {
        long from = submittedAt.minus(CLOCK_SKEW).toEpochMilli();
        return runs.all().stream().filter(start::matches).filter(r -> r.createAt() >= from)
                .max(Comparator.comparingLong(PlaybookRun::createAt));
    }

    private String describe(StartRun start) {
        Optional<PendingAction> shown = pending.get(start.target());
        String name = start.name().length() > 60 ? start.name().substring(0, 60) + "…" : start.name();
        if (shown.isEmpty()) {
            return String.format(bundle.getString("start.opening"), name);
        }
        PendingAction p = shown.get();
        if (p.failed()) {
            return String.format(bundle.getString("start.failed"), name, p.error());
        }
        return String.format(bundle.getString(p.error().isEmpty() ? "start.starting" : "start.waiting"), name);
    }

    public ReadOnlyStringProperty lineProperty() {
        return line.getReadOnlyProperty();
    }

    List<StartRun> waiting() {
        return List.copyOf(waiting.keySet());
    }
}
