package com.incidentconsole.playbook.editor;

import com.incidentconsole.fx.KeyHint;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The library list. File actions that need a name or a confirmation ask in an inline prompt under the list
 * (Enter confirms, Escape cancels) rather than in a modal dialog, so the keyboard never leaves the window.
 */
public final class LibraryController {

    public static final List<KeyHint> KEYS = List.of(
            new KeyHint("j / k", "keys.move"),
            new KeyHint("Enter", "keys.open"),
            new KeyHint("n", "keys.new"),
            new KeyHint("Ctrl+D", "keys.duplicate"),
            new KeyHint("F2", "keys.rename"),
            new KeyHint("Delete", "keys.delete"),
            new KeyHint("c", "keys.compare"),
            new KeyHint("Ctrl+O", "keys.folder"),
            new KeyHint("?", "keys.help"));

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
        fileList.addEventHandler(KeyEvent.KEY_PRESSED, this::listKey);
        fileList.addEventHandler(KeyEvent.KEY_TYPED, this::listTyped);
        promptField.addEventFilter(KeyEvent.KEY_PRESSED, this::promptKey);
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

    private void listTyped(KeyEvent e) {
        switch (e.getCharacter()) {
            case "j" -> fileList.getSelectionModel().selectNext();
            case "k" -> fileList.getSelectionModel().selectPrevious();
            case "n" -> ask(Prompt.NEW, null, "library.prompt.new", "");
            case "c" -> {
                if (selected() != null) {
                    compareWithOpen.accept(selected().file());
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void listKey(KeyEvent e) {
        LibraryRow row = selected();
        if (e.getCode() == KeyCode.ENTER && row != null) {
            openFile.accept(row.file());
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.D && row != null) {
            ask(Prompt.DUPLICATE, row.file(), "library.prompt.duplicate", row.file().replace(".json", "-copy.json"));
        } else if (e.getCode() == KeyCode.F2 && row != null) {
            ask(Prompt.RENAME, row.file(), "library.prompt.rename", row.file());
        } else if (e.getCode() == KeyCode.DELETE && row != null) {
            ask(Prompt.DELETE, row.file(), "library.prompt.delete", "");
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.O) {
            folderField.requestFocus();
            folderField.selectAll();
        } else {
            return;
        }
        e.consume();
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

    private void promptKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            closePrompt();
        } else if (e.getCode() == KeyCode.ENTER) {
            confirm();
        } else if (prompt == Prompt.NEW && (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP)) {
            // Up/Down pick the template without leaving the name field.
            var selection = templateChoice.getSelectionModel();
            if (e.getCode() == KeyCode.DOWN) {
                selection.selectNext();
            } else {
                selection.selectPrevious();
            }
        } else {
            return;
        }
        e.consume();
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
