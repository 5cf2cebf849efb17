package com.incidentconsole.alertsview;

import com.incidentconsole.alerts.AlertKind;
import com.incidentconsole.fx.Overlay;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;

/**
 * The notifications panel: the session's notices, newest first (Enter opens the selected run), and the
 * settings — each kind on/off and with sound, do-not-disturb. Keys are commands ({@link NotificationsUi}); the
 * check boxes are for the mouse and say the state; both go through the view-model.
 */
public final class NotificationsController {

    private final NotificationsViewModel model;
    private final ResourceBundle texts;
    private final Consumer<String> openRun;
    @FXML
    private StackPane root;
    @FXML
    private ListView<NotificationsViewModel.Row> history;
    @FXML
    private GridPane settings;
    @FXML
    private CheckBox doNotDisturb;
    @FXML
    private Label desktop;
    private Overlay overlay;

    NotificationsController(NotificationsViewModel model, ResourceBundle texts, Consumer<String> openRun) {
        this.model = model;
        this.texts = texts;
        this.openRun = openRun;
    }

    @FXML
    private void initialize() {
        history.setItems(model.rows());
        history.setPlaceholder(new Label(texts.getString("alerts.history.empty")));
        history.setCellFactory(list -> new RowCell(texts.getString("alerts.history.held")));
        history.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected();
            }
        });
        AlertKind[] kinds = AlertKind.values();
        for (int i = 0; i < kinds.length; i++) {
            AlertKind kind = kinds[i];
            Label name = new Label((i + 1) + "  " + model.kindName(kind));
            CheckBox on = box(texts.getString("alerts.settings.on"), model.enabledProperty(kind),
                    () -> model.toggleEnabled(kind));
            on.setId("notify-on-" + kind.name());
            CheckBox sound = box(texts.getString("alerts.settings.sound"), model.soundProperty(kind),
                    () -> model.toggleSound(kind));
            sound.setId("notify-sound-" + kind.name());
            settings.addRow(i, name, on, sound);
        }
        follow(doNotDisturb, model.doNotDisturbProperty(), model::toggleDoNotDisturb);
        doNotDisturb.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> texts.getString(model.doNotDisturbProperty().get() ? "alerts.dnd.on" : "alerts.dnd.off"),
                model.doNotDisturbProperty()));
        desktop.textProperty().bind(model.desktopProperty());
        overlay = new Overlay(root);
        root.setOnMouseClicked(e -> {
            if (e.getTarget() == root) {
                overlay.hide();
            }
        });
    }

    private static CheckBox box(String text, ObservableBooleanValue state, Runnable toggle) {
        CheckBox box = new CheckBox(text);
        box.setFocusTraversable(false);
        follow(box, state, toggle);
        return box;
    }

    /** The box shows the model's state; a click asks the model to change it, and the model's answer shows. */
    private static void follow(CheckBox box, ObservableBooleanValue state, Runnable toggle) {
        box.setSelected(state.get());
        state.addListener((obs, old, now) -> box.setSelected(now));
        box.setOnAction(e -> {
            box.setSelected(state.get());
            toggle.run();
        });
    }

    StackPane layer() {
        return root;
    }

    boolean isShowing() {
        return overlay.isShowing();
    }

    void show() {
        overlay.show(history);
        if (!model.rows().isEmpty()) {
            history.getSelectionModel().clearAndSelect(0);
            history.scrollTo(0);
        }
    }

    void hide() {
        overlay.hide();
    }

    void move(int step) {
        int size = model.rows().size();
        if (size > 0) {
            int at = Math.max(0, Math.min(size - 1, history.getSelectionModel().getSelectedIndex() + step));
            history.getSelectionModel().clearAndSelect(at);
            history.scrollTo(at);
        }
    }

    void openSelected() {
        NotificationsViewModel.Row row = history.getSelectionModel().getSelectedItem();
        if (row != null) {
            overlay.hide();
            openRun.accept(row.runId());
        }
    }

    private static final class RowCell extends ListCell<NotificationsViewModel.Row> {
        private final String heldText;

        RowCell(String heldText) {
            this.heldText = heldText;
            setWrapText(true);
        }

        @Override
        protected void updateItem(NotificationsViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                return;
            }
            setText(row.time() + "  " + row.title() + (row.held() ? "  (" + heldText + ")" : "") + "\n" + row.body());
        }
    }
}
