package com.incidentconsole.playbook.editor;

import static com.incidentconsole.fx.command.Trigger.combo;

import com.incidentconsole.fx.Overlay;
import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.Scope;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
    static final Scope SCOPE = Scope.modal("pull");

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
        Keymap.scope(pullLayer, SCOPE);
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

    /** Up/Down choose in the list while the search field keeps the typing; Enter picks, then pulls. */
    List<Command> commands() {
        BooleanBinding open = Bindings.createBooleanBinding(pullLayer::isVisible, pullLayer.visibleProperty());
        BooleanBinding choosing = open.and(fileField.focusedProperty().not());
        return List.of(
                Command.of("pull.next", SCOPE, () -> step(1), combo("Down")).enabledWhen(choosing).keysOnly(),
                Command.of("pull.previous", SCOPE, () -> step(-1), combo("Up")).enabledWhen(choosing).keysOnly(),
                Command.of("pull.choose", SCOPE, () -> {
                    if (fileField.isFocused()) {
                        pull();
                    } else {
                        pick();
                    }
                }, combo("Enter")).enabledWhen(open).keysOnly(),
                Command.of("pull.back", SCOPE, () -> {
                    if (fileField.isFocused()) {
                        searchField.requestFocus();
                    } else {
                        hide();
                    }
                }, combo("Esc")).enabledWhen(open).keysOnly());
    }

    private void step(int by) {
        var selection = playbookTable.getSelectionModel();
        if (by > 0) {
            selection.selectNext();
        } else {
            selection.selectPrevious();
        }
        playbookTable.scrollTo(Math.max(0, selection.getSelectedIndex()));
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
