package com.incidentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.Main;
import com.incidentconsole.datafolder.ChildJvm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second start of the desktop app on the same data folder (probe M1): the running one is asked to come
 * forward with the second start's arguments, and the second one ends at once without opening the store.
 */
class SecondStartTest {

    @TempDir
    Path dir;

    @Test
    void aSecondGuiStartAsksTheRunningWindowToComeForwardAndEnds() throws Exception {
        Path data = dir.resolve("data");
        List<List<String>> secondStarts = new CopyOnWriteArrayList<>();
        Optional<SingleInstance> first = SingleInstance.claim(data, List.of(), secondStarts::add, System.err);
        assertTrue(first.isPresent());
        try (SingleInstance running = first.get()) {
            ChildJvm second = ChildJvm.start(dir, List.of("-Dincident.console.home=" + data,
                            "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                            "-Djava.awt.headless=true"), Map.of("DISPLAY", ":0"), Main.class.getName(),
                    "--server", "http://127.0.0.1:9");

            assertEquals(0, second.waitFor(Duration.ofSeconds(60)), second.err());
            assertEquals(List.of(List.of("--server", "http://127.0.0.1:9")), secondStarts);
            assertTrue(second.err().contains("Incident Console is already running with this data folder (pid "
                    + ProcessHandle.current().pid()), second.err());
            assertTrue(second.err().contains("brought its window to the front"), second.err());
            assertTrue(Files.notExists(data.resolve("store.db")), "the second start never opened the store");
        }
    }

    @Test
    void aStartWhoseFirstInstanceDoesNotAnswerSaysSoAndEnds() throws Exception {
        try (var lock = com.incidentconsole.datafolder.InstanceLock.acquire(dir)) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Optional<SingleInstance> second = SingleInstance.claim(dir, List.of(), args -> { },
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertTrue(second.isEmpty());
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("did not answer"), err.toString());
        }
    }
}
