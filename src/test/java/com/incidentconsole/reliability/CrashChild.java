package com.incidentconsole.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One console process ({@link CrashClient}); its stdout lines are queued, its stderr goes to a file. */
record CrashChild(Process process, BlockingQueue<String> lines) {

    static CrashChild start(Path dir, String mode, String baseUrl, String token, Path store, Path actions)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file", ""),
                "-cp", System.getProperty("java.class.path"), CrashClient.class.getName(),
                baseUrl, token, store.toString(), actions.toString(), mode);
        builder.redirectError(dir.resolve("child-" + mode + "-" + System.nanoTime() + ".err").toFile());
        Process process = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process died; that is the point
            }
        });
        return new CrashChild(process, lines);
    }

    void expect(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                process.destroyForcibly();
                throw new AssertionError("the child did not print " + prefix + " in " + timeout);
            }
            if (line.startsWith(prefix)) {
                return;
            }
        }
    }

    boolean finished() {
        return !process.isAlive();
    }

    /** SIGKILL on Linux: no shutdown hooks, no flushing, like a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not exit");
        }
        return process.exitValue();
    }
}
