package com.incidentconsole.shell;

import com.incidentconsole.fx.UiClock;
import com.incidentconsole.sync.ConnectionState;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;

/** Binds the status bar and ticks once a second so the retry countdown and the data's age stay true. */
public final class StatusBarController {

    private static final PseudoClass ATTENTION = PseudoClass.getPseudoClass("attention");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final StatusBarViewModel viewModel;
    private final ResourceBundle bundle;
    private final UiClock clock;

    @FXML private Label serverLabel;
    @FXML private Label sandboxBadge;
    @FXML private Label connectionLabel;
    @FXML private ProgressBar syncProgress;
    @FXML private Label userLabel;
    @FXML private Label actionsLabel;

    public StatusBarController(StatusBarViewModel viewModel, ResourceBundle bundle, UiClock clock) {
        this.viewModel = viewModel;
        this.bundle = bundle;
        this.clock = clock;
    }

    @FXML
    private void initialize() {
        serverLabel.textProperty().bind(viewModel.serverProperty());
        sandboxBadge.visibleProperty().bind(viewModel.sandboxProperty());
        sandboxBadge.managedProperty().bind(viewModel.sandboxProperty());
        connectionLabel.textProperty().bind(viewModel.connectionProperty());
        Tooltip why = new Tooltip();
        why.textProperty().bind(viewModel.connectionDetailProperty());
        connectionLabel.setTooltip(why);
        syncProgress.visibleProperty().bind(viewModel.syncingProperty());
        syncProgress.managedProperty().bind(viewModel.syncingProperty());
        syncProgress.progressProperty().bind(viewModel.syncProgressProperty());
        viewModel.stateProperty().addListener((obs, was, is) -> showState(is));
        showState(viewModel.stateProperty().get());
        userLabel.textProperty().bind(viewModel.userProperty().map(name -> String.format(bundle.getString("status.signedInAs"), name)));
        actionsLabel.textProperty().bind(viewModel.actionsProperty());
        viewModel.failedCountProperty().addListener((obs, was, is) -> actionsLabel.pseudoClassStateChanged(FAILED, is.intValue() > 0));
        actionsLabel.pseudoClassStateChanged(FAILED, viewModel.failedCountProperty().get() > 0);

        clock.every(1, viewModel::tick);
    }

    private void showState(ConnectionState state) {
        connectionLabel.getStyleClass().removeIf(s -> s.startsWith("connection-"));
        connectionLabel.getStyleClass().add("connection-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        connectionLabel.pseudoClassStateChanged(ATTENTION, state == ConnectionState.RECONNECTING
                || state == ConnectionState.INCOMPLETE || state == ConnectionState.NOT_MATTERMOST
                || state == ConnectionState.OFFLINE || state == ConnectionState.SIGN_IN_REFUSED);
    }
}
