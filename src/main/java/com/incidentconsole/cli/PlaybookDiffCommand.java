package com.incidentconsole.cli;

import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.diff.Change;
import com.incidentconsole.playbook.library.diff.DiffRenderer;
import com.incidentconsole.playbook.library.diff.PlaybookDiff;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code playbook diff A B}: exit codes follow diff(1) — 0 same, 1 different, 2 trouble. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show what changed between two playbook files: settings, checklists, items, metrics.",
            "Layout and key order are ignored. Exits 0 when the same, 1 when different, 2 on error."})
public final class PlaybookDiffCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The older file.")
    private Path a;

    @Parameters(index = "1", paramLabel = "B", description = "The newer file.")
    private Path b;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PlaybookCommand.FileReader reader = new PlaybookCommand.FileReader(new PlaybookParser(), err);
        Optional<PlaybookFile> older = reader.read(a);
        Optional<PlaybookFile> newer = reader.read(b);
        if (older.isEmpty() || newer.isEmpty()) {
            err.flush();
            return 2;
        }
        List<Change> changes = PlaybookDiff.between(older.get(), newer.get());
        out.print(new DiffRenderer().render(changes));
        out.flush();
        return changes.isEmpty() ? 0 : 1;
    }
}
