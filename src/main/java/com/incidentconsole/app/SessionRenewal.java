package com.incidentconsole.app;

import com.incidentconsole.credentials.CredentialPrompt;
import com.incidentconsole.sync.ConnectionState;
import com.incidentconsole.sync.Subscription;
import com.incidentconsole.sync.Workspace;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Offers the sign-in dialog when the server refuses the workspace's session — once as it happens, and again on
 * {@code Ctrl+Shift+S} — so an expired or revoked session is renewed in place instead of by quitting. Cancelling
 * leaves the window as it is: usable, its data marked stale, the status bar saying how to sign in. FX thread only,
 * except what {@code signInAgain} does in the background.
 */
final class SessionRenewal implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SessionRenewal.class.getName());

    private final Workspace workspace;
    private final Function<CredentialPrompt, CompletableFuture<CredentialPrompt.Outcome>> signInAgain;
    private final CredentialPrompt prompt;
    private final Executor fx;
    private Subscription subscription;
    private boolean open;
    private ConnectionState last;

    /**
     * @param signInAgain shows {@code prompt} and continues the workspace with the new session (see
     *                    {@link Bootstrap#signInAgain})
     */
    SessionRenewal(Workspace workspace, Function<CredentialPrompt, CompletableFuture<CredentialPrompt.Outcome>> signInAgain,
                   CredentialPrompt prompt, Executor fx) {
        this.workspace = workspace;
        this.signInAgain = signInAgain;
        this.prompt = prompt;
        this.fx = fx;
    }

    /** Follows the connection; offers the dialog now if the session is refused already (a start from the cache). */
    void start() {
        subscription = workspace.subscribeConnection(status -> fx.execute(() -> changed(status.state())));
        changed(workspace.connection().state());
    }

    private void changed(ConnectionState state) {
        boolean entered = state == ConnectionState.SIGN_IN_REFUSED && last != ConnectionState.SIGN_IN_REFUSED;
        last = state;
        if (entered) {
            offer();
        }
    }

    /** Shows the dialog if the session is refused and it is not showing yet; otherwise nothing. */
    void offer() {
        if (open || workspace.connection().state() != ConnectionState.SIGN_IN_REFUSED) {
            return;
        }
        open = true;
        signInAgain.apply(prompt).whenComplete((outcome, error) -> fx.execute(() -> {
            open = false;
            if (error != null) {
                LOG.log(Level.WARNING, "Could not offer to sign in again", error);
            }
        }));
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
    }
}
