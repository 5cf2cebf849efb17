package com.incidentconsole.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Payload of {@code playbook_created/archived/restored}: the team whose playbook list changed. */
public record TeamPayload(@JsonProperty("teamID") String teamId) {
}
