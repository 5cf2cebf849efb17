package com.incidentconsole.cli;

import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.validate.PlaybookValidator;
import com.incidentconsole.playbook.library.validate.Problem;
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

/** {@code playbook validate FILE…}: exit 1 when any file has an error (or a warning with --strict). */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check playbook files against the server's rules and flag likely mistakes.",
            "Prints file:path: severity: message; exits 1 on any error, 0 otherwise."})
public final class PlaybookValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--strict", description = "Treat warnings as errors (exit 1).")
    private boolean strict;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Playbook export files (.json).")
    private List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PlaybookCommand.FileReader reader = new PlaybookCommand.FileReader(new PlaybookParser(), err);
        PlaybookValidator validator = new PlaybookValidator();
        boolean failed = false;
        for (Path path : files) {
            Optional<PlaybookFile> file = reader.read(path);
            if (file.isEmpty()) {
                failed = true;
                continue;
            }
            for (Problem problem : validator.validate(file.get())) {
                String where = problem.path().isEmpty() ? path.toString() : path + ":" + problem.path();
                out.println(where + ": " + problem.severity().name().toLowerCase() + ": " + problem.message());
                failed |= problem.isError() || strict;
            }
        }
        out.flush();
        err.flush();
        return failed ? 1 : 0;
    }
}
