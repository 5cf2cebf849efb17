package com.incidentconsole.shell;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.util.Duration;

/** The first screen: shows at once, so the window is never blank or frozen while we connect. */
public final class StartupController {

    private final StartupViewModel viewModel;

    @FXML private Label headline;
    @FXML private Label detail;
    @FXML private ProgressIndicator progress;
    @FXML private Button quitButton;
    @FXML private Button rebuildButton;

    public StartupController(StartupViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        headline.textProperty().bind(viewModel.headlineProperty());
        detail.textProperty().bind(viewModel.detailProperty());
        progress.visibleProperty().bind(viewModel.failedProperty().not());
        // Waiting may last: leaving must be one key away then, as after a failure.
        quitButton.visibleProperty().bind(viewModel.failedProperty().or(viewModel.waitingProperty()));
        rebuildButton.visibleProperty().bind(viewModel.rebuildOfferedProperty());
        rebuildButton.managedProperty().bind(viewModel.rebuildOfferedProperty());
        viewModel.failedProperty().addListener((obs, was, is) -> {
            if (is) {
                (viewModel.rebuildOfferedProperty().get() ? rebuildButton : quitButton).requestFocus();
            }
        });

        Timeline seconds = new Timeline(new KeyFrame(Duration.seconds(1), e -> viewModel.tick()));
        seconds.setCycleCount(Animation.INDEFINITE);
        seconds.play();
        // Replaced by the workspace: stop counting down for a screen nobody sees.
        headline.sceneProperty().addListener((obs, was, is) -> {
            if (is == null) {
                seconds.stop();
            }
        });
    }

    @FXML
    private void rebuild() {
        viewModel.rebuild();
    }

    @FXML
    private void quit() {
        Platform.exit();
    }
}
