package com.incidentconsole.datafolder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Another JVM on the test class path (as {@code reliability.CrashClient} is run): stdout lines queued, stderr kept. */
public record ChildJvm(Process process, BlockingQueue<String> lines, Path stderr) {

    public static ChildJvm start(Path dir, List<String> jvmOptions, Map<String, String> env, String mainClass,
                                 String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Path stderr = dir.resolve("child-" + System.nanoTime() + ".err");
        builder.redirectError(stderr.toFile());
        Process process = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        return new ChildJvm(process, lines, stderr);
    }

    public void expect(String prefix, Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                process.destroyForcibly();
                throw new AssertionError("the child did not print " + prefix + " in " + timeout + "; stderr: "
                        + err());
            }
            if (line.startsWith(prefix)) {
                return;
            }
        }
    }

    /** SIGKILL on Linux: no shutdown hooks, no clean-up, like a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public int waitFor(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not exit in " + timeout + "; stderr: " + err());
        }
        return process.exitValue();
    }

    public String err() throws IOException {
        return Files.exists(stderr) ? Files.readString(stderr) : "";
    }

    public long pid() {
        return process.pid();
    }
}
