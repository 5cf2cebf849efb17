package com.incidentconsole.sync;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the last load could not get from the server and why, so the screen can say so instead of
 * presenting a partial picture as the whole one: "Runs: 400 of 1,240 loaded — the server answered
 * 429 (too many requests); retrying in 8 s". Kept in the status until a load gets what is missing.
 *
 * @param runs             present when the runs are incomplete: how many of how many were loaded
 * @param onlyChanges      the runs part was a catch-up (what changed since the cached copy), not every run
 * @param playbooks        the teams or a team's playbooks could not be listed
 * @param missingPlaybooks playbooks runs refer to that could not be loaded at all (their runs show no playbook)
 * @param people           the directory of people could not be loaded (the commander picker may be short)
 * @param status           the HTTP status of the first failure (429, 5xx), 0 when there was no answer
 * @param reason           the first failure in the client's words, for the tooltip and the log
 */
public record LoadGap(Optional<SyncProgress> runs, boolean onlyChanges, boolean playbooks,
                      List<MissingPlaybook> missingPlaybooks, boolean people, int status, String reason) {

    /** A playbook the server would not give us: its id, and a run that uses it, as the user knows runs by name. */
    public record MissingPlaybook(String id, String exampleRunName, int runs) {
        public MissingPlaybook {
            Objects.requireNonNull(id, "id");
            exampleRunName = exampleRunName == null ? "" : exampleRunName;
        }
    }

    public LoadGap {
        runs = runs == null ? Optional.empty() : runs;
        missingPlaybooks = missingPlaybooks == null ? List.of() : List.copyOf(missingPlaybooks);
        reason = reason == null ? "" : reason;
    }

    public boolean rateLimited() {
        return status == 429;
    }
}
