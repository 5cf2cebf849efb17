package com.incidentconsole.playbook.editor;

import com.incidentconsole.fx.Overlay;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;

/**
 * The pull picker, a layer over the window: type to search the servers' playbooks, Up/Down to choose, Enter to
 * take it (the file name is filled in — the linked file for a pull again), Enter again to pull, Escape to leave.
 */
public final class PullController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PullViewModel model;
    private final ServerSyncViewModel sync;
    private final ResourceBundle bundle;
    private final ZoneId zone;
    private PullViewModel.Choice picked;
    private Overlay overlay;

    @FXML private StackPane pullLayer;
    @FXML private TextField searchField;
    @FXML private TableView<PullViewModel.Choice> playbookTable;
    @FXML private TableColumn<PullViewModel.Choice, String> titleColumn;
    @FXML private TableColumn<PullViewModel.Choice, String> teamColumn;
    @FXML private TableColumn<PullViewModel.Choice, String> serverColumn;
    @FXML private TableColumn<PullViewModel.Choice, String> updatedColumn;
    @FXML private TableColumn<PullViewModel.Choice, String> linkedColumn;
    @FXML private Label fileLabel;
    @FXML private TextField fileField;
    @FXML private Label pullMessage;

    public PullController(PullViewModel model, ServerSyncViewModel sync, ResourceBundle bundle, ZoneId zone) {
        this.model = model;
        this.sync = sync;
        this.bundle = bundle;
        this.zone = zone;
    }

    @FXML
    private void initialize() {
        overlay = new Overlay(pullLayer);
        playbookTable.setItems(model.choices());
        titleColumn.setCellValueFactory(c -> constant(c.getValue().playbook().title()));
        teamColumn.setCellValueFactory(c -> constant(c.getValue().playbook().teamName()));
        serverColumn.setCellValueFactory(c -> constant(c.getValue().server().label()));
        serverColumn.visibleProperty().bind(model.severalServersProperty());
        updatedColumn.setCellValueFactory(c -> constant(c.getValue().playbook().updateAt() <= 0 ? ""
                : WHEN.format(Instant.ofEpochMilli(c.getValue().playbook().updateAt()).atZone(zone))));
        linkedColumn.setCellValueFactory(c -> constant(c.getValue().linkedFile()));
        playbookTable.setPlaceholder(new Label(""));
        searchField.textProperty().bindBidirectional(model.filterProperty());
        pullMessage.textProperty().bind(model.messageProperty());
        model.choices().addListener((javafx.collections.ListChangeListener<PullViewModel.Choice>) c -> {
            if (playbookTable.getSelectionModel().isEmpty() && !model.choices().isEmpty()) {
                playbookTable.getSelectionModel().selectFirst();
            }
        });
        pullLayer.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    }

    private static ObservableValue<String> constant(String text) {
        return new ReadOnlyStringWrapper(text == null ? "" : text);
    }

    public boolean isShowing() {
        return overlay.isShowing();
    }

    /** Shows the picker with a fresh list from the servers. */
    public void show() {
        picked = null;
        fileField.clear();
        fileLabel.setText(bundle.getString("pull.file"));
        model.load();
        overlay.show(searchField);
    }

    private void hide() {
        overlay.hide();
    }

    private void key(KeyEvent e) {
        boolean inFile = fileField.isFocused();
        if (e.getCode() == KeyCode.ESCAPE) {
            if (inFile) {
                searchField.requestFocus();
            } else {
                hide();
            }
        } else if (e.getCode() == KeyCode.ENTER) {
            if (inFile) {
                pull();
            } else {
                pick();
            }
        } else if (!inFile && (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP)) {
            // Up/Down choose in the list while the search field keeps the typing.
            var selection = playbookTable.getSelectionModel();
            if (e.getCode() == KeyCode.DOWN) {
                selection.selectNext();
            } else {
                selection.selectPrevious();
            }
            playbookTable.scrollTo(Math.max(0, selection.getSelectedIndex()));
        } else {
            return;
        }
        e.consume();
    }

    private void pick() {
        PullViewModel.Choice choice = playbookTable.getSelectionModel().getSelectedItem();
        if (choice == null) {
            return;
        }
        picked = choice;
        fileLabel.setText(bundle.getString(choice.linkedFile() != null ? "pull.file.again" : "pull.file"));
        fileField.setText(model.suggestedFile(choice));
        fileField.requestFocus();
        fileField.selectAll();
    }

    private void pull() {
        String name = fileField.getText().strip();
        if (picked == null || name.isEmpty()) {
            searchField.requestFocus();
            return;
        }
        PullViewModel.Choice choice = picked;
        hide();
        sync.pull(choice.server(), choice.playbook(), name);
    }
}
