package com.incidentconsole.sync;

import com.incidentconsole.sync.store.OutboxEntry;

/**
 * What an action belongs to: a run, a playbook, a team or the whole server. The outbox stores it as
 * {@code scope_kind}/{@code scope_id}; actions of one scope are judged against that scope's state on
 * the server (a run's, for every kind today).
 *
 * @param id the run, playbook or team id; {@code ""} for the server
 */
public record ActionScope(Kind kind, String id) {

    public enum Kind {
        RUN(OutboxEntry.RUN_SCOPE), PLAYBOOK("playbook"), TEAM("team"), SERVER("server");

        private final String stored;

        Kind(String stored) {
            this.stored = stored;
        }

        public String stored() {
            return stored;
        }

        static java.util.Optional<Kind> fromStored(String stored) {
            for (Kind kind : values()) {
                if (kind.stored.equals(stored)) {
                    return java.util.Optional.of(kind);
                }
            }
            return java.util.Optional.empty();
        }
    }

    public ActionScope {
        id = id == null ? "" : id;
    }

    public static ActionScope run(String runId) {
        return new ActionScope(Kind.RUN, runId);
    }
}
