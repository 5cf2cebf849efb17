package com.incidentconsole.shell;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * The banner above the runs list and the run detail while what they show is a copy the server has
 * not confirmed: the status bar is easy to miss, the content is not.
 */
public final class StaleBannerController {

    private final StatusBarViewModel viewModel;

    @FXML private HBox staleBanner;
    @FXML private Label staleText;

    public StaleBannerController(StatusBarViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        staleBanner.visibleProperty().bind(viewModel.staleProperty());
        staleBanner.managedProperty().bind(viewModel.staleProperty());
        staleText.textProperty().bind(viewModel.staleNoticeProperty());
        staleBanner.accessibleTextProperty().bind(viewModel.staleNoticeProperty());
    }
}
