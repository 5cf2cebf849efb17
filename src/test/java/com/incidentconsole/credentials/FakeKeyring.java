package com.incidentconsole.credentials;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/** An OS keyring stand-in: it works, refuses to store, or never answers — what real keyrings do on bad days. */
final class FakeKeyring implements SecretStore {

    enum Mode { WORKS, REFUSES, HANGS }

    final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Mode mode;
    private final CountDownLatch never = new CountDownLatch(1);

    FakeKeyring(Mode mode) {
        this.mode = mode;
    }

    OsKeyring.Probe probe() {
        return new OsKeyring.Probe(Optional.of(this), "");
    }

    @Override
    public void put(String service, String account, String secret) {
        act();
        secrets.put(service + "|" + account, secret);
    }

    @Override
    public Optional<String> get(String service, String account) {
        act();
        return Optional.ofNullable(secrets.get(service + "|" + account));
    }

    @Override
    public void delete(String service, String account) {
        act();
        secrets.remove(service + "|" + account);
    }

    private void act() {
        if (mode == Mode.REFUSES) {
            throw new CredentialException("the test keyring refused");
        }
        if (mode == Mode.HANGS) {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String description() {
        return "the test keyring";
    }

    @Override
    public String id() {
        return OsKeyring.ID;
    }
}
