package com.incidentconsole.sandbox;

import com.incidentconsole.cli.SandboxCommand;
import picocli.CommandLine;

/**
 * {@code java -cp incident-console.jar com.incidentconsole.sandbox.SandboxLauncher [flags]}: the
 * {@code sandbox} command without going through the application's {@code Main}, so that the
 * sandbox can be started from a packaged jar even while {@code Main} does not dispatch to it.
 * Same flags and the same one-line JSON output as {@code incident-console sandbox}.
 */
public final class SandboxLauncher {

    private SandboxLauncher() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SandboxCommand()).execute(args));
    }
}
