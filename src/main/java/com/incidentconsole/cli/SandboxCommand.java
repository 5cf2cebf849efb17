package com.incidentconsole.cli;

import com.incidentconsole.sandbox.Credentials;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sandbox.fault.FaultRule;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sandbox}: runs the embedded Mattermost + Playbooks server until killed. Prints exactly one
 * JSON line with the sign-in credentials once the port accepts connections, so scripts can read it.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run the in-process Mattermost + Playbooks sandbox server.")
public final class SandboxCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8065", description = "Port on 127.0.0.1 (0 = any free port).")
    int port;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated data.")
    long seed;

    @Option(names = "--ongoing", defaultValue = "12", description = "Runs in progress.")
    int ongoing;

    @Option(names = "--ended", defaultValue = "40", description = "Finished runs.")
    int ended;

    @Option(names = "--from", description = "First start date of seeded runs (yyyy-mm-dd).")
    LocalDate from;

    @Option(names = "--to", description = "Last start date of seeded runs (yyyy-mm-dd).")
    LocalDate to;

    @Option(names = "--incremental-updates", description = "Send playbook_run_updated_incremental instead of full runs.")
    boolean incrementalUpdates;

    @Option(names = "--error-ratio", defaultValue = "0", description = "Fraction (0..1) of requests answered with 500.")
    double errorRatio;

    @Option(names = "--latency-ms", defaultValue = "0", description = "Delay added to every request.")
    long latencyMs;

    @Option(names = "--drop-socket-every", defaultValue = "0", description = "Close each WebSocket after every N events.")
    int dropSocketEvery;

    @Option(names = "--rate-limit-next", defaultValue = "0",
            description = "Answer the next N plugin requests with 429 and the rate-limit headers (Retry-After 1 s).")
    int rateLimitNext;

    @Option(names = "--rate-limit", defaultValue = "0", paramLabel = "PER_SEC",
            description = "Turn on Mattermost's rate limiter (RateLimitSettings.PerSec, MaxBurst 100, per user).")
    int rateLimitPerSec;

    @Option(names = "--lose-events", defaultValue = "0",
            description = "Skip the next N WebSocket events (a seq gap clients must recover from).")
    int loseEvents;

    @Option(names = "--malformed-frame", description = "Send one malformed WebSocket frame.")
    boolean malformedFrame;

    /** Released only by tests; in normal use the process runs until it is killed. */
    private final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        SandboxOptions options = new SandboxOptions(port, seed, ongoing, ended, from, to, incrementalUpdates, null);
        SandboxServer started;
        try {
            started = SandboxServer.start(options);
        } catch (IllegalStateException e) {
            // Usually "port in use": one line for the user, not a stack trace.
            spec.commandLine().getErr().println("sandbox: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            return 1;
        }
        try (SandboxServer server = started) {
            if (errorRatio > 0) {
                server.control().inject(FaultRule.errorRatio(errorRatio, null, ".*"));
            }
            if (latencyMs > 0) {
                server.control().inject(FaultRule.latency(java.time.Duration.ofMillis(latencyMs), null, ".*"));
            }
            if (dropSocketEvery > 0) {
                server.control().inject(FaultRule.dropSocketEvery(dropSocketEvery));
            }
            if (rateLimitNext > 0) {
                server.control().inject(FaultRule.rateLimit(rateLimitNext, null, "/plugins/playbooks/.*",
                        java.time.Duration.ofSeconds(1)));
            }
            if (rateLimitPerSec > 0) {
                server.control().enableRateLimit(rateLimitPerSec, 100, true);
            }
            if (loseEvents > 0) {
                server.control().inject(FaultRule.loseEvents(loseEvents));
            }
            if (malformedFrame) {
                server.control().inject(FaultRule.malformedFrame());
            }
            Credentials c = server.control().credentials();
            Map<String, String> line = new LinkedHashMap<>();
            line.put("url", c.url());
            line.put("username", c.username());
            line.put("password", c.password());
            line.put("token", c.token());
            PrintWriter out = spec.commandLine().getOut();
            out.println(com.incidentconsole.wire.WireJson.newMapper().writeValueAsString(line));
            out.flush();
            stop.await();
        }
        return 0;
    }

    /** Lets an embedding test end {@link #call()}. */
    public void shutdown() {
        stop.countDown();
    }
}
