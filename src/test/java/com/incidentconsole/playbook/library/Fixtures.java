package com.incidentconsole.playbook.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the export fixtures in src/test/resources/playbook. */
public final class Fixtures {

    public static final String INCIDENT = "incident-resolution.json";
    public static final String RELEASE = "product-release.json";
    public static final String BUG_BASH = "bug-bash.json";
    /** Hand-written in the export layout: properties, conditions, and items that refer to them. */
    public static final String SECURITY = "security-incident.json";

    private Fixtures() {
    }

    public static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/playbook/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PlaybookFile file(String name) {
        try {
            return new PlaybookParser().parse(text(name));
        } catch (PlaybookFormatException e) {
            throw new AssertionError(name + ": " + e.describe(), e);
        }
    }
}
