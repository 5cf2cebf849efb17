package com.incidentconsole.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.ServerError;
import com.incidentconsole.client.TransportError;
import com.incidentconsole.credentials.CredentialPrompt;
import com.incidentconsole.credentials.SignInRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The sign-in dialog's behaviour without a window: what is sent, what is shown, when it ends. */
class SignInViewModelTest {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("i18n.messages");
    private static final SignInRequest REQUEST = new SignInRequest(ServerAddress.of("https://chat.example.com"),
            Optional.of("alex"), "No saved sign-in for https://chat.example.com.");

    /** Background work waits here until the test runs it: "the network" answers when the test says so. */
    private final Queue<Runnable> network = new ArrayDeque<>();
    private final Executor background = network::add;
    private final Executor fx = Runnable::run;
    private final List<Credentials> sent = new ArrayList<>();

    private SignInViewModel viewModel(Consumer<Credentials> server) {
        return new SignInViewModel(REQUEST, credentials -> {
            sent.add(credentials);
            server.accept(credentials);
        }, background, fx, BUNDLE);
    }

    private void answer() {
        network.remove().run();
    }

    @Test
    void aPasswordIsSentOffTheCallingThreadAndTheDialogEndsSignedIn() {
        SignInViewModel vm = viewModel(c -> { });
        assertEquals("alex", vm.userProperty().get(), "the known user is filled in");
        assertEquals("to https://chat.example.com", vm.serverProperty().get());
        assertEquals(REQUEST.reason(), vm.reasonProperty().get());

        vm.secretProperty().set("correct horse");
        vm.submit();
        assertTrue(vm.busyProperty().get());
        assertEquals("", vm.secretProperty().get(), "the typed secret is cleared once handed over");
        assertTrue(sent.isEmpty(), "nothing is sent on the calling (FX) thread");
        vm.submit();

        answer();
        assertEquals(List.of(new Credentials.Password("alex", "correct horse")), sent, "sent once");
        assertFalse(vm.busyProperty().get());
        assertEquals(CredentialPrompt.Outcome.SIGNED_IN, vm.outcome().getNow(null));
    }

    @Test
    void aRefusalStaysInTheDialogWithTheReasonAndTheUserCanRetry() {
        List<Boolean> accept = new ArrayList<>(List.of(false, true));
        SignInViewModel vm = viewModel(c -> {
            if (!accept.remove(0)) {
                throw new ServerError(401, "api.user.login.invalid_credentials_email_username", "Enter a valid email "
                        + "or username and/or password.", "", "POST", "/api/v4/users/login", Optional.empty());
            }
        });
        vm.secretProperty().set("wrong");
        vm.submit();
        answer();

        assertEquals("The server did not accept this username and password.", vm.errorProperty().get());
        assertFalse(vm.outcome().isDone());
        assertFalse(vm.busyProperty().get());

        vm.secretProperty().set("right");
        vm.submit();
        assertEquals("", vm.errorProperty().get(), "the old error goes when the user tries again");
        answer();
        assertEquals(CredentialPrompt.Outcome.SIGNED_IN, vm.outcome().getNow(null));
    }

    @Test
    void aTokenNeedsNoUserAndIsSentAsAnAccessToken() {
        SignInViewModel vm = viewModel(c -> {
            throw new ServerError(401, "api.context.session_expired.app_error", "Invalid or expired session",
                    "", "GET", "/api/v4/users/me", Optional.empty());
        });
        vm.userProperty().set("");
        vm.useTokenProperty().set(true);
        assertEquals("Personal access token", vm.secretLabelProperty().get());
        vm.secretProperty().set("  pat-123  ");
        vm.submit();
        answer();

        assertEquals(List.of(new Credentials.AccessToken("pat-123")), sent);
        assertEquals("The server did not accept this token (wrong, expired or revoked).", vm.errorProperty().get());
    }

    @Test
    void missingFieldsAreNamedAndNothingIsSent() {
        SignInViewModel vm = viewModel(c -> { });
        vm.submit();
        assertEquals("Enter your username and password.", vm.errorProperty().get());
        vm.userProperty().set("");
        vm.secretProperty().set("pw");
        assertFalse(vm.canSubmitProperty().get());
        vm.submit();
        assertTrue(network.isEmpty() && sent.isEmpty());
    }

    @Test
    void anUnreachableOrUntrustedServerShowsTheClientsWords() {
        SignInViewModel vm = viewModel(c -> {
            throw new TransportError("The certificate of chat.example.com was not trusted: add it with --ca-cert FILE.",
                    null);
        });
        vm.secretProperty().set("pw");
        vm.submit();
        answer();
        assertTrue(vm.errorProperty().get().startsWith("The certificate of chat.example.com was not trusted"));
    }

    @Test
    void cancellingEndsTheDialogCancelled() {
        SignInViewModel vm = viewModel(c -> { });
        vm.cancel();
        assertEquals(CredentialPrompt.Outcome.CANCELLED, vm.outcome().getNow(null));
    }
}
