package com.incidentconsole.sandbox.kernel;

/** The Playbooks bot account every real server has; the seed creates it and run messages are posted as it. */
public final class SandboxBot {

    public static final String USERNAME = "playbooks";

    private SandboxBot() {
    }
}
