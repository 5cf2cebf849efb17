package com.incidentconsole.cli;

import com.incidentconsole.paths.AppPaths;
import com.incidentconsole.datafolder.InstanceLock;
import com.incidentconsole.sync.store.DamagedStore;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.sync.store.StoreException;
import com.incidentconsole.sync.store.StoreRescue;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code store check} and {@code store rebuild}: the local store (cache and outbox) from the terminal. Both take the
 * data folder's lock first and refuse while the app runs on it: two processes on one store diverge (probe M1).
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = {"Check the local store (cache and pending actions), or rebuild a damaged one.",
            "Refused while Incident Console runs with the same data folder."})
public final class StoreCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "check: is the store sound, how many pending actions. "
            + "rebuild: move a damaged store aside (never deleted) and start a new one with the pending actions "
            + "that can be read; the runs are downloaded again at the next start.")
    private String action;

    private final Supplier<Path> dataDir;
    private final Clock clock;

    public StoreCommand() {
        this(() -> AppPaths.forCurrentUser().dataDir(), Clock.systemUTC());
    }

    StoreCommand(Supplier<Path> dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!action.equals("check") && !action.equals("rebuild")) {
            err.println("error: unknown action '" + action + "': use check or rebuild.");
            return 2;
        }
        Path folder = dataDir.get();
        Path file = folder.resolve("store.db");
        if (!Files.exists(file)) {
            out.println("No local store yet at " + file + ": nothing to " + action + ".");
            return 0;
        }
        try (InstanceLock lock = InstanceLock.acquire(folder)) {
            return action.equals("check") ? check(file, out, err) : rebuild(file, out);
        } catch (InstanceLock.AlreadyRunning running) {
            err.println("error: " + running.getMessage() + ". The store has one user at a time: quit the app, "
                    + "then run 'incident-console store " + action + "' again.");
            return 1;
        } catch (StoreException | java.io.UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int check(Path file, PrintWriter out, PrintWriter err) {
        try (LocalStore store = LocalStore.open(file, clock)) {
            out.println(file + ": sound (schema " + store.schemaVersion() + ", " + store.pendingActions()
                    + " pending actions).");
            return 0;
        } catch (DamagedStore damaged) {
            err.println("error: " + damaged.getMessage());
            err.println("Nothing was changed. 'incident-console store rebuild' (or Rebuild in the app) keeps the "
                    + "damaged file beside a new store that keeps those pending actions.");
            return 1;
        }
    }

    private int rebuild(Path file, PrintWriter out) {
        StoreRescue.Rebuilt rebuilt = StoreRescue.rebuild(file, clock);
        out.println(rebuilt.movedTo().map(aside -> "Moved the damaged store to " + aside + "; the new store keeps "
                + rebuilt.restoredActions() + " pending actions. The runs are downloaded again at the next start.")
                .orElse(file + " is sound: nothing was changed."));
        return 0;
    }
}
