package com.incidentconsole.checklist;

import static com.incidentconsole.checklist.ChecklistStyle.CONFLICT;
import static com.incidentconsole.checklist.ChecklistStyle.DONE;
import static com.incidentconsole.checklist.ChecklistStyle.FAILED;
import static com.incidentconsole.checklist.ChecklistStyle.IN_PROGRESS;
import static com.incidentconsole.checklist.ChecklistStyle.ITEM;
import static com.incidentconsole.checklist.ChecklistStyle.ITEM_ERROR;
import static com.incidentconsole.checklist.ChecklistStyle.ITEM_ID_KEY;
import static com.incidentconsole.checklist.ChecklistStyle.OVERDUE;
import static com.incidentconsole.checklist.ChecklistStyle.PENDING;
import static com.incidentconsole.checklist.ChecklistStyle.SKIPPED;

import com.incidentconsole.fx.TextWrap;
import com.incidentconsole.wire.ChecklistItem;
import java.util.ResourceBundle;
import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One checklist item on screen. Built in code because rows come and go with the run; the look lives
 * in CSS under the {@link ChecklistStyle} classes, which tests and the end-to-end suite also select on.
 */
final class ItemNode extends VBox {

    private static final PseudoClass CURSOR = PseudoClass.getPseudoClass("cursor");
    /** About twenty characters: below this a wrapped title is no longer readable. */
    private static final double TITLE_MIN_WIDTH = 160;
    /** An assignee's name or a due date beside the title; longer ones clip, the title keeps the row. */
    private static final double SIDE_MAX_WIDTH = 200;

    private final ItemRow row;
    private final ResourceBundle bundle;
    private final FontIcon glyph = new FontIcon();
    private final Label title = new Label();
    private final Label assignee = new Label();
    private final Label due = new Label();
    private final Label command = new Label();
    private final Tooltip commandTip = new Tooltip();
    private final Label pendingMarker = new Label();
    private final Label error = new Label();
    private final FontIcon failureGlyph = new FontIcon("mdi2a-alert-circle");
    private final FontIcon conflictGlyph = new FontIcon("mdi2s-source-branch");
    private final FontIcon alarmGlyph = new FontIcon("mdi2a-alarm");
    /** The state classes {@link #repaint()} manages, in the order it adds them. */
    private static final List<String> STATE_CLASSES =
            List.of(ChecklistStyle.DELETING, DONE, SKIPPED, IN_PROGRESS, PENDING, FAILED, CONFLICT, OVERDUE);

    ItemNode(ItemRow row, ResourceBundle bundle) {
        this.row = row;
        this.bundle = bundle;
        getStyleClass().add(ITEM);
        getProperties().put(ITEM_ID_KEY, row.itemId());
        setUserData(row.itemId());
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.CHECK_BOX);

        glyph.getStyleClass().add("item-glyph");
        title.getStyleClass().add("item-title");
        assignee.getStyleClass().add("item-assignee");
        due.getStyleClass().add("item-due");
        command.getStyleClass().add("item-command");
        pendingMarker.getStyleClass().add("item-pending");
        pendingMarker.setGraphic(new FontIcon("mdi2c-clock-outline"));
        pendingMarker.setText(bundle.getString("item.pending"));
        error.getStyleClass().add(ITEM_ERROR);
        error.setGraphic(failureGlyph);
        conflictGlyph.getStyleClass().add("item-conflict-glyph");

        // The command sits under the title, clipped to one line: beside it, a long slash command took the
        // width and left the title one letter per line (probe L8). The title always has the row's width.
        command.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        // Its width comes from the title's column, never the other way round: a long command asked for
        // its full width and squeezed the assignee beside it to "…".
        command.setMinWidth(0);
        command.setPrefWidth(0);
        command.setMaxWidth(Double.MAX_VALUE);
        command.setTooltip(commandTip);
        TextWrap.unlessRightToLeft(commandTip);
        TextWrap.unlessRightToLeft(title);
        TextWrap.unlessRightToLeft(error);
        commandTip.setMaxWidth(640);
        title.setMinWidth(0);
        VBox text = new VBox(2, title, command);
        text.setMinWidth(TITLE_MIN_WIDTH);
        text.setFillWidth(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        assignee.setMaxWidth(SIDE_MAX_WIDTH);
        due.setMaxWidth(SIDE_MAX_WIDTH);
        pendingMarker.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(10, glyph, text, assignee, due, pendingMarker);
        line.setAlignment(Pos.TOP_LEFT);
        getChildren().addAll(line, error);

        InvalidationListener repaint = obs -> repaint();
        row.stateProperty().addListener(repaint);
        row.pendingProperty().addListener(repaint);
        row.failedProperty().addListener(repaint);
        row.conflictProperty().addListener(repaint);
        row.errorProperty().addListener(repaint);
        row.titleProperty().addListener(repaint);
        row.assigneeProperty().addListener(repaint);
        row.dueProperty().addListener(repaint);
        row.commandProperty().addListener(repaint);
        row.overdueProperty().addListener(repaint);
        row.deletingProperty().addListener(repaint);
        repaint();
    }

