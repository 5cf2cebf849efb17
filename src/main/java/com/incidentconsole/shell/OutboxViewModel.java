package com.incidentconsole.shell;

import com.incidentconsole.sync.ActionConflict;
import com.incidentconsole.sync.ActionStatusText;
import com.incidentconsole.sync.ActionTarget;
import com.incidentconsole.sync.PendingAction;
import com.incidentconsole.sync.PendingActions;
import com.incidentconsole.sync.RunCommands;
import com.incidentconsole.sync.RunStore;
import com.incidentconsole.text.DisplayText;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The outbox panel's model: every action the server has not confirmed, oldest first, in words —
 * what it was, on which run, whether it is waiting, failed or in conflict, and why. A conflict
 * carries both versions (mine as I saw it when acting, the server's now) and the choice between
 * them: apply mine anyway, or keep the server's. FX thread only.
 */
public final class OutboxViewModel {

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm");
    private static final int RUN_NAME = 160;
    private static final int TEXT = 400;

    /**
     * One line of the panel.
     *
     * @param failed refused by the server (retry or discard)
     * @param conflict not sent because the server changed under it (apply mine or keep the server's)
     * @param yours for a conflict, my version: what I did and what I saw when I did it
     * @param theirs for a conflict, the server's version now: what, by whom, when
     * @param canApplyMine whether "apply mine" can work (not on a finished run or a deleted item)
     */
    public record Entry(ActionTarget target, String description, String run, String state, String detail,
                        boolean failed, boolean conflict, String yours, String theirs, boolean canApplyMine) {
    }

    private final PendingActions pending;
    private final RunCommands commands;
    private final RunStore runs;
    private final Function<String, String> userNames;
    private final ResourceBundle bundle;
    private final ZoneId zone;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    // One wrapper, kept: the source list holds a wrapper only weakly, so listeners on a fresh one would vanish.
    private final ObservableList<Entry> entriesView = FXCollections.unmodifiableObservableList(entries);
    /** The panel's promise: "nothing here is lost" only while every action shown is on disk. */
    private final ReadOnlyStringWrapper explain = new ReadOnlyStringWrapper("");
    private final ActionStatusText words;

    public OutboxViewModel(PendingActions pending, RunCommands commands, RunStore runs,
                           Function<String, String> userNames, ResourceBundle bundle, ZoneId zone) {
        this.pending = pending;
        this.commands = commands;
        this.runs = runs;
        this.userNames = userNames;
        this.bundle = bundle;
        this.zone = zone;
        this.words = new ActionStatusText(bundle::getString, userNames);
        refresh();
    }

    public ObservableList<Entry> entries() {
        return entriesView;
    }

    public ReadOnlyStringProperty explainProperty() {
        return explain.getReadOnlyProperty();
    }

    /**
     * Rebuilds the lines from the pending actions; cheap, as the outbox holds a handful of entries. Rows
     * this build cannot read come last, as one line: kept, never sent, never hidden behind "nothing waiting".
     */
    public void refresh() {
        java.util.List<Entry> lines = new java.util.ArrayList<>(pending.all().stream()
                .sorted(Comparator.comparing(PendingAction::startedAt))
                .map(this::entry)
                .toList());
        java.util.List<PendingActions.Unreadable> unreadable = pending.unreadable();
        if (!unreadable.isEmpty()) {
            String detail = unreadable.stream().map(u -> (u.description().isBlank() ? "#" + u.seq() : u.description())
                    + ": " + u.why()).collect(java.util.stream.Collectors.joining(" · "));
            lines.add(new Entry(PendingActions.UNREADABLE, String.format(bundle.getString(unreadable.size() == 1
                    ? "outbox.unreadable.one" : "outbox.unreadable.many"), unreadable.size()), "",
                    bundle.getString("outbox.state.unreadable"), detail, true, false, "", "", false));
        }
        entries.setAll(lines);
        explain.set(bundle.getString(pending.allSaved() ? "outbox.explain" : "outbox.explain.unsaved"));
    }

    /** Sends a failed action again; on a conflict, the same as {@link #applyMine}. */
    public void retry(Entry entry) {
        if (entry != null && PendingActions.UNREADABLE.equals(entry.target())) {
            return; // this build cannot send it; a newer one can
        }
        if (entry != null && entry.failed()) {
            commands.retry(entry.target());
        } else {
            applyMine(entry);
        }
    }

    /** Only a failed action can be discarded: one still on its way cannot be called back. */
    public void discard(Entry entry) {
        if (entry != null && PendingActions.UNREADABLE.equals(entry.target())) {
            return; // kept on disk for the build that wrote it
        }
        if (entry != null && (entry.failed() || entry.conflict())) {
            pending.dismiss(entry.target());
        }
    }

    /** Conflict → send mine anyway, judged against the server's version shown here. */
    public void applyMine(Entry entry) {
        if (entry != null && entry.conflict() && entry.canApplyMine()) {
            commands.retry(entry.target());
        }
    }

    /** Conflict → the server's version stays; mine is discarded. */
    public void keepTheirs(Entry entry) {
        if (entry != null && entry.conflict()) {
            pending.dismiss(entry.target());
        }
    }

    private Entry entry(PendingAction action) {
        // Run names are server text: bounded before a label shapes them (probe H3), like in the runs list.
        String run = runs.get(action.target().runId()).map(r -> DisplayText.line(r.name(), RUN_NAME))
                .orElse(action.target().runId());
        if (action.conflicted() && action.conflict().isPresent()) {
            return conflictEntry(action, run, action.conflict().get());
        }
        String since = SINCE.format(Instant.from(action.startedAt()).atZone(zone));
        String state = bundle.getString(action.failed() ? "outbox.state.failed" : "outbox.state.pending");
        String detail = action.error().isEmpty() ? String.format(bundle.getString("outbox.since"), since)
                : DisplayText.paragraph(action.error(), 4, TEXT).text();
        return new Entry(action.target(), DisplayText.line(action.description(), TEXT), run, state, detail, action.failed(), false, "", "",
                false);
    }

    private Entry conflictEntry(PendingAction action, String run, ActionConflict conflict) {
        ActionTarget target = action.target();
        if (conflict.kind() == ActionConflict.Kind.UNCERTAIN) {
            String yours = String.format(bundle.getString("outbox.uncertain.yours"), action.description(),
                    AT.format(Instant.ofEpochMilli(conflict.at() > 0 ? conflict.at() : action.startedAt().toEpochMilli())
                            .atZone(zone)));
            String theirs = String.format(bundle.getString("outbox.conflict.theirs"), words.serverNow(target, conflict));
            return new Entry(target, action.description(), run, bundle.getString("outbox.state.uncertain"),
                    bundle.getString("outbox.uncertain.keys"), false, true, yours, theirs, true);
        }
        String yours = String.format(bundle.getString("outbox.conflict.yours"), action.description(),
                words.value(target, conflict.baseValue()), AT.format(action.startedAt().atZone(zone)));
        StringBuilder theirs = new StringBuilder(String.format(bundle.getString("outbox.conflict.theirs"),
                words.serverNow(target, conflict)));
        if (conflict.at() > 0) {
            theirs.append(' ').append(String.format(bundle.getString("outbox.conflict.at"),
                    AT.format(Instant.ofEpochMilli(conflict.at()).atZone(zone))));
        }
        String keys = bundle.getString(conflict.canApplyMine() ? "outbox.conflict.keys"
                : conflict.kind() == ActionConflict.Kind.RUN_FINISHED ? "outbox.conflict.keys.finished"
                : "outbox.conflict.keys.gone");
        String detail = conflict.serverMessage().isBlank() ? keys
                : String.format(bundle.getString("outbox.conflict.said"), conflict.serverMessage()) + " · " + keys;
        return new Entry(target, action.description(), run, bundle.getString("outbox.state.conflict"),
                detail, false, true, yours, theirs.toString(), conflict.canApplyMine());
    }
}
