package com.incidentconsole.runs;

import com.incidentconsole.arrivals.Arrival;
import com.incidentconsole.arrivals.ArrivalDetector;
import com.incidentconsole.sync.ActionStatus;
import com.incidentconsole.sync.ActionTarget;
import com.incidentconsole.sync.PendingActions;
import com.incidentconsole.sync.RunStore;
import com.incidentconsole.sync.RunsChange;
import com.incidentconsole.text.DisplayText;
import com.incidentconsole.triage.RunFilter;
import com.incidentconsole.triage.RunSort;
import com.incidentconsole.wire.PlaybookRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every run of the store as table rows, filtered by the triage chips and text ({@link RunFilter}) and
 * sorted by the chosen column ({@link RunSort}); announces runs started elsewhere ({@link ArrivalDetector}).
 * All methods run on the FX thread; store changes arrive here already batched by the {@code FxBatcher}.
 */
public final class RunListViewModel {

    /** In-progress first, then newest first: what is burning now comes to the top. */
    static final Comparator<RunRow> DEFAULT_ORDER = Comparator
            .comparing((RunRow r) -> r.run().isFinished())
            .thenComparing(r -> r.run().createAt(), Comparator.reverseOrder())
            .thenComparing(RunRow::id);

    /** One entry of a filter chip: an id to filter by, a label to show. */
    public record Choice(String id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final RunStore store;
    private final RunFormat format;
    private final Supplier<Instant> clock;
    private final String me;
    private final PendingActions pending;
    private final Function<String, String> teamName;
    private final Map<String, RunRow> byId = new HashMap<>();
    private final List<RunRow> rows = new ArrayList<>();
    /** storm (issue 18, ADR 0033): filtered and sorted in place; a changed row moves only when its place changes. */
    private final ShownRows visible = new ShownRows(DEFAULT_ORDER);
    private final StringProperty filterText = new SimpleStringProperty("");
    private final StringProperty loadNotice = new SimpleStringProperty("");
    private final ObjectProperty<RunFilter> filter = new SimpleObjectProperty<>(RunFilter.NONE);
    private final ObjectProperty<RunSort> sort = new SimpleObjectProperty<>(RunSort.URGENT_FIRST);
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper();
    private final ObservableList<Choice> teams = FXCollections.observableArrayList();
    private final ObservableList<Choice> playbooks = FXCollections.observableArrayList();
    private final ObservableList<Choice> owners = FXCollections.observableArrayList();
    /** The banner is one line above the table: a short name, the rest is in the row. */
    private static final int ARRIVAL_NAME = 80;

    private final ArrivalDetector arrivals;
    private final ReadOnlyStringWrapper arrival = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Arrival> latestArrival = new ReadOnlyObjectWrapper<>();

    /** Without a signed-in user or an outbox: "mine" matches nothing, no tick is pending. */
    public RunListViewModel(RunStore store, RunFormat format, Supplier<Instant> clock) {
        this(store, format, clock, "", new PendingActions(), id -> id);
    }

    /**
     * @param me the signed-in user's id: the "mine" chip, and whose starts are not news
     * @param pending the outbox's open actions: the list counts ticks on their way
     * @param teamName a team's name by id, for the team chip
     */
    public RunListViewModel(RunStore store, RunFormat format, Supplier<Instant> clock, String me,
            PendingActions pending, Function<String, String> teamName) {
        this.store = store;
        this.format = format;
        this.clock = clock;
        this.me = me == null ? "" : me;
        this.pending = pending;
        this.teamName = teamName;
        this.arrivals = new ArrivalDetector(this.me);
        filterText.addListener((obs, old, now) -> filter.set(filter.get().withText(now)));
        filter.addListener((obs, old, now) -> {
            filterText.set(now.text());
            refilter();
        });
        sort.addListener((obs, old, now) -> refilter());
        reload();
    }

    /** Rows as the table shows them: filter applied, in the chosen order. */
    public ObservableList<RunRow> visibleRows() {
        return visible;
    }

    /** Why the list may be empty although the server has runs (loading, or a load that failed); empty otherwise. */
    public StringProperty loadNoticeProperty() {
        return loadNotice;
    }

    /** The search text, also inside {@link #filterProperty()}; the text field binds this one. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<RunFilter> filterProperty() {
        return filter;
    }

    public ObjectProperty<RunSort> sortProperty() {
        return sort;
    }

    /** The teams, playbooks and owners the runs held have, for the chips; kept current as runs come and go. */
    public ObservableList<Choice> teamChoices() {
        return teams;
    }

    public ObservableList<Choice> playbookChoices() {
        return playbooks;
    }

    public ObservableList<Choice> ownerChoices() {
        return owners;
    }

    /** Everything the chips and text narrow the list by, cleared in one go (Esc). */
    public void clearFilters() {
        filter.set(RunFilter.NONE);
    }

    public void toggleMine() {
        filter.set(filter.get().withMine(!filter.get().mine()));
    }

    public void toggleTeam(String id) {
        filter.set(filter.get().withTeams(RunFilter.toggled(filter.get().teamIds(), id)));
    }

    public void togglePlaybook(String id) {
        filter.set(filter.get().withPlaybooks(RunFilter.toggled(filter.get().playbookIds(), id)));
    }

    public void toggleOwner(String id) {
        filter.set(filter.get().withOwners(RunFilter.toggled(filter.get().ownerIds(), id)));
    }

    public void nextStatus() {
        filter.set(filter.get().withStatus(filter.get().status().next()));
    }

    public void sortBy(RunSort.Column column) {
        sort.set(sort.get().by(column));
    }

    public void reverseSort() {
        sort.set(sort.get().reversed());
    }

    /**
     * "New run: …" when a run started elsewhere arrives live; new runs appearing silently is a known
     * complaint about the web plugin. Empty until the first arrival.
     */
    public ReadOnlyStringProperty arrivalProperty() {
        return arrival.getReadOnlyProperty();
    }

    /** The latest run started elsewhere (null until one came): where "open the new run" goes. */
    public ReadOnlyObjectProperty<Arrival> latestArrivalProperty() {
        return latestArrival.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalCountProperty() {
        return totalCount.getReadOnlyProperty();
    }

    /** Applies a batch of store changes; a reset anywhere in the batch means rebuild from the store. */
    public void apply(List<RunsChange> changes) {
        if (changes.stream().anyMatch(RunsChange::reset)) {
            reload();
            return;
        }
        Instant now = clock.get();
        Map<String, PlaybookRun> latest = new HashMap<>();
        Set<String> removed = new HashSet<>();
        for (RunsChange change : changes) {
            for (PlaybookRun run : change.upserted()) {
                latest.put(run.id(), run);
                removed.remove(run.id());
            }
            for (String id : change.removed()) {
                latest.remove(id);
                removed.add(id);
            }
        }
        List<RunRow> gone = new ArrayList<>();
        removed.forEach(id -> {
            RunRow row = byId.remove(id);
            if (row != null) {
                gone.add(row);
            }
        });
        if (!gone.isEmpty()) {
            Set<RunRow> leaving = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            leaving.addAll(gone);
            rows.removeIf(leaving::contains);
            visible.left(gone);
        }
        List<RunRow> added = new ArrayList<>();
        List<RunRow> changed = new ArrayList<>(latest.size());
        boolean choicesMayChange = !gone.isEmpty();
        for (PlaybookRun run : latest.values()) {
            RunRow row = byId.get(run.id());
            if (row == null) {
                RunRow fresh = new RunRow(run, format, now, this::inFlightState);
                byId.put(run.id(), fresh);
                added.add(fresh);
            } else {
                String before = choiceKey(row);
                row.update(run, format, now, this::inFlightState);
                changed.add(row);
                choicesMayChange |= !before.equals(choiceKey(row));
            }
        }
        rows.addAll(added);
        visible.changed(changed);
        visible.arrived(added);
        totalCount.set(rows.size());
        // storm (issue 18): the chips walk every run; only a batch that can change them pays for that.
        if (choicesMayChange || !added.isEmpty()) {
            refreshChoices();
        }
        arrivals.apply(changes, now).ifPresent(this::announce);
    }

    /** Ticks of mine were queued, confirmed or failed on these runs: their progress and stage follow. */
    public void pendingChanged(Collection<ActionTarget> targets) {
        Instant now = clock.get();
        List<RunRow> touched = targets.stream().map(ActionTarget::runId).distinct().map(byId::get)
                .filter(r -> r != null).toList();
        touched.forEach(row -> row.update(row.run(), format, now, this::inFlightState));
        visible.changed(touched);
    }

    /** Names or playbook titles arrived later than the runs: say them instead of ids. */
    public void refreshNames() {
        Instant now = clock.get();
        rows.forEach(row -> row.update(row.run(), format, now, this::inFlightState));
        visible.changed(rows);
        refreshChoices();
        refilter();
    }

    /** Keeps "12 min ago" true while the window stays open. */
    public void refreshClock() {
        Instant now = clock.get();
        rows.forEach(row -> row.refreshClock(row.run(), format, now));
    }

    public void reload() {
        Instant now = clock.get();
        byId.clear();
        List<PlaybookRun> all = store.all();
        List<RunRow> fresh = all.stream().map(run -> new RunRow(run, format, now, this::inFlightState)).toList();
        fresh.forEach(row -> byId.put(row.id(), row));
        rows.clear();
        rows.addAll(fresh);
        totalCount.set(rows.size());
        arrivals.reset(all);
        refreshChoices();
        refilter();
    }

    private void announce(Arrival news) {
        latestArrival.set(news);
        arrival.set(String.format(format.text("runs.arrival"), DisplayText.line(format.name(news.name()), ARRIVAL_NAME),
                format.userName(news.ownerUserId())));
    }

    /** The state an item of mine is on its way to; a failed or held action is not counted as done. */
    private Optional<String> inFlightState(String runId, String itemId) {
        ActionTarget target = ActionTarget.item(runId, itemId);
        return pending.get(target).map(a -> ActionStatus.of(Optional.of(a), ""))
                .filter(ActionStatus::inFlight).map(ActionStatus::shownValue);
    }

    private void refreshChoices() {
        Map<String, String> teamLabels = new TreeMap<>();
        Map<String, String> playbookLabels = new TreeMap<>();
        Map<String, String> ownerLabels = new TreeMap<>();
        for (RunRow row : rows) {
            PlaybookRun run = row.run();
            teamLabels.computeIfAbsent(run.teamId(), id -> DisplayText.line(teamName.apply(id), 60));
            String playbook = run.playbookId() == null ? RunFilter.NO_PLAYBOOK : run.playbookId();
            playbookLabels.putIfAbsent(playbook, row.playbookProperty().get());
            ownerLabels.putIfAbsent(run.ownerUserId(), row.ownerProperty().get());
        }
        // The chips keep what is ticked although no run has it any more: a filter never hides its own value.
        RunFilter current = filter.get();
        current.teamIds().forEach(id -> teamLabels.putIfAbsent(id, DisplayText.line(teamName.apply(id), 60)));
        current.playbookIds().forEach(id -> playbookLabels.putIfAbsent(id, format.playbookTitle(id)));
        current.ownerIds().forEach(id -> ownerLabels.putIfAbsent(id, format.userName(id)));
        setIfChanged(teams, choices(teamLabels));
        setIfChanged(playbooks, choices(playbookLabels));
        setIfChanged(owners, choices(ownerLabels));
    }

    private static List<Choice> choices(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing((Choice c) -> c.label().toLowerCase(Locale.ROOT)).thenComparing(Choice::id))
                .toList();
    }

    private static void setIfChanged(ObservableList<Choice> target, List<Choice> next) {
        if (!target.equals(next)) {
            target.setAll(next);
        }
    }

    private void refilter() {
        RunFilter current = filter.get();
        visible.show(rows, row -> current.accepts(row.run(), me, row.searchableText()),
                sort.get().comparator(RunListViewModel::sortKey, DEFAULT_ORDER));
    }

    /** What the chips take from a row: its team, playbook and owner, and how the latter two read. */
    private static String choiceKey(RunRow row) {
        PlaybookRun run = row.run();
        return run.teamId() + '\u0000' + run.playbookId() + '\u0000' + run.ownerUserId() + '\u0000'
                + row.playbookProperty().get() + '\u0000' + row.ownerProperty().get();
    }

    /** What each column sorts by: numbers for times and progress, not their words. */
    private static Function<RunRow, Comparable<?>> sortKey(RunSort.Column column) {
        return switch (column) {
            case URGENCY, NAME -> r -> r.nameProperty().get().toLowerCase(Locale.ROOT);
            case PLAYBOOK -> r -> r.playbookProperty().get().toLowerCase(Locale.ROOT);
            case OWNER -> r -> r.ownerProperty().get().toLowerCase(Locale.ROOT);
            case STATUS -> r -> r.run().isFinished();
            case STAGE -> r -> r.stageProperty().get().toLowerCase(Locale.ROOT);
            case PROGRESS -> r -> r.progressProperty().get().key();
            case LAST_UPDATE -> r -> r.run().lastStatusUpdateAt() <= 0 ? null : r.run().lastStatusUpdateAt();
            case NEXT_UPDATE -> r -> r.nextUpdateProperty().get().key() == Long.MAX_VALUE ? null
                    : r.nextUpdateProperty().get().key();
            case STARTED -> r -> r.run().createAt();
        };
    }

    /** A run's in-flight item states, as {@link RunRow} asks for them. */
    @FunctionalInterface
    interface InFlight {
        Optional<String> state(String runId, String itemId);
    }
}
