package com.incidentconsole.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.ClientException;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.ServerError;
import com.incidentconsole.client.ServerTrust;
import com.incidentconsole.credentials.CredentialException;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.credentials.SignIn;
import com.incidentconsole.wire.WireJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code login}: signs in to a server and stores the token (OS keyring, else an encrypted owner-only file), so
 * the app and the playbook commands need no token in the environment afterwards. Secrets are typed without echo
 * or read from the environment or standard input — never from a flag, which every process listing shows.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Sign in to a Mattermost server and store the token for the app and the playbook commands.",
            "With --login the password is read from $" + LoginCommand.PASSWORD_VARIABLE + ", else typed (not shown);"
                + " the server's session token is stored, never the password.",
            "Without --login a personal access token is read from --token-env NAME, --token-stdin, or typed."})
public final class LoginCommand implements Callable<Integer> {

    static final String PASSWORD_VARIABLE = "INCIDENT_CONSOLE_PASSWORD";

    @Spec
    private CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "URL", description = "Mattermost site URL.")
    private String server;

    @ArgGroup(exclusive = true)
    private How how = new How();

    static final class How {
        @Option(names = "--login", paramLabel = "USER", description = "Username or e-mail; sign in with a password.")
        String login;

        @Option(names = "--token-env", paramLabel = "NAME",
                description = "Read a personal access token from this environment variable.")
        String tokenEnv;

        @Option(names = "--token-stdin", description = "Read a personal access token from the first line of stdin.")
        boolean tokenStdin;
    }

    @Mixin
    private CaCertOption ca;

    private final UnaryOperator<String> environment;
    private final SecretConsole console;
    private final InputStream stdin;
    private final Function<JsonMapper, CredentialVault> vaults;

    public LoginCommand() {
        this(System::getenv, SecretConsole.system(), System.in, ServerLogin.userVault());
    }

    LoginCommand(UnaryOperator<String> environment, SecretConsole console, InputStream stdin,
                 Function<JsonMapper, CredentialVault> vaults) {
        this.environment = environment;
        this.console = console;
        this.stdin = stdin;
        this.vaults = vaults;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return login(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int login(PrintWriter out, PrintWriter err) {
        ServerAddress address;
        ServerTrust trust;
        Credentials credentials;
        try {
            address = ServerAddress.of(server);
            trust = ca.trust();
            credentials = credentials(address);
        } catch (IllegalArgumentException | Unusable e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        JsonMapper mapper = WireJson.newMapper();
        try (CredentialVault vault = vaults.apply(mapper)) {
            SignIn signIn = new SignIn(vault, (s, c) -> MattermostConnection.open(s, c, mapper, trust), Clock.systemUTC());
            SignIn.SignedIn done = signIn.signIn(address, credentials);
            done.connection().close();
            String what = credentials instanceof Credentials.Password ? "session token" : "access token";
            if (done.notStored().isPresent()) {
                err.println("Signed in to " + address.baseUrl() + " as " + done.token().user() + ", but the " + what
                        + " could not be stored: " + done.notStored().get());
                return 1;
            }
            out.println("Signed in to " + address.baseUrl() + " as " + done.token().user() + "; the " + what
                    + " is stored in " + done.storedIn().orElseThrow() + ".");
            return 0;
        } catch (ServerError e) {
            err.println("error: " + (e.isUnauthorized() ? refused(credentials) : e.getMessage()));
            return 1;
        } catch (ClientException | CredentialException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static String refused(Credentials credentials) {
        return credentials instanceof Credentials.Password p
                ? "the server did not accept the password for " + p.loginId() + "."
                : "the server did not accept this token (wrong, expired or revoked).";
    }

    private Credentials credentials(ServerAddress address) {
        if (how.login != null) {
            String fromEnvironment = environment.apply(PASSWORD_VARIABLE);
            String password = fromEnvironment != null && !fromEnvironment.isEmpty() ? fromEnvironment
                    : typed("Password for " + how.login + " at " + address.baseUrl() + ": ",
                            "no terminal to type the password into: set " + PASSWORD_VARIABLE);
            return new Credentials.Password(how.login, password);
        }
        if (how.tokenEnv != null) {
            String token = environment.apply(how.tokenEnv);
            if (token == null || token.isBlank()) {
                throw new Unusable("$" + how.tokenEnv + " is not set or empty");
            }
            return new Credentials.AccessToken(token.strip());
        }
        if (how.tokenStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isBlank()) {
                    throw new Unusable("standard input held no token");
                }
                return new Credentials.AccessToken(line.strip());
            } catch (IOException e) {
                throw new Unusable("cannot read the token from standard input (" + e.getClass().getSimpleName() + ")");
            }
        }
        return new Credentials.AccessToken(typed("Personal access token for " + address.baseUrl() + ": ",
                "give --login USER, --token-env NAME or --token-stdin (no terminal to type a token into)"));
    }

    private String typed(String prompt, String withoutTerminal) {
        char[] chars = console.read(prompt).orElseThrow(() -> new Unusable(withoutTerminal));
        try {
            String value = new String(chars).strip();
            if (value.isEmpty()) {
                throw new Unusable("nothing was typed");
            }
            return value;
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** The user's input cannot be used as given; the message says what to do instead. */
    private static final class Unusable extends RuntimeException {
        Unusable(String message) {
            super(message);
        }
    }
}
