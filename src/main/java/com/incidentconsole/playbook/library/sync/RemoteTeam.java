package com.incidentconsole.playbook.library.sync;

/** A team a new playbook can be created in. */
public record RemoteTeam(String id, String name) {
}
