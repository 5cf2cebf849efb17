package com.incidentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The command line becomes one value, once; what it cannot start with is refused with words that say why. */
class AppOptionsTest {

    @Test
    void serverIsRepeatableAndKeepsTheOrderGivenNormalised() {
        AppOptions options = AppOptions.parse(List.of("--server", "https://a.example.com/", "--server=http://b.example.com:8065",
                "--login", "ana", "--ca-cert", "/etc/ssl/org.pem", "--sandbox-seed", "7", "--library=/tmp/pb"));
        assertEquals(List.of(URI.create("https://a.example.com"), URI.create("http://b.example.com:8065")),
                options.servers());
        assertFalse(options.sandbox());
        assertEquals(Optional.of("ana"), options.login());
        assertEquals(List.of(Path.of("/etc/ssl/org.pem")), options.caCerts());
        assertEquals(7, options.sandboxSeed());
        assertEquals(Path.of("/tmp/pb"), options.library());
    }

    @Test
    void withoutArgumentsTheSandboxAndTheDefaultLibrary() {
        AppOptions options = AppOptions.parse(List.of());
        assertTrue(options.sandbox());
        assertEquals(42, options.sandboxSeed());
        assertEquals(Path.of(System.getProperty("user.home"), "incident-console", "playbooks"), options.library());
        assertEquals(Optional.empty(), options.login());
    }

    @Test
    void theValueCannotBeChangedAfterwards() {
        AppOptions options = AppOptions.parse(List.of("--server", "https://a.example.com"));
        assertThrows(UnsupportedOperationException.class, () -> options.servers().add(URI.create("https://b")));
        assertThrows(UnsupportedOperationException.class, () -> options.caCerts().add(Path.of("x")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --serve https://a.example.com                      | '--serve'
            --server                                           | Missing required parameter for option '--server'
            --server ftp://a.example.com                       | --server: server address must be http or https
            --server https://                                  | --server: not a valid server address
            --server https://a.example.com --server https://a.example.com/ | is given twice
            --sandbox-seed many                                | '--sandbox-seed'
            --login ''                                         | --login needs a username
            """)
    void aBadCommandLineIsRefusedWithAMessageThatNamesTheArgument(String line, String said) {
        List<String> args = List.of(line.strip().split("\\s+")).stream().map(a -> a.equals("''") ? "" : a).toList();
        AppOptions.Invalid refused = assertThrows(AppOptions.Invalid.class, () -> AppOptions.parse(args));
        assertTrue(refused.getMessage().contains(said), refused.getMessage());
    }

    @Test
    void aPasswordInTheAddressIsNeverEchoed() {
        AppOptions.Invalid refused = assertThrows(AppOptions.Invalid.class,
                () -> AppOptions.parse(List.of("--server", "https://ana:s3cret@a.example.com")));
        assertFalse(refused.getMessage().contains("s3cret"), refused.getMessage());
        assertTrue(refused.getMessage().startsWith("--server: "), refused.getMessage());
    }
}
