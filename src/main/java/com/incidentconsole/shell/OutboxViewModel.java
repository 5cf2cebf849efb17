package com.incidentconsole.shell;

import com.incidentconsole.sync.ActionTarget;
import com.incidentconsole.sync.PendingAction;
import com.incidentconsole.sync.PendingActions;
import com.incidentconsole.sync.RunCommands;
import com.incidentconsole.sync.RunStore;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.ResourceBundle;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The outbox panel's model: every action the server has not confirmed, oldest first, in words —
 * what it was, on which run, whether it is waiting or failed and why. FX thread only.
 */
public final class OutboxViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** One line of the panel. */
    public record Entry(ActionTarget target, String description, String run, String state, String detail,
                        boolean failed) {
    }

    private final PendingActions pending;
    private final RunCommands commands;
    private final RunStore runs;
    private final ResourceBundle bundle;
    private final ZoneId zone;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();

    public OutboxViewModel(PendingActions pending, RunCommands commands, RunStore runs, ResourceBundle bundle,
                           ZoneId zone) {
        this.pending = pending;
        this.commands = commands;
        this.runs = runs;
        this.bundle = bundle;
        this.zone = zone;
        refresh();
    }

    public ObservableList<Entry> entries() {
        return FXCollections.unmodifiableObservableList(entries);
    }

    /** Rebuilds the lines from the pending actions; cheap, as the outbox holds a handful of entries. */
    public void refresh() {
        entries.setAll(pending.all().stream()
                .sorted(Comparator.comparing(PendingAction::startedAt))
                .map(this::entry)
                .toList());
    }

    public void retry(Entry entry) {
        if (entry != null && entry.failed()) {
            commands.retry(entry.target());
        }
    }

    /** Only a failed action can be discarded: one still on its way cannot be called back. */
    public void discard(Entry entry) {
        if (entry != null && entry.failed()) {
            pending.dismiss(entry.target());
        }
    }

    private Entry entry(PendingAction action) {
        String run = runs.get(action.target().runId()).map(r -> r.name()).orElse(action.target().runId());
        String since = TIME.format(Instant.from(action.startedAt()).atZone(zone));
        String state = bundle.getString(action.failed() ? "outbox.state.failed" : "outbox.state.pending");
        String detail = action.error().isEmpty() ? String.format(bundle.getString("outbox.since"), since)
                : action.error();
        return new Entry(action.target(), action.description(), run, state, detail, action.failed());
    }
}
