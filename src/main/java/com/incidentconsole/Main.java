package com.incidentconsole;

import com.incidentconsole.app.AppOptions;
import com.incidentconsole.app.ConnectOptions;
import com.incidentconsole.app.DesktopLauncher;
import com.incidentconsole.cli.LoginCommand;
import com.incidentconsole.cli.LogoutCommand;
import com.incidentconsole.cli.PlaybookCommand;
import com.incidentconsole.cli.ReportCommand;
import com.incidentconsole.cli.RetroCommand;
import com.incidentconsole.cli.RunCommand;
import com.incidentconsole.cli.RunsCommand;
import com.incidentconsole.cli.SandboxCommand;
import com.incidentconsole.cli.StatsCommand;
import com.incidentconsole.cli.StatusCommand;
import com.incidentconsole.cli.StoreCommand;
import com.incidentconsole.cli.TimelineCommand;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * The one entry point of the jar. Without a subcommand it opens the desktop app; subcommands run
 * headless (the sandbox server, and later the playbook and runs tools). This class imports no
 * JavaFX, so the headless commands never load it.
 */
@Command(name = "incident-console", mixinStandardHelpOptions = true, version = "Incident Console 0.1",
        description = "Incident Console for Mattermost Playbooks. Without a command, opens the app.",
        subcommands = {SandboxCommand.class, PlaybookCommand.class, LoginCommand.class, LogoutCommand.class,
            ReportCommand.class, StatsCommand.class, StoreCommand.class, RunsCommand.class, RunCommand.class,
            StatusCommand.class, RetroCommand.class, TimelineCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    @Mixin
    private ConnectOptions connect;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    private final String[] rawArgs;

    private Main(String[] rawArgs) {
        this.rawArgs = rawArgs.clone();
    }

    public static void main(String[] args) {
        int exit = new CommandLine(new Main(args)).execute(args);
        // Also on success: a library may leave a non-daemon thread behind (java-keyring's D-Bus connections do
        // when a keyring fails half-way), and a finished command must not hang.
        System.exit(exit);
    }

    @Override
    public Integer call() {
        try {
            // Checked here too: a bad address is refused on the command line, before any window or display.
            AppOptions.parse(java.util.List.of(rawArgs));
        } catch (AppOptions.Invalid e) {
            spec.commandLine().getErr().println("incident-console: " + e.getMessage());
            return 2;
        }
        if (!displayAvailable()) {
            spec.commandLine().getErr().println(
                    "No display found (DISPLAY/WAYLAND_DISPLAY unset): the app needs a desktop session. "
                            + "Headless commands: incident-console sandbox --help");
            return 2;
        }
        DesktopLauncher.launch(rawArgs);
        return 0;
    }

    private static boolean displayAvailable() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") && !os.contains("bsd")) {
            return true;
        }
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }
}
