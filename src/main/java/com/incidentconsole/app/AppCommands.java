package com.incidentconsole.app;

import static com.incidentconsole.fx.command.Trigger.combo;

import com.incidentconsole.fx.command.Command;
import com.incidentconsole.shell.MainController;
import java.util.List;
import javafx.beans.value.ObservableBooleanValue;

/** The main window's commands that belong to the app rather than to a workspace: they work from the first frame. */
final class AppCommands {

    private AppCommands() {
    }

    static List<Command> of(Runnable toggleTheme, Runnable openPlaybooks, Runnable signInAgain,
            ObservableBooleanValue sessionToRenew) {
        return List.of(
                Command.of("theme", MainController.WINDOW, toggleTheme, combo("Shortcut+Shift+L")),
                Command.of("playbooks", MainController.WINDOW, openPlaybooks, combo("Shortcut+Shift+P")),
                Command.of("signIn", MainController.WINDOW, signInAgain, combo("Shortcut+Shift+S"))
                        .enabledWhen(sessionToRenew));
    }
}
