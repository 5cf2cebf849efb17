package com.incidentconsole.signin;

import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.ServerError;
import com.incidentconsole.credentials.CredentialPrompt;
import com.incidentconsole.credentials.SignInAttempt;
import com.incidentconsole.credentials.SignInRequest;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The sign-in dialog's state and actions: who signs in where, with a password or a personal access token.
 * Submitting runs the attempt (network, then the vault) on {@code background} and comes back on {@code fx}; a
 * refusal stays in the dialog with the reason, so the user corrects it without starting over. The typed secret
 * is cleared as soon as it has been handed to the attempt.
 */
public final class SignInViewModel {

    private final SignInAttempt attempt;
    private final Executor background;
    private final Executor fx;
    private final ResourceBundle bundle;
    private final CompletableFuture<CredentialPrompt.Outcome> outcome = new CompletableFuture<>();

    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty secret = new SimpleStringProperty("");
    private final BooleanProperty useToken = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper secretLabel = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canSubmit = new ReadOnlyBooleanWrapper();

    /**
     * @param background where the attempt runs (never the FX thread: it waits on the network)
     * @param fx         where results come back to (the FX thread; tests pass a direct executor)
     */
    public SignInViewModel(SignInRequest request, SignInAttempt attempt, Executor background, Executor fx,
                           ResourceBundle bundle) {
        this.attempt = Objects.requireNonNull(attempt, "attempt");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        server.set(String.format(bundle.getString("signin.server"), request.server().baseUrl()));
        reason.set(request.reason());
        user.set(request.user().orElse(""));
        secretLabel.bind(Bindings.when(useToken).then(bundle.getString("signin.token"))
                .otherwise(bundle.getString("signin.password")));
        canSubmit.bind(busy.not().and(secret.isNotEmpty()).and(useToken.or(user.isNotEmpty())));
    }

    /** Tries to sign in with what was typed; does nothing while an attempt runs or a field is missing. */
    public void submit() {
        if (!canSubmit.get()) {
            if (!busy.get()) {
                error.set(bundle.getString(useToken.get() ? "signin.missing.token" : "signin.missing.password"));
            }
            return;
        }
        Credentials credentials;
        try {
            credentials = useToken.get() ? new Credentials.AccessToken(secret.get())
                    : new Credentials.Password(user.get().strip(), secret.get());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        secret.set("");
        error.set("");
        busy.set(true);
        background.execute(() -> {
            try {
                attempt.attempt(credentials);
                fx.execute(this::succeeded);
            } catch (RuntimeException e) {
                String why = describe(e, credentials);
                fx.execute(() -> failed(why));
            }
        });
    }

    /** Gives up: the app then says that sign-in was cancelled (and offers to quit). */
    public void cancel() {
        outcome.complete(CredentialPrompt.Outcome.CANCELLED);
    }

    /** Completes once: signed in, or cancelled. */
    public CompletableFuture<CredentialPrompt.Outcome> outcome() {
        return outcome;
    }

    private void succeeded() {
        busy.set(false);
        outcome.complete(CredentialPrompt.Outcome.SIGNED_IN);
    }

    private void failed(String why) {
        busy.set(false);
        error.set(why);
    }

    private String describe(RuntimeException e, Credentials credentials) {
        if (e instanceof ServerError server && server.isUnauthorized()) {
            return credentials instanceof Credentials.Password
                    ? bundle.getString("signin.refused.password") : bundle.getString("signin.refused.token");
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty secretProperty() {
        return secret;
    }

    public BooleanProperty useTokenProperty() {
        return useToken;
    }

    public ReadOnlyStringProperty serverProperty() {
        return server.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty secretLabelProperty() {
        return secretLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSubmitProperty() {
        return canSubmit.getReadOnlyProperty();
    }
}
