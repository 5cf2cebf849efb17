package com.incidentconsole.sandbox;

import com.incidentconsole.sandbox.kernel.ExchangeObserver;
import com.incidentconsole.sandbox.kernel.SandboxClock;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A sandbox whose every exchange under {@code /plugins/playbooks/api/v0/} is checked against
 * {@code playbooks-openapi.yaml}; a mismatch not recorded in {@link SpecDivergences} fails the test.
 * Two ways to use it, both from any package:
 * <pre>{@code
 * @RegisterExtension static final SandboxFixture SANDBOX = SandboxFixture.start(SandboxFixture.small());
 *     // checked after each test, stopped after the class
 * try (SandboxFixture f = SandboxFixture.start(options)) { ... }   // checked and stopped by close()
 * }</pre>
 * Exchanges are recorded on the server thread before the reply is sent, and validated on the test
 * thread when {@link #assertAllExchangesMatchSpec()} runs, so a test's own requests are all seen.
 */
public final class SandboxFixture implements AutoCloseable, AfterEachCallback, AfterAllCallback {

    /** The fixed "now" of {@link #small()}. */
    public static final Instant NOW = Instant.parse("2026-11-01T09:00:00Z");

    private final List<ExchangeObserver.Exchange> pending = new ArrayList<>();
    private final List<ExchangeObserver.Exchange> seen = new ArrayList<>();
    private final SpecContract contract = new SpecContract();
    private final SandboxServer server;
    private boolean closed;

    private SandboxFixture(SandboxOptions options) {
        ExchangeObserver mine = this::record;
        ExchangeObserver theirs = options.exchangeObserver();
        server = SandboxServer.start(options.withExchangeObserver(theirs == null ? mine : x -> {
            mine.observe(x);
            theirs.observe(x);
        }));
    }

    /** The default seeded sandbox on a clock that stands still at {@link #NOW}. */
    public static SandboxOptions small() {
        return SandboxOptions.defaults().withClock(SandboxClock.fixed(NOW));
    }

    /** Starts a validated sandbox; the options' own observer, if any, still sees every exchange. */
    public static SandboxFixture start(SandboxOptions options) {
        return new SandboxFixture(options);
    }

    public SandboxServer server() {
        return server;
    }

    public SandboxControl control() {
        return server.control();
    }

    public URI baseUrl() {
        return server.baseUrl();
    }

    /** Every exchange seen so far (all paths, not only the validated ones), oldest first. */
    public synchronized List<ExchangeObserver.Exchange> exchanges() {
        return List.copyOf(seen);
    }

    /**
     * Validates the exchanges recorded since the last call and fails listing each unexplained
     * mismatch. Each exchange is judged once, so a failure is reported by the test that caused it.
     */
    public void assertAllExchangesMatchSpec() {
        List<ExchangeObserver.Exchange> batch;
        synchronized (this) {
            batch = List.copyOf(pending);
            pending.clear();
        }
        List<String> problems = batch.stream().filter(SpecContract::covers)
                .flatMap(x -> contract.mismatches(x).stream()).toList();
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " exchange(s) do not match playbooks-openapi.yaml and no "
                    + "SpecDivergences entry explains them:\n  " + String.join("\n  ", problems));
        }
    }

    /** Stops the server, then checks what is left unchecked. Safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.close();
        assertAllExchangesMatchSpec();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertAllExchangesMatchSpec();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private synchronized void record(ExchangeObserver.Exchange exchange) {
        pending.add(exchange);
        seen.add(exchange);
    }
}
