package com.incidentconsole.cli;

import java.io.Console;
import java.util.Optional;

/** Reads a secret typed by the user without echoing it; empty when there is no terminal to type into. */
@FunctionalInterface
interface SecretConsole {

    Optional<char[]> read(String prompt);

    static SecretConsole system() {
        return prompt -> {
            Console console = System.console();
            return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", prompt));
        };
    }
}
