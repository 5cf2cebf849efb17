package com.incidentconsole.wire;

/** The error body of the Playbooks plugin ({@code /plugins/playbooks/api/v0}): {@code {"error": "..."}}. */
public record PluginError(String error) {

    public PluginError {
        error = Lists.text(error);
    }
}
