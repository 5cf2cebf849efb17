package com.incidentconsole.sync;

import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.RunQuery;
import com.incidentconsole.client.ServerError;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.RunsPage;
import com.incidentconsole.wire.Team;
import com.incidentconsole.wire.TimelineEvent;
import com.incidentconsole.wire.User;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * REST loading for the stores: runs page by page (so the list fills while it loads), the user's
 * teams and their playbooks, and the users runs refer to. Blocking; runs on the engine's I/O
 * executor. Says how far it has come after every page, so a long load is visibly moving.
 */
final class RunLoader {

    private static final Logger LOG = Logger.getLogger(RunLoader.class.getName());
    /** Runs are full objects with timelines; small pages keep each answer quick on a real server. */
    static final int PAGE_SIZE = 100;
    /** Two: one page on the server's side while the other is decoded on ours. */
    static final int PAGES_IN_FLIGHT = 2;
    private static final int USERS_PER_REQUEST = 100;
    private static final int USERS_PER_PAGE = 200;

    private final MattermostConnection connection;
    private final WorkspaceState state;
    private final Consumer<SyncProgress> progress;
    private final Executor prefetch;
    /** How far the latest runs load came, kept so a load that fails part-way can say "400 of 1,240 loaded". */
    private volatile SyncProgress runsProgress = new SyncProgress(SyncProgress.Phase.RUNS, 0, 0);

    RunLoader(MattermostConnection connection, WorkspaceState state) {
        this(connection, state, p -> { });
    }

    /** @param progress told after each page; called on the loading thread */
    RunLoader(MattermostConnection connection, WorkspaceState state, Consumer<SyncProgress> progress) {
        // A virtual thread per page: it mostly waits on the network, and it ends with its page, so
        // there is nothing to shut down.
        this(connection, state, progress, task -> Thread.ofVirtual().name("sync-runs-page").start(task));
    }

    /** @param prefetch fetches and decodes run pages ({@code Runnable::run}: one after the other, on the loading thread) */
    RunLoader(MattermostConnection connection, WorkspaceState state, Consumer<SyncProgress> progress,
              Executor prefetch) {
        this.connection = connection;
        this.state = state;
        this.progress = progress;
        this.prefetch = prefetch;
    }

    /** Teams, playbooks, every visible run and the users they mention; runs that vanished are removed. */
    void loadEverything() {
        loadPlaybooks();
        loadAllRuns();
        loadAllUsers();
    }

    /** Every visible run; runs held but no longer on the server (deleted, access lost) are removed. */
    void loadAllRuns() {
        // Only runs held before this load can have vanished; one created meanwhile came by event.
        Set<String> heldBefore = new HashSet<>();
        state.runs().all().forEach(r -> heldBefore.add(r.id()));
        Set<String> seen = loadRuns(RunQuery.all());
        heldBefore.stream().filter(id -> !seen.contains(id)).forEach(state.runs()::remove);
    }

    /** How many runs the latest runs load got, of how many the server counted (0: not known yet). */
    SyncProgress runsProgress() {
        return runsProgress;
    }

    /**
     * Runs with any activity (created, updated, finished) since {@code sinceMillis}, by the server's clock;
     * then the runs held that the server no longer shows (deleted, access lost: no event says so) are
     * removed, as a full load would, from the ids of all visible runs (one cheap request). If those cannot
     * be had, nothing is removed: the next full load does it, and a run wrongly dropped would be worse.
     */
    void loadChangedSince(long sinceMillis) {
        Set<String> heldBefore = new HashSet<>();
        state.runs().all().forEach(r -> heldBefore.add(r.id()));
        Set<String> seen = loadRuns(RunQuery.all().since(sinceMillis));
        Optional<Set<String>> visible;
        try {
            visible = connection.runs().visibleRunIds();
        } catch (RuntimeException e) {
            if (e instanceof CancellationException || e instanceof ServerError error && error.isUnauthorized()) {
                throw e;
            }
            LOG.warning(() -> "Could not list the visible runs; runs gone from the server stay until the next full load: "
                    + ActionFailure.describe(e));
            return;
        }
        visible.ifPresent(ids -> heldBefore.stream().filter(id -> !ids.contains(id) && !seen.contains(id))
                .forEach(state.runs()::remove));
    }

    /**
     * Every page of {@code query}, newest first, into the store as it arrives; returns the ids seen.
     *
     * <p>Up to {@link #PAGES_IN_FLIGHT} pages are asked for at once, each fetched and decoded on its
     * own thread: a page is ~1.8 MB of JSON, and fetching them strictly one after the other left the
     * server idle while we decoded and us idle while it answered — the difference between the
     * initial sync and the raw transfer of the same bytes (docs/reliability.md, benchmark (c)).
     * Pages ahead are asked for only as far as the server's {@code total_count} says there are runs;
     * pages are still applied in order, and whether to go on is still decided by {@code has_more} of
     * the page in hand, so a count that is off costs at most a wasted request or a page fetched late.
     */
    Set<String> loadRuns(RunQuery query) {
        RunQuery sorted = query.sort("create_at", "desc");
        Set<String> seen = new HashSet<>();
        Deque<CompletableFuture<RunsPage>> inFlight = new ArrayDeque<>();
        runsProgress = new SyncProgress(SyncProgress.Phase.RUNS, 0, 0);
        int requested = 0;
        long pages = 1;
        inFlight.add(fetch(sorted, requested++));
        try {
            while (true) {
                RunsPage result = await(inFlight.removeFirst());
                boolean more = result.hasMore() && !result.items().isEmpty();
                if (more) {
                    pages = Math.max(pages, (result.totalCount() + PAGE_SIZE - 1) / PAGE_SIZE);
                    while (inFlight.isEmpty() || (inFlight.size() < PAGES_IN_FLIGHT && requested < pages)) {
                        inFlight.add(fetch(sorted, requested++));
                    }
                }
                loadMissingUsers(result.items());
                state.runs().upsert(result.items());
                result.items().forEach(r -> seen.add(r.id()));
                runsProgress = new SyncProgress(SyncProgress.Phase.RUNS, seen.size(), Math.max(0, result.totalCount()));
                progress.accept(runsProgress);
                if (!more) {
                    return seen;
                }
            }
        } finally {
            // Done, or failed on a page: answers still coming are not wanted (the GETs themselves are harmless).
            inFlight.forEach(page -> page.cancel(false));
        }
    }

