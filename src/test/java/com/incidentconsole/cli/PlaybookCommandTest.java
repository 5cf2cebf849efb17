package com.incidentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.playbook.library.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class PlaybookCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new PlaybookCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private Path fixture(String name) throws Exception {
        Path path = dir.resolve(name);
        Files.writeString(path, Fixtures.text(name));
        return path;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "validate", "fmt", "diff"})
    void helpWorksForEveryCommand(String sub) {
        int code = sub.isEmpty() ? run("--help") : run(sub, "--help");
        assertEquals(0, code);
        assertTrue(out.toString().startsWith("Usage: playbook" + (sub.isEmpty() ? "" : " " + sub)), out.toString());
    }

    @Test
    void validateOfGoodFilesExitsZero() throws Exception {
        assertEquals(0, run("validate", fixture(Fixtures.INCIDENT).toString(), fixture(Fixtures.BUG_BASH).toString()));
    }

    @Test
    void validatePrintsFilePathSeverityMessageAndExitsOneOnError() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, Fixtures.text(Fixtures.INCIDENT).replace("\"/zoom start\"", "\"zoom start\"")
                .replace("\"version\": 1", "\"version\": 2"));
        assertEquals(1, run("validate", file.toString()));
        assertEquals(file + ":checklists[0].items[1].command: warning: \"zoom start\" does not start with '/': the "
                + "run's \"Run\" button posts it as a slash command, so it will fail\n"
                + file + ":version: error: must be 1, found 2 (the server answers \"Unsupported import version\" to "
                + "anything else)\n", out.toString().replace("\r\n", "\n").lines()
                        .sorted().reduce("", (a, b) -> a + b + "\n"));
    }

    @Test
    void warningsExitZeroUnlessStrict() throws Exception {
        Path file = dir.resolve("warn.json");
        Files.writeString(file, Fixtures.text(Fixtures.INCIDENT).replace("\"/zoom start\"", "\"zoom start\""));
        assertEquals(0, run("validate", file.toString()));
        assertEquals(1, run("validate", "--strict", file.toString()));
    }

    @Test
    void brokenJsonIsAParseErrorWithLineAndColumnNotAStackTrace() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"title\": \"x\"\n  \"version\": 1\n}\n");
        assertEquals(1, run("validate", file.toString()));
        assertTrue(err.toString().startsWith(file + ":3:3: error: "), err.toString());
        assertTrue(!err.toString().contains("Exception"), err.toString());
    }

    @Test
    void fmtCheckListsUnformattedFilesAndFmtRewritesThem() throws Exception {
        Path formatted = fixture(Fixtures.INCIDENT);
        Path odd = fixture(Fixtures.RELEASE);
        assertEquals(1, run("fmt", "--check", formatted.toString(), odd.toString()));
        assertEquals(odd + "\n", out.toString().replace("\r\n", "\n"));
        assertEquals(Fixtures.text(Fixtures.RELEASE), Files.readString(odd), "--check must not write");

        assertEquals(0, run("fmt", odd.toString()));
        assertEquals(0, run("fmt", "--check", formatted.toString(), odd.toString()));
        String once = Files.readString(odd);
        assertEquals(0, run("fmt", odd.toString()));
        assertEquals(once, Files.readString(odd));
    }

    @Test
    void fmtOfAMissingFileExitsTwo() {
        assertEquals(2, run("fmt", dir.resolve("nope.json").toString()));
        assertTrue(err.toString().contains("nope.json: error: cannot read: no such file"), err.toString());
    }

    @Test
    void diffExitsZeroForSameDataAndOneWithReadableChanges() throws Exception {
        Path a = fixture(Fixtures.INCIDENT);
        Path b = dir.resolve("b.json");
        Files.writeString(b, Fixtures.text(Fixtures.INCIDENT).replace("\"/zoom start\"", "\"/meet start\""));
        Path c = dir.resolve("c.json");
        Files.writeString(c, Fixtures.text(Fixtures.INCIDENT).replace("    ", "  "));

        assertEquals(0, run("diff", a.toString(), c.toString()));
        assertEquals("", out.toString());
        assertEquals(1, run("diff", a.toString(), b.toString()));
        assertEquals("""
                checklist “Setup for triage”
                  ~ item “Start bridge call” › command: "/zoom start" → "/meet start"
                """, out.toString().replace("\r\n", "\n"));
        assertEquals(2, run("diff", a.toString(), dir.resolve("missing.json").toString()));
    }

    @Test
    void fmtOfASymlinkFormatsItsTargetAndKeepsTheLink() throws Exception {
        Path target = dir.resolve("t.json");
        Files.writeString(target, Fixtures.text(Fixtures.INCIDENT).replace("\n", "\r\n"));
        Path link = Files.createSymbolicLink(dir.resolve("l.json"), target.getFileName());

        assertEquals(0, run("fmt", link.toString()));

        assertTrue(Files.isSymbolicLink(link));
        assertEquals(0, run("fmt", "--check", target.toString()), "the target itself is now formatted");
    }

    @Test
    void fmtNamesAFileAsFormattedOnlyOnceItWasWritten() throws Exception {
        Path file = dir.resolve("ro.json");
        Files.writeString(file, Fixtures.text(Fixtures.INCIDENT).replace("\n", "\r\n"));
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));

        assertEquals(2, run("fmt", file.toString()));

        assertEquals("", out.toString(), "nothing claimed as formatted");
        assertEquals(file + ": error: cannot write: permission denied: the file is read-only; not rewritten\n",
                err.toString().replace("\r\n", "\n"));
    }

    @Test
    void validateOfANonUtf8FileSaysSoWithoutAStackTrace() throws Exception {
        Path file = dir.resolve("latin1.json");
        Files.write(file, "{\"title\":\"Gr\u00f6\u00dfe\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertEquals(1, run("validate", file.toString()));

        assertEquals(file + ": error: cannot read: is not UTF-8 text (byte 0xF6 at offset 12); save it as UTF-8\n",
                err.toString().replace("\r\n", "\n"));
    }

    @Test
    void validateFlagsWholeNumbersBeyondWhatTheServerCanStore() throws Exception {
        Path file = dir.resolve("big.json");
        Files.writeString(file, Fixtures.text(Fixtures.INCIDENT).replaceFirst(
                "\"reminder_timer_default_seconds\": \\d+", "\"reminder_timer_default_seconds\": 12345678901234567890123"));

        assertEquals(1, run("validate", file.toString()));

        assertTrue(out.toString().contains(file + ":reminder_timer_default_seconds: error: must be a whole number the "
                + "server can store (a 64-bit integer, at most 9223372036854775807), found 12345678901234567890123"),
                out.toString());
    }

    @Test
    void validateFlagsAFloatTooLargeForAnyInteger() throws Exception {
        Path file = dir.resolve("inf.json");
        Files.writeString(file, Fixtures.text(Fixtures.INCIDENT).replaceFirst(
                "\"reminder_timer_default_seconds\": \\d+", "\"reminder_timer_default_seconds\": 1e400"));

        assertEquals(1, run("validate", file.toString()));

        assertTrue(out.toString().contains(":reminder_timer_default_seconds: error: must be a whole number the server "
                + "can store"), out.toString());
        assertTrue(!out.toString().contains("must be more than 0 seconds"), out.toString());
    }
}
