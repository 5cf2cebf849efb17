package com.incidentconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The shortcut past picocli's subcommand tree (issue 18) must take exactly the starts the tree would open the app for. */
class MainTest {

    @Test
    void everySubcommandAndHelpOptionGoesTheFullWay() {
        CommandLine full = Main.full(new String[0]);
        Set<String> notTheApp = new HashSet<>(full.getSubcommands().keySet());
        full.getCommandSpec().options().stream().filter(o -> o.usageHelp() || o.versionHelp())
                .forEach(o -> notTheApp.addAll(Set.of(o.names())));

        assertEquals(notTheApp, Main.NOT_THE_APP);
    }

    @Test
    void aPlainStartWithValidOptionsAndADisplayOpensTheApp() {
        assertTrue(Main.plainAppStart(new String[0], true));
        assertTrue(Main.plainAppStart(new String[] {"--server", "https://chat.example.com", "--login", "alex"}, true));
    }

    @Test
    void anythingElseTakesTheFullCommandLine() {
        assertFalse(Main.plainAppStart(new String[0], false), "no display: the full line says so");
        assertFalse(Main.plainAppStart(new String[] {"sandbox", "--port", "0"}, true));
        assertFalse(Main.plainAppStart(new String[] {"--server", "https://a.example", "runs"}, true));
        assertFalse(Main.plainAppStart(new String[] {"--help"}, true));
        assertFalse(Main.plainAppStart(new String[] {"--serverr", "https://a.example"}, true),
                "a misspelt option: picocli's message and usage");
        assertFalse(Main.plainAppStart(new String[] {"--server", "ftp://a.example"}, true));
        assertFalse(Main.plainAppStart(new String[] {"@args.txt"}, true));
    }
}
