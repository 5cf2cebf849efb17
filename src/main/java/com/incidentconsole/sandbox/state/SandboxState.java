package com.incidentconsole.sandbox.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.kernel.SandboxClock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Everything the sandbox server knows. One lock guards it all: the sandbox is small, and a single
 * lock keeps "mutate, then publish the event" atomic, which is what gives events a total order.
 */
public final class SandboxState {

    private final ReentrantLock lock = new ReentrantLock();
    private final Directory directory = new Directory();
    private final Map<String, RunEntity> runs = new LinkedHashMap<>();
    /** Playbooks kept as JSON trees: PUT replaces them whole and counters are added on read. */
    private final Map<String, ObjectNode> playbooks = new LinkedHashMap<>();
    private final IdSource ids;
    private final TokenSource tokens = new TokenSource();
    private final SandboxClock clock;
    private volatile String defaultUserId = "";

    public SandboxState(IdSource ids, SandboxClock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    public <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    public void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    public Directory directory() {
        return directory;
    }

    public Map<String, RunEntity> runs() {
        return runs;
    }

    public Optional<RunEntity> run(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    public Map<String, ObjectNode> playbooks() {
        return playbooks;
    }

    /**
     * Session and personal access tokens. Unlike ids they come from a secure random source: a seeded sandbox
     * must hand out the same data, never the same credentials (the first login's token was once the same on
     * every start, and an id of one run could be a token in the next).
     */
    public TokenSource tokens() {
        return tokens;
    }

    public IdSource ids() {
        return ids;
    }

    public long now() {
        return clock.millis();
    }

    public SandboxClock clock() {
        return clock;
    }

    public String defaultUserId() {
        return defaultUserId;
    }

    public void setDefaultUserId(String id) {
        this.defaultUserId = id;
    }
}
