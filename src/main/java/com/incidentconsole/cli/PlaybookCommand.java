package com.incidentconsole.cli;

import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookFormatException;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.store.FileErrors;
import com.incidentconsole.playbook.library.store.TextFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code playbook}: work with playbook files offline — validate them in CI, format them for review, and see
 * what changed between two versions, pull a server playbook into a library and push it back.
 */
@Command(name = "playbook", mixinStandardHelpOptions = true,
        description = "Validate, format and compare Mattermost playbook export files.",
        subcommands = {PlaybookValidateCommand.class, PlaybookFmtCommand.class, PlaybookDiffCommand.class,
            PlaybookPullCommand.class, PlaybookPushCommand.class})
public final class PlaybookCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Reads a playbook file for a CLI command and reports why it cannot, as {@code file:line:column: error: …}
     * (the compiler-style form editors and CI annotate), instead of a stack trace.
     */
    static final class FileReader {

        private final PlaybookParser parser;
        private final PrintWriter err;

        FileReader(PlaybookParser parser, PrintWriter err) {
            this.parser = parser;
            this.err = err;
        }

        Optional<PlaybookFile> read(Path path) {
            try {
                return Optional.of(parser.parse(TextFile.read(path)));
            } catch (PlaybookFormatException e) {
                String at = e.line() > 0 ? ":" + e.line() + ":" + e.column() : "";
                err.println(path + at + ": error: " + e.getMessage());
            } catch (TextFile.UnreadableFileException e) {
                err.println(path + ": error: cannot read: " + e.reason());
            } catch (IOException e) {
                err.println(path + ": error: cannot read: " + FileErrors.reason(e));
            }
            return Optional.empty();
        }
    }
}
