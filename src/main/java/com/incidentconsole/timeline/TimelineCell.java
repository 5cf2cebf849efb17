package com.incidentconsole.timeline;

import com.incidentconsole.fx.TextWrap;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One event: time, type, author and star on a line, then its whole text wrapped, then its action's state. */
final class TimelineCell extends ListCell<TimelineRow> {

    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass STARRED = PseudoClass.getPseudoClass("starred");

    private final Label star = new Label("★");
    private final Label type = new Label();
    private final Label time = new Label();
    private final Label author = new Label();
    private final Label text = new Label();
    private final Label more = new Label();
    private final Label note = new Label();
    private final VBox box;

    TimelineCell() {
        star.getStyleClass().add("event-star");
        type.getStyleClass().add("event-type");
        time.getStyleClass().add("event-time");
        author.getStyleClass().add("event-author");
        text.getStyleClass().add("event-summary");
        more.getStyleClass().addAll("muted", "event-more");
        note.getStyleClass().add("event-note");
        TextWrap.unlessRightToLeft(text);
        TextWrap.unlessRightToLeft(note);
        text.setMinWidth(0);
        note.setMinWidth(0);
        // A wrapped label in a list cell must claim its whole wrapped height, or the cell keeps the height of its first
        // layout and the label ends in "..." (a post's text arrives after the row was first drawn).
        text.setMinHeight(Region.USE_PREF_SIZE);
        note.setMinHeight(Region.USE_PREF_SIZE);
        HBox line = new HBox(8, star, time, type, author);
        line.setAlignment(Pos.BASELINE_LEFT);
        box = new VBox(2, line, text, more, note);
        box.getStyleClass().add("timeline-event");
        // Wrapping text in a list cell needs a width to wrap at; follow the list's width.
        box.prefWidthProperty().bind(widthProperty().subtract(24));
        box.setMinWidth(0);
    }

    @Override
    protected void updateItem(TimelineRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        show(star, row.starred());
        type.setText(row.typeLabel());
        time.setText(row.time());
        author.setText(row.author());
        text.setText(row.text());
        show(text, !row.text().isEmpty());
        more.setText(row.hiddenLines() > 0 ? "… " + row.hiddenLines() + " more lines (→ shows all)" : "");
        show(more, row.hiddenLines() > 0);
        note.setText(row.note());
        show(note, !row.note().isEmpty());
        box.pseudoClassStateChanged(PENDING, "pending".equals(row.state()));
        box.pseudoClassStateChanged(FAILED, "failed".equals(row.state()));
        box.pseudoClassStateChanged(STARRED, row.starred());
        getProperties().put("eventType", row.eventType());
        getProperties().put("eventId", row.id());
        setAccessibleText((row.starred() ? "starred, " : "") + row.time() + " " + row.typeLabel() + " " + row.author()
                + " " + row.text() + (row.note().isEmpty() ? "" : ", " + row.note()));
        setGraphic(box);
    }

    private static void show(Label label, boolean on) {
        label.setVisible(on);
        label.setManaged(on);
    }
}
