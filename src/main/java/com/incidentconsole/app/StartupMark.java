package com.incidentconsole.app;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;

/**
 * Startup is a feature we measure (issue 18, ADR 0030): logs "Runs list interactive N ms after JVM start" at the
 * end of the first pulse that laid out the runs table with at least {@code incident.console.expectRuns} rows
 * (default 1) — the FX thread is free again then, so a key press is handled at once. For the packaging smoke test
 * and the startup benchmark, {@code -Dincident.console.exitAfter=firstFrame|runsList} quits cleanly right after
 * that moment; without the property the app is unchanged.
 */
final class StartupMark {

    private static final Logger LOG = Logger.getLogger(StartupMark.class.getName());

    private final Scene scene;
    private final int expectRuns = Integer.getInteger("incident.console.expectRuns", 1);
    private final Optional<String> exitAfter = Optional.ofNullable(System.getProperty("incident.console.exitAfter"));
    private final Runnable onPulse = this::pulsed;
    private boolean firstFrameSeen;
    private boolean reported;

    private StartupMark(Scene scene) {
        this.scene = scene;
    }

    /** On the FX thread, right after the stage is shown. */
    static void watch(Scene scene) {
        StartupMark mark = new StartupMark(scene);
        scene.addPostLayoutPulseListener(mark.onPulse);
    }

    private void pulsed() {
        if (reported) {
            return;
        }
        if (!firstFrameSeen) {
            firstFrameSeen = true;
            if (exitAfter.filter("firstFrame"::equals).isPresent()) {
                done();
                return;
            }
        }
        if (scene.lookup("#runsTable") instanceof TableView<?> table && table.getItems().size() >= expectRuns) {
            reported = true;
            int rows = table.getItems().size();
            LOG.info(() -> "Runs list interactive " + sinceJvmStart() + " ms after JVM start (" + rows + " runs)");
            if (exitAfter.filter("runsList"::equals).isPresent()) {
                done();
            } else {
                Platform.runLater(() -> scene.removePostLayoutPulseListener(onPulse));
            }
        }
    }

    private void done() {
        reported = true;
        // Not inside the pulse listener: the scene's listener list is being walked.
        Platform.runLater(() -> {
            scene.removePostLayoutPulseListener(onPulse);
            Platform.exit();
        });
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
