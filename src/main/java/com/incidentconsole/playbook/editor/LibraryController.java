package com.incidentconsole.playbook.editor;

import static com.incidentconsole.fx.command.Trigger.combo;
import static com.incidentconsole.fx.command.Trigger.typed;

import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.Scope;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The library list. File actions that need a name or a confirmation ask in an inline prompt under the list
 * (Enter confirms, Escape cancels) rather than in a modal dialog, so the keyboard never leaves the window.
 */
public final class LibraryController {

    public static final Scope SCOPE = Scope.view("library");
    /** The inline name / confirm prompt under the list. */
    static final Scope PROMPT = Scope.modal("library.prompt");

    /** What the inline prompt is asking for. */
    private enum Prompt { NEW, DUPLICATE, RENAME, DELETE }

    private final LibraryViewModel model;
    private final ResourceBundle bundle;
    private final Consumer<String> openFile;
    private final Consumer<String> compareWithOpen;
    private Prompt prompt;
    private String promptTarget;
    private java.util.function.Function<LibraryRow, String> linkStatus = row -> "";

    @FXML private VBox libraryRoot;
    @FXML private TextField folderField;
    @FXML private ListView<LibraryRow> fileList;
    @FXML private VBox promptBar;
    @FXML private Label promptLabel;
    @FXML private TextField promptField;
    @FXML private ComboBox<TemplateCatalog.Template> templateChoice;
    @FXML private Label libraryMessage;

    public LibraryController(LibraryViewModel model, ResourceBundle bundle, Consumer<String> openFile,
            Consumer<String> compareWithOpen) {
        this.model = model;
        this.bundle = bundle;
        this.openFile = openFile;
        this.compareWithOpen = compareWithOpen;
    }

    @FXML
    private void initialize() {
        fileList.setItems(model.rows());
        fileList.setCellFactory(list -> new RowCell());
        libraryMessage.textProperty().bind(model.messageProperty());
        model.libraryProperty().addListener((obs, old, lib) -> folderField.setText(lib.folder().toString()));
        if (model.libraryProperty().get() != null) {
            folderField.setText(model.libraryProperty().get().folder().toString());
        }
        folderField.setOnAction(e -> {
            model.open(Path.of(folderField.getText().strip()));
            fileList.requestFocus();
        });
        promptBar.managedProperty().bind(promptBar.visibleProperty());
        promptBar.setVisible(false);
        templateChoice.managedProperty().bind(templateChoice.visibleProperty());
        templateChoice.getItems().setAll(model.templates());
        Keymap.scope(fileList, SCOPE);
        Keymap.scope(promptBar, PROMPT);
        model.rows().addListener((javafx.collections.ListChangeListener<LibraryRow>) c -> {
            if (fileList.getSelectionModel().isEmpty() && !model.rows().isEmpty()) {
                fileList.getSelectionModel().selectFirst();
            }
        });
    }

    public void focusList() {
        fileList.requestFocus();
    }

    /** Each row shows {@code status} for its server link (instead of the bare URL); redrawn when {@code changed}. */
    public void showLinkStatus(java.util.function.Function<LibraryRow, String> status,
            javafx.beans.Observable changed) {
        linkStatus = status;
        changed.addListener(o -> fileList.refresh());
    }

    public void selectFile(String file) {
        select(file);
    }

    private LibraryRow selected() {
        return fileList.getSelectionModel().getSelectedItem();
    }

    /** The list's commands; they work while the file list has the keyboard. */
    List<Command> commands() {
        BooleanBinding row = fileList.getSelectionModel().selectedItemProperty().isNotNull();
        List<Command> all = new ArrayList<>(List.of(
                Command.of("library.next", SCOPE, () -> fileList.getSelectionModel().selectNext(), typed("j")),
                Command.of("library.previous", SCOPE, () -> fileList.getSelectionModel().selectPrevious(), typed("k")),
                Command.of("library.open", SCOPE, () -> openFile.accept(selected().file()), combo("Enter"))
                        .enabledWhen(row),
                Command.of("library.new", SCOPE, () -> ask(Prompt.NEW, null, "library.prompt.new", ""), typed("n")),
                Command.of("library.duplicate", SCOPE, () -> ask(Prompt.DUPLICATE, selected().file(),
                        "library.prompt.duplicate", selected().file().replace(".json", "-copy.json")),
                        combo("Shortcut+D")).enabledWhen(row),
                Command.of("library.rename", SCOPE, () -> ask(Prompt.RENAME, selected().file(), "library.prompt.rename",
                        selected().file()), combo("F2")).enabledWhen(row),
                Command.of("library.delete", SCOPE, () -> ask(Prompt.DELETE, selected().file(), "library.prompt.delete",
                        ""), combo("Delete")).enabledWhen(row),
                Command.of("library.compare", SCOPE, () -> compareWithOpen.accept(selected().file()), typed("c"))
                        .enabledWhen(row),
                Command.of("library.folder", SCOPE, () -> {
                    folderField.requestFocus();
                    folderField.selectAll();
                }, combo("Shortcut+O"))));
        all.addAll(promptCommands());
        return all;
    }

