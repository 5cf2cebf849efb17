package com.incidentconsole.sync;

import com.incidentconsole.client.ServerError;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Team;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.logging.Logger;

/**
 * Runs one {@link LoadPlan}, each part on its own: a request that fails costs its part, never the
 * parts around it. The runs load although the playbooks could not be listed; a team whose playbook
 * list fails (on a real server one broken playbook can fail the whole list) still gets each playbook
 * its runs use, one by one, so only a playbook the server cannot give costs anything — and that one
 * is named. What failed is owed (the engine retries it) and described ({@link LoadGap}).
 * Blocking; on the engine's I/O executor.
 */
final class LoadRound {

    private static final Logger LOG = Logger.getLogger(LoadRound.class.getName());
    /** Playbooks fetched one by one per round at most: a fallback, not a second way of loading everything. */
    static final int MAX_SINGLE_PLAYBOOKS = 50;

    /** What a round left owed, why, and how long the server asked us to wait (429 / 503 {@code Retry-After}). */
    record Outcome(LoadPlan owed, Optional<LoadGap> gap, Optional<Duration> retryAfter) {
        boolean complete() {
            return owed.isEmpty() && gap.isEmpty();
        }
    }

    private final RunLoader loader;
    private final WorkspaceState state;

    LoadRound(RunLoader loader, WorkspaceState state) {
        this.loader = loader;
        this.state = state;
    }

    /** @throws ServerError with 401 (the session is over: nothing else is worth trying) */
    Outcome run(LoadPlan plan) {
        Failures failures = new Failures();
        LoadPlan owed = LoadPlan.NOTHING;
        boolean teamsUnknown = false;
        Set<String> unlistedTeams = new HashSet<>();
        if (plan.playbooks()) {
            try {
                for (Team team : loader.loadTeams()) {
                    try {
                        loader.loadPlaybooks(team);
                    } catch (RuntimeException e) {
                        failures.add("listing the playbooks of team " + team.name(), e);
                        unlistedTeams.add(team.id());
                    }
                }
            } catch (RuntimeException e) {
                failures.add("listing the teams", e);
                teamsUnknown = true;
            }
        }
        boolean playbooksGap = teamsUnknown || !unlistedTeams.isEmpty();
        if (playbooksGap) {
            owed = owed.and(LoadPlan.PLAYBOOKS);
        }
        Optional<SyncProgress> runsGap = Optional.empty();
        if (plan.runs()) {
            try {
                if (plan.runsSince().isPresent()) {
                    loader.loadChangedSince(plan.runsSince().getAsLong());
                } else {
                    loader.loadAllRuns();
                }
            } catch (RuntimeException e) {
                failures.add("loading runs", e);
                runsGap = Optional.of(loader.runsProgress());
                owed = owed.and(plan.withoutPlaybooks().withoutPeople());
            }
        }
        List<LoadGap.MissingPlaybook> missing = playbooksGap && !failures.rateLimited()
                ? fetchUsedPlaybooks(teamsUnknown, unlistedTeams, failures) : List.of();
        if (plan.people()) {
            try {
                loader.loadAllUsers();
            } catch (RuntimeException e) {
                failures.add("loading people", e);
                owed = owed.and(LoadPlan.PEOPLE);
            }
        }
        if (failures.first == null) {
            return new Outcome(owed, Optional.empty(), Optional.empty());
        }
        int status = failures.first instanceof ServerError error ? error.status() : 0;
        LoadGap gap = new LoadGap(runsGap, plan.runsSince().isPresent(), playbooksGap, missing, owed.people(),
                status, ActionFailure.describe(failures.first));
        return new Outcome(owed, Optional.of(gap), failures.retryAfter);
    }

    /**
     * The playbooks of runs in unlisted teams that we do not hold, fetched one by one. A 429 is not
     * answered with more requests; the caller does not get here then.
     */
    private List<LoadGap.MissingPlaybook> fetchUsedPlaybooks(boolean allTeams, Set<String> teams, Failures failures) {
        Map<String, List<PlaybookRun>> byPlaybook = new LinkedHashMap<>();
        for (PlaybookRun run : state.runs().all()) {
            String id = run.playbookId();
            if (id != null && !id.isEmpty() && state.playbooks().get(id).isEmpty()
                    && (allTeams || teams.contains(run.teamId()))) {
                byPlaybook.computeIfAbsent(id, k -> new ArrayList<>()).add(run);
            }
        }
        List<LoadGap.MissingPlaybook> missing = new ArrayList<>();
        int fetched = 0;
        for (Map.Entry<String, List<PlaybookRun>> used : byPlaybook.entrySet()) {
            List<PlaybookRun> runs = used.getValue();
            if (fetched++ < MAX_SINGLE_PLAYBOOKS) {
                try {
                    loader.fetchPlaybook(used.getKey());
                    continue;
                } catch (RuntimeException e) {
                    failures.add("loading playbook " + used.getKey(), e);
                }
            }
            missing.add(new LoadGap.MissingPlaybook(used.getKey(), runs.get(0).name(), runs.size()));
        }
        return missing;
    }

    /** The first failure (what the screen explains) and the longest wait any answer asked for. */
    private static final class Failures {
        RuntimeException first;
        Optional<Duration> retryAfter = Optional.empty();

        void add(String what, RuntimeException e) {
            if (e instanceof CancellationException || (e instanceof ServerError error && error.isUnauthorized())) {
                throw e; // closing, or the session is over: the engine handles both as a whole
            }
            LOG.warning(() -> "Load incomplete: " + what + " failed: " + ActionFailure.describe(e));
            if (first == null) {
                first = e;
            }
            if (e instanceof ServerError error && error.retryAfter().isPresent()) {
                Duration asked = error.retryAfter().get();
                retryAfter = Optional.of(retryAfter.filter(r -> r.compareTo(asked) > 0).orElse(asked));
            }
        }

        boolean rateLimited() {
            return first instanceof ServerError error && error.status() == 429;
        }
    }
}
