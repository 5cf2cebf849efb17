package com.incidentconsole.reportexport;

import com.incidentconsole.report.ReportFormat;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** The export dialog: pick a format, pick a file, watch it work, then open what was written. */
public final class ReportExportController {

    private final ReportExportViewModel model;
    private final ResourceBundle bundle;
    private final String runName;
    private final Consumer<Path> open;
    private final Runnable close;

    @FXML private Label runLabel;
    @FXML private ComboBox<ReportFormat> formatPicker;
    @FXML private Button exportButton;
    @FXML private ProgressIndicator progress;
    @FXML private Label messageLabel;
    @FXML private Button openButton;
    @FXML private Button closeButton;

    public ReportExportController(ReportExportViewModel model, ResourceBundle bundle, String runName, Consumer<Path> open,
            Runnable close) {
        this.model = model;
        this.bundle = bundle;
        this.runName = runName;
        this.open = open;
        this.close = close;
    }

    @FXML
    private void initialize() {
        runLabel.setText(runName);
        formatPicker.setItems(FXCollections.observableArrayList(model.formats()));
        formatPicker.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReportFormat format) {
                return format == null ? "" : format.displayName() + " (." + format.extension() + ")";
            }

            @Override
            public ReportFormat fromString(String text) {
                return ReportFormat.parse(text).orElse(null);
            }
        });
        formatPicker.valueProperty().bindBidirectional(model.formatProperty());
        var working = model.stateProperty().isEqualTo(ReportExportViewModel.State.WORKING);
        progress.visibleProperty().bind(working);
        exportButton.disableProperty().bind(working);
        formatPicker.disableProperty().bind(working);
        messageLabel.textProperty().bind(model.messageProperty());
        openButton.visibleProperty().bind(model.stateProperty().isEqualTo(ReportExportViewModel.State.DONE));
        openButton.managedProperty().bind(openButton.visibleProperty());
        exportButton.setOnAction(e -> choose());
        openButton.setOnAction(e -> open.accept(model.writtenProperty().get()));
        closeButton.setOnAction(e -> close.run());
    }

    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(bundle.getString("export.chooser"));
        ReportFormat format = model.formatProperty().get();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.displayName(), "*." + format.extension()));
        chooser.setInitialFileName(model.defaultFileName(runName));
        Path folder = Path.of(System.getProperty("user.home", "."));
        Path documents = folder.resolve("Documents");
        chooser.setInitialDirectory((Files.isDirectory(documents) ? documents : folder).toFile());
        File file = chooser.showSaveDialog(exportButton.getScene().getWindow());
        if (file != null) {
            model.export(file.toPath());
        }
    }
}
