package com.incidentconsole.sync;

import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.RunQuery;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.RunsPage;
import com.incidentconsole.wire.Team;
import com.incidentconsole.wire.TimelineEvent;
import com.incidentconsole.wire.User;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * REST loading for the stores: runs page by page (so the list fills while it loads), the user's
 * teams and their playbooks, and the users runs refer to. Blocking; runs on the engine's I/O
 * executor. Says how far it has come after every page, so a long load is visibly moving.
 */
final class RunLoader {

    /** Runs are full objects with timelines; small pages keep each answer quick on a real server. */
    static final int PAGE_SIZE = 100;
    private static final int USERS_PER_REQUEST = 100;
    private static final int USERS_PER_PAGE = 200;

    private final MattermostConnection connection;
    private final WorkspaceState state;
    private final Consumer<SyncProgress> progress;

    RunLoader(MattermostConnection connection, WorkspaceState state) {
        this(connection, state, p -> { });
    }

    /** @param progress told after each page; called on the loading thread */
    RunLoader(MattermostConnection connection, WorkspaceState state, Consumer<SyncProgress> progress) {
        this.connection = connection;
        this.state = state;
        this.progress = progress;
    }

    /** Teams, playbooks, every visible run and the users they mention; runs that vanished are removed. */
    void loadEverything() {
        loadPlaybooks();
        // Only runs held before this load can have vanished; one created meanwhile came by event.
        Set<String> heldBefore = new HashSet<>();
        state.runs().all().forEach(r -> heldBefore.add(r.id()));
        Set<String> seen = loadRuns(RunQuery.all());
        heldBefore.stream().filter(id -> !seen.contains(id)).forEach(state.runs()::remove);
        loadAllUsers();
    }

    /** Runs with any activity (created, updated, finished) since {@code sinceMillis}, by the server's clock. */
    void loadChangedSince(long sinceMillis) {
        loadRuns(RunQuery.all().since(sinceMillis));
    }

    /** Every page of {@code query}, newest first, into the store as it arrives; returns the ids seen. */
    private Set<String> loadRuns(RunQuery query) {
        Set<String> seen = new HashSet<>();
        int page = 0;
        RunsPage result;
        do {
            result = connection.runs().list(query.sort("create_at", "desc").page(page++, PAGE_SIZE));
            loadMissingUsers(result.items());
            state.runs().upsert(result.items());
            result.items().forEach(r -> seen.add(r.id()));
            progress.accept(new SyncProgress(SyncProgress.Phase.RUNS, seen.size(), Math.max(0, result.totalCount())));
        } while (result.hasMore() && !result.items().isEmpty());
        return seen;
    }

    /** The user's teams (kept, so an offline start knows them) and each team's playbooks. */
    void loadPlaybooks() {
        progress.accept(new SyncProgress(SyncProgress.Phase.PLAYBOOKS, 0, 0));
        List<Team> teams = connection.teams().mine();
        state.identity().teams(teams);
        for (Team team : teams) {
            state.playbooks().putAll(connection.playbooks().listAll(team.id()));
        }
    }

    void fetchRun(String runId) {
        PlaybookRun run = connection.runs().get(runId);
        loadMissingUsers(List.of(run));
        state.runs().upsert(run);
    }

    /** Everyone the picker may offer; loaded after the runs so the list shows first. */
    private void loadAllUsers() {
        int page = 0;
        int loaded = 0;
        List<User> batch;
        do {
            batch = connection.users().list(page++, USERS_PER_PAGE);
            state.users().putAll(batch);
            loaded += batch.size();
            // Mattermost gives no count for this list: the bar says how many so far.
            progress.accept(new SyncProgress(SyncProgress.Phase.USERS, loaded, 0));
        } while (batch.size() == USERS_PER_PAGE && page < 50);
    }

    void loadMissingUsers(Collection<PlaybookRun> runs) {
        Set<String> missing = new HashSet<>();
        for (PlaybookRun run : runs) {
            addIfMissing(missing, run.ownerUserId());
            addIfMissing(missing, run.reporterUserId());
            run.participantIds().forEach(id -> addIfMissing(missing, id));
            run.checklists().forEach(c -> c.items().stream().map(ChecklistItem::assigneeId)
                    .forEach(id -> addIfMissing(missing, id)));
            run.timelineEvents().stream().map(TimelineEvent::creatorUserId).forEach(id -> addIfMissing(missing, id));
            run.timelineEvents().stream().map(TimelineEvent::subjectUserId).forEach(id -> addIfMissing(missing, id));
        }
        List<String> ids = new ArrayList<>(missing);
        for (int from = 0; from < ids.size(); from += USERS_PER_REQUEST) {
            state.users().putAll(connection.users().byIds(ids.subList(from, Math.min(ids.size(), from + USERS_PER_REQUEST))));
        }
    }

    private void addIfMissing(Set<String> missing, String userId) {
        if (userId != null && !userId.isEmpty() && state.users().get(userId).isEmpty()) {
            missing.add(userId);
        }
    }
}