    private CompletableFuture<RunsPage> fetch(RunQuery sorted, int page) {
        RunQuery query = sorted.page(page, PAGE_SIZE);
        return CompletableFuture.supplyAsync(() -> connection.runs().list(query), prefetch);
    }

    /**
     * A page fetched on another thread, failing as a fetch on this thread would (the engine describes the cause).
     * Interruptible, unlike {@code join()}: closing the app mid-load must not wait for a slow page.
     */
    private static RunsPage await(CompletableFuture<RunsPage> page) {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the load was stopped");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new CompletionException(e.getCause());
        }
    }

    /** The user's teams (kept, so an offline start knows them) and each team's playbooks. */
    void loadPlaybooks() {
        for (Team team : loadTeams()) {
            loadPlaybooks(team);
        }
    }

    /** The user's teams, kept so an offline start knows them. */
    List<Team> loadTeams() {
        progress.accept(new SyncProgress(SyncProgress.Phase.PLAYBOOKS, 0, 0));
        List<Team> teams = connection.teams().mine();
        state.identity().teams(teams);
        return teams;
    }

    void loadPlaybooks(Team team) {
        state.playbooks().putAll(connection.playbooks().listAll(team.id()));
    }

    /** One playbook by id: for when the team's list fails (one broken playbook can break the whole list). */
    void fetchPlaybook(String playbookId) {
        state.playbooks().putAll(List.of(connection.playbooks().get(playbookId)));
    }

    void fetchRun(String runId) {
        PlaybookRun run = connection.runs().get(runId);
        loadMissingUsers(List.of(run));
        state.runs().upsert(run);
    }

    /** Everyone the picker may offer; loaded after the runs so the list shows first. */
    void loadAllUsers() {
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
        runs.forEach(run -> addMissingUsers(missing, run, null));
        loadUsers(missing);
    }

    /**
     * The users {@code run} mentions (owner, reporter, participants, assignees, timeline authors and
     * subjects) that the directory does not know. Parts {@code run} shares with {@code previous} —
     * the held run it replaces; an incremental update keeps every untouched list, checklist and item
     * — are skipped: they were looked at when {@code previous} was applied. That keeps this cheap
     * enough to ask on every event (it used to walk the whole run, on another thread, each time); a
     * user whose look-up failed is then asked for again at the next full load, which loads everyone.
     *
     * @param previous the run replaced, or null to look at all of {@code run}
     */
    Set<String> missingUsers(PlaybookRun run, PlaybookRun previous) {
        Set<String> missing = new HashSet<>();
        addMissingUsers(missing, run, previous);
        return missing;
    }

    /** Looks {@code ids} up, a request per {@value #USERS_PER_REQUEST}. Blocking. */
    void loadUsers(Collection<String> ids) {
        List<String> list = List.copyOf(ids);
        for (int from = 0; from < list.size(); from += USERS_PER_REQUEST) {
            state.users().putAll(connection.users().byIds(list.subList(from, Math.min(list.size(), from + USERS_PER_REQUEST))));
        }
    }

    private void addMissingUsers(Set<String> missing, PlaybookRun run, PlaybookRun previous) {
        addIfMissing(missing, run.ownerUserId());
        addIfMissing(missing, run.reporterUserId());
        if (previous == null || run.participantIds() != previous.participantIds()) {
            for (String id : run.participantIds()) {
                addIfMissing(missing, id);
            }
        }
        if (previous == null || run.checklists() != previous.checklists()) {
            for (Checklist checklist : run.checklists()) {
                if (previous != null && containsSame(previous.checklists(), checklist)) {
                    continue;
                }
                for (ChecklistItem item : checklist.items()) {
                    addIfMissing(missing, item.assigneeId());
                }
            }
        }
        if (previous == null || run.timelineEvents() != previous.timelineEvents()) {
            for (TimelineEvent event : run.timelineEvents()) {
                addIfMissing(missing, event.creatorUserId());
                addIfMissing(missing, event.subjectUserId());
            }
        }
    }

    /** By identity: the same object, not an equal one, is what tells us it was looked at already. */
    private static boolean containsSame(List<Checklist> checklists, Checklist checklist) {
        for (Checklist c : checklists) {
            if (c == checklist) {
                return true;
            }
        }
        return false;
    }

    private void addIfMissing(Set<String> missing, String userId) {
        if (userId != null && !userId.isEmpty() && state.users().get(userId).isEmpty()) {
            missing.add(userId);
        }
    }
}
