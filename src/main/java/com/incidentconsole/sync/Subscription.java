package com.incidentconsole.sync;

/** Handle returned by every {@code subscribe}; closing it stops the notifications. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