    ItemRow row() {
        return row;
    }

    void showCursor(boolean on) {
        pseudoClassStateChanged(CURSOR, on);
    }

    /**
     * Called for every property of the row that changed, several times for one update of the run; so it only
     * touches what differs — a style class list that changes, even back to the same classes, restyles the whole
     * item (storm, issue 18: most of a run detail's pulse under 1,000 updates/s).
     */
    private void repaint() {
        String state = row.state();
        List<String> wanted = new ArrayList<>(3);
        if (row.deletingProperty().get()) {
            wanted.add(ChecklistStyle.DELETING);
        }
        if (ChecklistItem.CLOSED.equals(state)) {
            wanted.add(DONE);
        } else if (ChecklistItem.SKIPPED.equals(state)) {
            wanted.add(SKIPPED);
        } else if (ChecklistItem.IN_PROGRESS.equals(state)) {
            wanted.add(IN_PROGRESS);
        }
        if (row.pendingProperty().get()) {
            wanted.add(PENDING);
        }
        if (row.failedProperty().get()) {
            wanted.add(FAILED);
        }
        if (row.conflictProperty().get()) {
            wanted.add(CONFLICT);
        }
        if (row.overdueProperty().get()) {
            wanted.add(OVERDUE);
        }
        List<String> held = getStyleClass().stream().filter(STATE_CLASSES::contains).toList();
        if (!held.equals(wanted)) {
            getStyleClass().removeAll(STATE_CLASSES);
            getStyleClass().addAll(wanted);
        }
        String icon = switch (state) {
            case ChecklistItem.CLOSED -> "mdi2c-check-circle";
            case ChecklistItem.SKIPPED -> "mdi2c-cancel";
            case ChecklistItem.IN_PROGRESS -> "mdi2c-circle-half-full";
            default -> "mdi2c-circle-outline";
        };
        if (!icon.equals(glyph.getIconLiteral())) {
            glyph.setIconLiteral(icon);
        }
        title.setText(row.titleProperty().get());
        show(assignee, row.assigneeProperty().get());
        show(due, row.dueProperty().get());
        // Overdue is told by more than colour: an alarm mark beside the date (and red, bold, a bar in CSS).
        due.setGraphic(row.overdueProperty().get() ? alarmGlyph : null);
        show(command, row.commandProperty().get());
        commandTip.setText(row.commandProperty().get());
        show(error, row.errorProperty().get());
        // Two versions of one item: a distinct mark, so a conflict is not read as a plain failure.
        error.setGraphic(row.conflictProperty().get() ? conflictGlyph : failureGlyph);
        // Only a shown error carries the id, so "#item-error" finds the failure, not a hidden empty label.
        error.setId(error.isVisible() ? ITEM_ERROR : null);
        pendingMarker.setVisible(row.pendingProperty().get());
        pendingMarker.setManaged(row.pendingProperty().get());

        String stateWords = bundle.getString("item.state." + (state.isEmpty() ? "open" : state));
        StringBuilder spoken = new StringBuilder(row.titleProperty().get()).append(", ").append(stateWords);
        if (row.pendingProperty().get()) {
            spoken.append(", ").append(bundle.getString("item.pending"));
        }
        if (row.overdueProperty().get()) {
            spoken.append(", ").append(row.dueProperty().get());
        }
        if (row.failedProperty().get() || row.conflictProperty().get()) {
            spoken.append(", ").append(row.errorProperty().get());
        }
        setAccessibleText(spoken.toString());
    }

    private static void show(Label label, String text) {
        label.setText(text);
        boolean visible = text != null && !text.isEmpty();
        label.setVisible(visible);
        label.setManaged(visible);
    }
}
