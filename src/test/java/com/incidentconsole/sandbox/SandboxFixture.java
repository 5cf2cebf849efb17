package com.incidentconsole.sandbox;

import java.time.Instant;

/** Shared options: a small seeded sandbox on a fixed clock. */
final class SandboxFixture {

    static final Instant NOW = Instant.parse("2026-11-01T09:00:00Z");

    private SandboxFixture() {
    }

    static SandboxOptions small() {
        return SandboxOptions.defaults().withClock(SandboxClock.fixed(NOW));
    }
}