    private void ask(Prompt what, String target, String questionKey, String initial) {
        prompt = what;
        promptTarget = target;
        promptLabel.setText(String.format(bundle.getString(questionKey), target));
        templateChoice.setVisible(what == Prompt.NEW);
        templateChoice.getSelectionModel().selectFirst();
        promptField.setText(initial);
        promptField.setEditable(what != Prompt.DELETE);
        promptBar.setVisible(true);
        promptField.requestFocus();
        promptField.selectAll();
    }

    /** The inline prompt's keys; Up/Down pick the template without leaving the name field. */
    private List<Command> promptCommands() {
        BooleanBinding asking = Bindings.createBooleanBinding(promptBar::isVisible, promptBar.visibleProperty());
        BooleanBinding template = Bindings.createBooleanBinding(() -> promptBar.isVisible()
                && templateChoice.isVisible(), promptBar.visibleProperty(), templateChoice.visibleProperty());
        return List.of(
                Command.of("library.prompt.cancel", PROMPT, this::closePrompt, combo("Esc")).enabledWhen(asking)
                        .keysOnly(),
                Command.of("library.prompt.confirm", PROMPT, this::confirm, combo("Enter")).enabledWhen(asking)
                        .keysOnly(),
                Command.of("library.prompt.nextTemplate", PROMPT,
                        () -> templateChoice.getSelectionModel().selectNext(), combo("Down")).enabledWhen(template)
                        .keysOnly(),
                Command.of("library.prompt.previousTemplate", PROMPT,
                        () -> templateChoice.getSelectionModel().selectPrevious(), combo("Up")).enabledWhen(template)
                        .keysOnly());
    }

    private void confirm() {
        String typed = promptField.getText().strip();
        Prompt what = prompt;
        closePrompt();
        switch (what) {
            case NEW -> {
                if (!typed.isEmpty()) {
                    model.create(typed, templateChoice.getValue(), openFile);
                }
            }
            case DUPLICATE -> model.duplicate(promptTarget, typed, this::select);
            case RENAME -> model.rename(promptTarget, typed, this::select);
            case DELETE -> model.delete(promptTarget, () -> { });
        }
    }

    private void closePrompt() {
        promptBar.setVisible(false);
        prompt = null;
        fileList.requestFocus();
    }

    /** Selects a file once the refreshed list contains it. */
    private void select(String file) {
        model.rows().stream().filter(r -> r.file().equals(file)).findFirst()
                .ifPresentOrElse(r -> fileList.getSelectionModel().select(r), () -> model.rows().addListener(
                        new javafx.collections.ListChangeListener<LibraryRow>() {
                            @Override
                            public void onChanged(Change<? extends LibraryRow> c) {
                                model.rows().removeListener(this);
                                select(file);
                            }
                        }));
    }

    @FXML
    private void browse() {
        DirectoryChooser chooser = new DirectoryChooser();
        if (model.libraryProperty().get() != null) {
            chooser.setInitialDirectory(model.libraryProperty().get().folder().toFile());
        }
        File chosen = chooser.showDialog(libraryRoot.getScene().getWindow());
        if (chosen != null) {
            model.open(chosen.toPath());
        }
    }

    private final class RowCell extends ListCell<LibraryRow> {
        @Override
        protected void updateItem(LibraryRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("has-errors");
            if (empty || row == null) {
                setText(null);
                return;
            }
            StringBuilder text = new StringBuilder(row.title().isEmpty() ? row.file() : row.title());
            text.append("\n").append(row.file());
            if (row.unreadable() != null) {
                text.append("  ").append(bundle.getString("library.unreadable"));
            } else {
                text.append("  ").append(String.format(bundle.getString("library.status"), row.errors(),
                        row.warnings()));
            }
            String link = linkStatus.apply(row);
            if (!link.isEmpty()) {
                text.append("  ").append(link);
            } else if (!row.server().isEmpty()) {
                text.append("  ⇅ ").append(row.server());
                if (row.changedSincePull()) {
                    text.append(" ").append(bundle.getString("library.changed"));
                }
            }
            if (row.errors() > 0) {
                getStyleClass().add("has-errors");
            }
            setText(text.toString());
        }
    }
}
