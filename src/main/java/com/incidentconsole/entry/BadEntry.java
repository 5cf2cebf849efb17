package com.incidentconsole.entry;

/** Typed text that does not parse; the message says what was expected, worded for the person who typed it. */
public final class BadEntry extends IllegalArgumentException {

    public BadEntry(String message) {
        super(message);
    }
}
