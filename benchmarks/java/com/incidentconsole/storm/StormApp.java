package com.incidentconsole.storm;

import com.incidentconsole.app.DesktopLauncher;
import java.nio.file.Path;

/**
 * The storm's app process: the real composition root ({@link DesktopLauncher}, so {@code IncidentConsoleApp} with
 * its {@code Bootstrap}, {@code EventStream}, sync and every view) in a real window, plus {@link StormProbe}, which
 * lives only here — the product carries one hook for it, {@code EventStream.arrivalProbe} (issue 18).
 */
public final class StormApp {

    private StormApp() {
    }

    public static void main(String[] args) {
        StormProbe.install(Path.of(System.getProperty("storm.dir", "target/bench/storm")));
        DesktopLauncher.launch(args);
    }
}
