package com.incidentconsole.timeline;

import com.incidentconsole.fx.TextWrap;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Shows the timeline, newest at the bottom, and keeps the newest in view as events arrive. */
public final class TimelineController {

    private final TimelineViewModel viewModel;

    @FXML private ListView<TimelineRow> timeline;

    public TimelineController(TimelineViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        timeline.setItems(viewModel.rows());
        timeline.setCellFactory(list -> new EventCell());
        viewModel.rows().addListener((ListChangeListener<TimelineRow>) change -> {
            if (!timeline.getItems().isEmpty()) {
                timeline.scrollTo(timeline.getItems().size() - 1);
            }
        });
    }

    private static final class EventCell extends ListCell<TimelineRow> {
        private final Label type = new Label();
        private final Label time = new Label();
        private final Label author = new Label();
        private final Label summary = new Label();
        private final Tooltip tooltip = new Tooltip();
        private final VBox box;

        EventCell() {
            type.getStyleClass().add("event-type");
            time.getStyleClass().add("event-time");
            author.getStyleClass().add("event-author");
            summary.getStyleClass().add("event-summary");
            TextWrap.unlessRightToLeft(summary);
            summary.setMinWidth(0);
            TextWrap.unlessRightToLeft(tooltip);
            tooltip.setMaxWidth(560);
            HBox line = new HBox(8, time, type, author);
            line.setAlignment(Pos.BASELINE_LEFT);
            box = new VBox(2, line, summary);
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
            type.setText(row.typeLabel());
            time.setText(row.time());
            author.setText(row.author());
            summary.setText(row.summary());
            summary.setVisible(!row.summary().isEmpty());
            summary.setManaged(!row.summary().isEmpty());
            getProperties().put("eventType", row.eventType());
            setAccessibleText(row.time() + " " + row.typeLabel() + " " + row.author() + " " + row.summary());
            // The cell shows a few lines; the tooltip the longer text (both bounded in the view-model).
            tooltip.setText(row.fullSummary());
            setTooltip(row.fullSummary().equals(row.summary()) ? null : tooltip);
            setGraphic(box);
        }
    }
}
