package com.incidentconsole.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.wire.WireJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine;

/** Runs one command as a script would: token in the environment, a file-only vault, out and err captured. */
final class CliHarness {

    interface Factory {
        Object create(UnaryOperator<String> environment, Function<JsonMapper, CredentialVault> vaults);
    }

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final SandboxServer sandbox;
    private final Path vaultDir;
    private final Map<String, String> env = new HashMap<>();

    CliHarness(SandboxServer sandbox, String token, Path vaultDir) {
        this.sandbox = sandbox;
        this.vaultDir = vaultDir;
        env.put(ServerLogin.TOKEN_VARIABLE, token);
    }

    /** Runs {@code args} (with {@code --server} added) on a fresh command; out and err start empty. */
    int run(Factory factory, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = new CommandLine(factory.create(env::get, mapper -> CredentialVault.fileOnly(vaultDir, mapper)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--server");
        all.add(sandbox.baseUrl().toString());
        return cli.execute(all.toArray(String[]::new));
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    static MattermostConnection connect(SandboxServer sandbox, String token) {
        JsonMapper mapper = WireJson.newMapper();
        return MattermostConnection.open(ServerAddress.of(sandbox.baseUrl().toString()),
                new Credentials.AccessToken(token), mapper);
    }
}
