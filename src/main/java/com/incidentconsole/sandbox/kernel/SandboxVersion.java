package com.incidentconsole.sandbox.kernel;

/** The version the sandbox reports, in a leaf package so routes can read it without importing the composition root. */
public final class SandboxVersion {

    /**
     * {@code model.CurrentVersion} of the imitated server; the ping reply reports it. The Playbooks plugin of the
     * reference needs Mattermost 11.9.0 or newer (plugin.json min_server_version).
     */
    public static final String CURRENT = "11.9.0";

    private SandboxVersion() {
    }
}
