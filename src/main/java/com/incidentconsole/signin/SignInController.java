package com.incidentconsole.signin;

import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.fx.command.Trigger;
import java.util.function.BooleanSupplier;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;

/**
 * Binds the sign-in view to its view-model. Keyboard first: Enter signs in from any field, Esc cancels, Tab moves
 * between the fields. Esc is the {@link #cancelCommand} of the dialog's modal scope, not a cancel button's
 * accelerator, which would be scene-wide, outlive the dialog and take Esc from the screen beneath.
 */
public final class SignInController {

    /** The view, owned by this feature. */
    public static final String VIEW = "/fxml/signin/sign_in.fxml";

    /** The dialog's keys: a modal layer, so a letter typed in it never reaches the screen beneath. */
    public static final Scope SCOPE = Scope.modal("signIn");

    private final SignInViewModel viewModel;

    @FXML private Region signInRoot;
    @FXML private Label server;
    @FXML private Label reason;
    @FXML private TextField user;
    @FXML private Label userLabel;
    @FXML private Label secretLabel;
    @FXML private PasswordField secret;
    @FXML private CheckBox useToken;
    @FXML private Label error;
    @FXML private ProgressIndicator busy;
    @FXML private Button signInButton;

    public SignInController(SignInViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        server.textProperty().bind(viewModel.serverProperty());
        reason.textProperty().bind(viewModel.reasonProperty());
        user.textProperty().bindBidirectional(viewModel.userProperty());
        secret.textProperty().bindBidirectional(viewModel.secretProperty());
        useToken.selectedProperty().bindBidirectional(viewModel.useTokenProperty());
        secretLabel.textProperty().bind(viewModel.secretLabelProperty());
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        busy.visibleProperty().bind(viewModel.busyProperty());
        // A token names its user: the user field is for passwords only.
        user.disableProperty().bind(viewModel.useTokenProperty().or(viewModel.busyProperty()));
        userLabel.disableProperty().bind(user.disableProperty());
        secret.disableProperty().bind(viewModel.busyProperty());
        signInButton.disableProperty().bind(viewModel.busyProperty());
        // After a refusal the secret was cleared: put the cursor back where the user retypes.
        viewModel.errorProperty().addListener((obs, was, now) -> {
            if (!now.isEmpty()) {
                secret.requestFocus();
            }
        });
        viewModel.busyProperty().addListener((obs, was, now) -> {
            if (!now && !viewModel.errorProperty().get().isEmpty()) {
                secret.requestFocus();
            }
        });
        Keymap.scope(signInRoot, SCOPE);
    }

    /**
     * Esc: cancels the dialog in front. One command for the window, whichever dialog is showing (the host may show
     * one per server).
     */
    public static Command cancelCommand(Runnable cancelFront, BooleanSupplier showing) {
        return Command.of("signIn.cancel", SCOPE, cancelFront, Trigger.combo("Esc")).enabledIf(showing).keysOnly();
    }

    /** Focus where typing starts: the user field, or the secret when the user is already known. */
    public void focusFirstField() {
        (user.getText().isEmpty() ? user : secret).requestFocus();
    }

    @FXML
    private void submit() {
        viewModel.submit();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }
}
