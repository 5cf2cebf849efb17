package com.incidentconsole.shell;

import com.incidentconsole.sync.ActionConflict;
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

    public OutboxViewModel(PendingActions pending, RunCommands commands, RunStore runs,
                           Function<String, String> userNames, ResourceBundle bundle, ZoneId zone) {
        this.pending = pending;
        this.commands = commands;
        this.runs = runs;
        this.userNames = userNames;
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

    /** Sends a failed action again; on a conflict, the same as {@link #applyMine}. */
    public void retry(Entry entry) {
        if (entry != null && entry.failed()) {
            commands.retry(entry.target());
        } else {
            applyMine(entry);
        }
    }

    /** Only a failed action can be discarded: one still on its way cannot be called back. */
    public void discard(Entry entry) {
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
        boolean owner = ActionTarget.OWNER.equals(action.target().subject());
        String yours = String.format(bundle.getString("outbox.conflict.yours"), action.description(),
                value(owner, conflict.baseValue()), AT.format(action.startedAt().atZone(zone)));
        String now = switch (conflict.kind()) {
            case CHANGED -> owner ? String.format(bundle.getString("outbox.conflict.owner"),
                    userNames.apply(conflict.serverValue())) : value(false, conflict.serverValue());
            case RUN_FINISHED -> bundle.getString("outbox.conflict.finished");
            case RUN_RESTORED -> bundle.getString("outbox.conflict.restored");
            case ITEM_GONE -> bundle.getString("outbox.conflict.gone");
        };
        StringBuilder theirs = new StringBuilder(String.format(bundle.getString("outbox.conflict.theirs"), now));
        if (!conflict.byUserId().isEmpty()) {
            // "skipped by Sam Lee", but "Dana Fox is the commander, changed by Sam Lee"
            boolean sentence = owner && conflict.kind() == ActionConflict.Kind.CHANGED;
            theirs.append(sentence ? ", " : " ").append(String.format(bundle.getString(sentence
                    ? "outbox.conflict.changedBy" : "outbox.conflict.by"), userNames.apply(conflict.byUserId())));
        }
        if (conflict.at() > 0) {
            theirs.append(' ').append(String.format(bundle.getString("outbox.conflict.at"),
                    AT.format(Instant.ofEpochMilli(conflict.at()).atZone(zone))));
        }
        String keys = bundle.getString(conflict.canApplyMine() ? "outbox.conflict.keys"
                : conflict.kind() == ActionConflict.Kind.RUN_FINISHED ? "outbox.conflict.keys.finished"
                : "outbox.conflict.keys.gone");
        String detail = conflict.serverMessage().isBlank() ? keys
                : String.format(bundle.getString("outbox.conflict.said"), conflict.serverMessage()) + " · " + keys;
        return new Entry(action.target(), action.description(), run, bundle.getString("outbox.state.conflict"),
                detail, false, true, yours, theirs.toString(), conflict.canApplyMine());
    }

    /** An item state in the checklist's own words, or a user's name for the owner. */
    private String value(boolean owner, String value) {
        if (owner) {
            return userNames.apply(value);
        }
        return bundle.getString("item.state." + (value.isEmpty() ? "open" : value));
    }
}
