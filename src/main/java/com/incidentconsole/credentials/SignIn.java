package com.incidentconsole.credentials;

import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.ServerError;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Signing in and remembering it, shared by the {@code login} command and the desktop start: credentials are
 * checked against the server first, and only a token the server accepted is stored. Blocking throughout.
 */
public final class SignIn {

    /** Opens a verified connection: {@link MattermostConnection#open} with the app's mapper and TLS trust. */
    @FunctionalInterface
    public interface Opener {
        MattermostConnection open(ServerAddress server, Credentials credentials);
    }

    /**
     * A sign-in the server accepted: {@code storedIn} says where the token went, or {@code notStored} why it could
     * not be remembered — the session works all the same, the next start will ask again.
     */
    public record SignedIn(MattermostConnection connection, StoredToken token, Optional<String> storedIn,
                           Optional<String> notStored) {
    }

    private static final Logger LOG = Logger.getLogger(SignIn.class.getName());

    private final CredentialVault vault;
    private final Opener opener;
    private final Clock clock;

    public SignIn(CredentialVault vault, Opener opener, Clock clock) {
        this.vault = Objects.requireNonNull(vault, "vault");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Verifies {@code credentials} and stores the token the server accepted: the session token of a password
     * sign-in (never the password), or the personal access token itself. Stored under the username the server
     * reports, which is the same whether the user typed their username or their e-mail.
     */
    public SignedIn signIn(ServerAddress server, Credentials credentials) {
        return remember(server, credentials, opener.open(server, credentials));
    }

    /** Verifies {@code credentials} without storing anything yet: see {@link #remember}. */
    public MattermostConnection verify(ServerAddress server, Credentials credentials) {
        return opener.open(server, credentials);
    }

    /**
     * Stores the token of {@code connection}, signed in with {@code credentials}, as {@link #signIn} does — for a
     * caller that checks the connection first (signing in again must be the same user as before).
     */
    public SignedIn remember(ServerAddress server, Credentials credentials, MattermostConnection connection) {
        TokenKind kind = credentials instanceof Credentials.Password ? TokenKind.SESSION : TokenKind.ACCESS_TOKEN;
        StoredToken token = new StoredToken(server, connection.me().username(), kind, connection.token(),
                clock.instant());
        try {
            return new SignedIn(connection, token, Optional.of(vault.save(token)), Optional.empty());
        } catch (CredentialException e) {
            LOG.warning(() -> "Signed in as " + token.user() + " but the token was not stored: " + e.getMessage());
            return new SignedIn(connection, token, Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    /**
     * The desktop start for a server given without a token: the stored token if the server still accepts it,
     * otherwise the prompt until the user signs in or gives up.
     *
     * @throws SignInCancelled when the user closed the prompt
     * @throws com.incidentconsole.client.ClientException when the server cannot be used at all (unreachable,
     *         untrusted certificate, 5xx): a prompt for a password would not help
     */
    public MattermostConnection connect(ServerAddress server, Optional<String> user, CredentialPrompt prompt) {
        Optional<String> who = user;
        String reason;
        try {
            Optional<StoredToken> stored = vault.find(server, user);
            if (stored.isPresent()) {
                who = Optional.of(stored.get().user());
                try {
                    return opener.open(server, new Credentials.AccessToken(stored.get().token()));
                } catch (ServerError e) {
                    if (!e.isUnauthorized()) {
                        throw e;
                    }
                    reason = storedRejected(stored.get().user());
                }
            } else {
                reason = nothingStored(server, user);
            }
        } catch (CredentialException e) {
            reason = e.getMessage();
        }
        return ask(server, who, reason, prompt);
    }

    /** Why the prompt is shown when nothing is stored: the text {@link #connect} and the app's start use. */
    public static String nothingStored(ServerAddress server, Optional<String> user) {
        return "No saved sign-in for " + user.map(u -> u + " on ").orElse("") + server.baseUrl() + ".";
    }

    /** Why the prompt is shown when the server refused the stored token of {@code user}. */
    public static String storedRejected(String user) {
        return "The saved sign-in of " + user + " has expired or was revoked.";
    }

    /**
     * Asks the prompt until the user signs in (each attempt verified and stored, see {@link #signIn}) or gives up.
     *
     * @return a signed-in connection
     * @throws SignInCancelled when the user closed the prompt
     */
    public MattermostConnection ask(ServerAddress server, Optional<String> user, String reason,
                                    CredentialPrompt prompt) {
        LOG.info(() -> "Asking to sign in: " + reason);
        AtomicReference<MattermostConnection> opened = new AtomicReference<>();
        CredentialPrompt.Outcome outcome;
        try {
            outcome = prompt.signIn(new SignInRequest(server, user, reason), credentials -> {
                MattermostConnection previous = opened.getAndSet(signIn(server, credentials).connection());
                if (previous != null) {
                    previous.close();
                }
            }).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        MattermostConnection connection = opened.get();
        if (outcome == CredentialPrompt.Outcome.SIGNED_IN && connection != null) {
            return connection;
        }
        if (connection != null) {
            connection.close();
        }
        throw new SignInCancelled("Sign-in to " + server.baseUrl() + " was cancelled.");
    }
}
