package com.incidentconsole.shell;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;

/** The first screen: shows at once, so the window is never blank or frozen while we connect. */
public final class StartupController {

    private final StartupViewModel viewModel;

    @FXML private Label headline;
    @FXML private Label detail;
    @FXML private ProgressIndicator progress;
    @FXML private Button quitButton;

    public StartupController(StartupViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        headline.textProperty().bind(viewModel.headlineProperty());
        detail.textProperty().bind(viewModel.detailProperty());
        progress.visibleProperty().bind(viewModel.failedProperty().not());
        quitButton.visibleProperty().bind(viewModel.failedProperty());
        viewModel.failedProperty().addListener((obs, was, is) -> {
            if (is) {
                quitButton.requestFocus();
            }
        });
    }

    @FXML
    private void quit() {
        Platform.exit();
    }
}
