package com.incidentconsole.sandbox;

import com.incidentconsole.sandbox.kernel.ExchangeObserver;
import com.incidentconsole.sandbox.kernel.SandboxClock;
import java.time.LocalDate;

/**
 * How to start a sandbox. Immutable; derive variants with the {@code with*} methods.
 *
 * @param port               0 picks a free port; the server always binds to 127.0.0.1
 * @param seed               drives every generated name, id and timestamp offset
 * @param ongoing            number of seeded runs still in progress
 * @param ended              number of seeded finished runs
 * @param from               first day of seeded run start dates (null = 6 months before the clock)
 * @param to                 last day of seeded run start dates (null = the clock's day)
 * @param incrementalUpdates mirrors the plugin setting {@code EnableIncrementalUpdates}
 * @param clock              the sandbox clock; tests pass a fixed one
 * @param exchangeObserver   sees every HTTP exchange (null = none, the default)
 */
public record SandboxOptions(int port, long seed, int ongoing, int ended, LocalDate from, LocalDate to,
                             boolean incrementalUpdates, SandboxClock clock, ExchangeObserver exchangeObserver) {

    public static final int DEFAULT_PORT = 8065;

    public SandboxOptions {
        if (ongoing < 0 || ended < 0) {
            throw new IllegalArgumentException("run counts must be >= 0");
        }
        clock = clock == null ? SandboxClock.system() : clock;
    }

    /** Without an exchange observer (what the command line starts). */
    public SandboxOptions(int port, long seed, int ongoing, int ended, LocalDate from, LocalDate to,
                          boolean incrementalUpdates, SandboxClock clock) {
        this(port, seed, ongoing, ended, from, to, incrementalUpdates, clock, null);
    }

    /** Random port, seed 42, 12 ongoing and 40 ended runs, full-run updates. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(0, 42, 12, 40, null, null, false, SandboxClock.system());
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(newPort, seed, ongoing, ended, from, to, incrementalUpdates, clock, exchangeObserver);
    }

    public SandboxOptions withSeed(long newSeed) {
        return new SandboxOptions(port, newSeed, ongoing, ended, from, to, incrementalUpdates, clock, exchangeObserver);
    }

    public SandboxOptions withRuns(int newOngoing, int newEnded) {
        return new SandboxOptions(port, seed, newOngoing, newEnded, from, to, incrementalUpdates, clock, exchangeObserver);
    }

    public SandboxOptions withDates(LocalDate newFrom, LocalDate newTo) {
        return new SandboxOptions(port, seed, ongoing, ended, newFrom, newTo, incrementalUpdates, clock, exchangeObserver);
    }

    public SandboxOptions withIncrementalUpdates(boolean on) {
        return new SandboxOptions(port, seed, ongoing, ended, from, to, on, clock, exchangeObserver);
    }

    public SandboxOptions withClock(SandboxClock newClock) {
        return new SandboxOptions(port, seed, ongoing, ended, from, to, incrementalUpdates, newClock, exchangeObserver);
    }

    /** Lets tests see every exchange, e.g. to validate it against the OpenAPI file. */
    public SandboxOptions withExchangeObserver(ExchangeObserver observer) {
        return new SandboxOptions(port, seed, ongoing, ended, from, to, incrementalUpdates, clock, observer);
    }
}
