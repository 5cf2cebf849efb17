package com.incidentconsole.fx.command;

import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The README's key table, written from the registries of the windows: one row per command with a key, under its
 * scope's title. A test compares it with the README and fails when they differ (README "Keys").
 */
public final class KeyTable {

    public static final String BEGIN = "<!-- keys:begin (generated from the command registry; see KeyTableReadmeTest) -->";
    public static final String END = "<!-- keys:end -->";

    private KeyTable() {
    }

    public static String markdown(List<CommandRegistry> windows, ResourceBundle texts) {
        StringBuilder table = new StringBuilder("| Where | Keys | What |\n|---|---|---|\n");
        for (CommandRegistry window : windows) {
            for (Scope scope : window.scopes()) {
                for (Command command : window.inScope(scope)) {
                    if (command.triggers().isEmpty()) {
                        continue;
                    }
                    String keys = command.triggers().stream().map(t -> code(cell(t.display())))
                            .collect(Collectors.joining(" "));
                    table.append("| ").append(texts.getString(scope.titleKey())).append(" | ").append(keys)
                            .append(" | ").append(texts.getString(command.titleKey())).append(" |\n");
                }
            }
        }
        return table.toString();
    }

    /** Code spans; a backtick key needs a longer fence with spaces ({@code `` ` ``}), or it would open one. */
    private static String code(String key) {
        return key.contains("`") ? "`` " + key + " ``" : "`" + key + "`";
    }

    /** A "|" key would end the Markdown cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
