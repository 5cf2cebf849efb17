package com.incidentconsole.cli;

import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.store.AtomicWrite;
import com.incidentconsole.playbook.library.store.FileErrors;
import com.incidentconsole.playbook.library.store.AtomicWriteLeftovers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code playbook fmt FILE…}: rewrite files in the server's export layout so diffs between a pulled file and a
 * local edit show only real changes. Exit 2 when a file cannot be read or parsed.
 */
@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = {"Rewrite playbook files in the canonical (server export) format.",
            "With --check, only list files that would change and exit 1 if any would."})
public final class PlaybookFmtCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--check", description = "Do not write; list files that are not formatted and exit 1.")
    private boolean check;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Playbook export files (.json).")
    private List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PlaybookCommand.FileReader reader = new PlaybookCommand.FileReader(new PlaybookParser(), err);
        boolean unreadable = false;
        boolean unformatted = false;
        for (Path path : files) {
            if (!check) {
                // The next run after a fmt killed half-way: its temp file (up to the file's size) goes now.
                AtomicWriteLeftovers.cleanFor(path);
            }
            Optional<PlaybookFile> file = reader.read(path);
            if (file.isEmpty()) {
                unreadable = true;
                continue;
            }
            String canonical = file.get().toCanonicalText();
            if (canonical.equals(file.get().toText())) {
                continue;
            }
            unformatted = true;
            // Named only once it is true: in --check mode at once, otherwise after the file was written.
            if (check || write(path, canonical, err)) {
                out.println(path);
            } else {
                unreadable = true;
            }
        }
        out.flush();
        err.flush();
        return unreadable ? 2 : check && unformatted ? 1 : 0;
    }

    private static boolean write(Path path, String text, PrintWriter err) {
        try {
            AtomicWrite.replace(path, text);
            return true;
        } catch (IOException e) {
            err.println(path + ": error: cannot write: " + FileErrors.reason(e));
            return false;
        }
    }

}
