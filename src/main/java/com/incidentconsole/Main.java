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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    /**
     * Every first word that is not the desktop app's: the subcommands (as {@code @Command} names them) and the
     * standard help options. Kept by hand so the app's start need not build picocli's whole subcommand tree;
     * MainTest holds it to that tree.
     */
    static final Set<String> NOT_THE_APP = Set.of("sandbox", "playbook", "login", "logout", "report", "stats",
            "store", "runs", "run", "status", "retro", "timeline", "help", "-h", "--help", "-V", "--version");

    public static void main(String[] args) {
        // startup (issue 18, docs/adr/0035): building the tree of a dozen subcommands by reflection took ~0.4 s of
        // every window's start. A plain app start (valid options, a display) goes straight to the window; anything
        // else — a subcommand, help, a bad option, no display, an @file — takes the full command line as before.
        int exit = plainAppStart(args, displayAvailable()) ? openApp(args) : full(args).execute(args);
        // Also on success: a library may leave a non-daemon thread behind (java-keyring's D-Bus connections do
        // when a keyring fails half-way), and a finished command must not hang.
        System.exit(exit);
    }

    /** The whole command line, every subcommand with it. */
    static CommandLine full(String[] args) {
        return new CommandLine(new Main(args));
    }

    /** True when {@code args} open the window and nothing else: the full command line would do just that. */
    static boolean plainAppStart(String[] args, boolean display) {
        if (!display || Arrays.stream(args).anyMatch(arg -> NOT_THE_APP.contains(arg) || arg.startsWith("@"))) {
            return false;
        }
        try {
            AppOptions.parse(List.of(args));
            return true;
        } catch (AppOptions.Invalid e) {
            return false;
        }
    }

    private static int openApp(String[] args) {
        DesktopLauncher.launch(args);
        return 0;
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
