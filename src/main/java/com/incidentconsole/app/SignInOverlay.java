package com.incidentconsole.app;

import com.incidentconsole.credentials.CredentialPrompt;
import com.incidentconsole.credentials.SignInAttempt;
import com.incidentconsole.credentials.SignInRequest;
import com.incidentconsole.fx.ControllerFactory;
import com.incidentconsole.fx.ViewLoader;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.signin.SignInController;
import com.incidentconsole.signin.SignInViewModel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;

/**
 * The app's answer to {@link CredentialPrompt}: the sign-in view laid over the start-up screen in the main
 * window, removed again when the user signed in or cancelled. Called from the bootstrap's thread; everything
 * visible happens on {@code fx}, every attempt on {@code attempts}.
 */
final class SignInOverlay implements CredentialPrompt {

    private final StackPane host;
    private final ResourceBundle bundle;
    private final Executor fx;
    private final Executor attempts;
    /** The dialogs showing, the front one first (a start with several servers may ask for more than one). FX thread. */
    private final Deque<SignInViewModel> showing = new ArrayDeque<>();

    /** @param commands the window's registry: Esc there cancels the dialog in front */
    SignInOverlay(StackPane host, ResourceBundle bundle, Executor fx, Executor attempts, CommandRegistry commands) {
        this.host = host;
        this.bundle = bundle;
        this.fx = fx;
        this.attempts = attempts;
        commands.add(SignInController.cancelCommand(() -> {
            SignInViewModel front = showing.peekFirst();
            if (front != null) {
                front.cancel();
            }
        }, () -> !showing.isEmpty()));
    }

    @Override
    public CompletableFuture<Outcome> signIn(SignInRequest request, SignInAttempt attempt) {
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        fx.execute(() -> {
            try {
                SignInViewModel viewModel = new SignInViewModel(request, attempt, attempts, fx, bundle);
                AtomicReference<SignInController> controller = new AtomicReference<>();
                ControllerFactory controllers = new ControllerFactory().register(SignInController.class, () -> {
                    controller.set(new SignInController(viewModel));
                    return controller.get();
                });
                Parent view = new ViewLoader(controllers, bundle).load(SignInController.VIEW);
                // Keyboard first: once the dialog goes, the keys land where they were before it came.
                Node before = host.getScene() == null ? null : host.getScene().getFocusOwner();
                host.getChildren().add(view);
                showing.addFirst(viewModel);
                controller.get().focusFirstField();
                viewModel.outcome().whenComplete((outcome, error) -> fx.execute(() -> {
                    showing.remove(viewModel);
                    host.getChildren().remove(view);
                    if (before != null && before.getScene() == host.getScene()) {
                        before.requestFocus();
                    }
                    result.complete(outcome);
                }));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}
