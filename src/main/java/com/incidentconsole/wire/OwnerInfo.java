package com.incidentconsole.wire;

/** An entry of {@code GET /runs/owners}. */
public record OwnerInfo(String userId, String username, String firstName, String lastName, String nickname) {
}
