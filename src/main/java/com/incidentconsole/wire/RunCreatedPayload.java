package com.incidentconsole.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Payload of {@code playbook_run_created}; the dialog path adds {@code client_id} and {@code channel_name}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunCreatedPayload(PlaybookRun playbookRun, String clientId, String channelName) {

    public static RunCreatedPayload of(PlaybookRun run) {
        return new RunCreatedPayload(run, null, null);
    }
}
