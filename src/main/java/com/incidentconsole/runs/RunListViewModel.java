package com.incidentconsole.runs;

import com.incidentconsole.sync.RunStore;
import com.incidentconsole.sync.RunsChange;
import com.incidentconsole.text.DisplayText;
import com.incidentconsole.wire.PlaybookRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * Every run of the store as table rows, filtered by text and status. All methods run on the FX
 * thread; store changes arrive here already batched by the {@code FxBatcher}.
 */
public final class RunListViewModel {

    /** In-progress first, then newest first: what is burning now comes to the top. */
    static final Comparator<RunRow> DEFAULT_ORDER = Comparator
            .comparing((RunRow r) -> r.run().isFinished())
            .thenComparing(r -> r.run().createAt(), Comparator.reverseOrder())
            .thenComparing(RunRow::id);

    private final RunStore store;
    private final RunFormat format;
    private final Supplier<Instant> clock;
    private final Map<String, RunRow> byId = new HashMap<>();
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList(r -> new Observable[] {r.runProperty()});
    private final FilteredList<RunRow> visible = new FilteredList<>(new SortedList<>(rows, DEFAULT_ORDER));
    private final StringProperty filterText = new SimpleStringProperty("");
    private final StringProperty loadNotice = new SimpleStringProperty("");
    private final ObjectProperty<StatusFilter> statusFilter = new SimpleObjectProperty<>(StatusFilter.ALL);
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper();
    /** How new a run must be to be announced as "new". */
    static final java.time.Duration ARRIVAL_WINDOW = java.time.Duration.ofMinutes(10);
    /** The banner is one line above the table: a short name, the rest is in the row. */
    private static final int ARRIVAL_NAME = 80;

    private final ReadOnlyStringWrapper arrival = new ReadOnlyStringWrapper("");

    public RunListViewModel(RunStore store, RunFormat format, Supplier<Instant> clock) {
        this.store = store;
        this.format = format;
        this.clock = clock;
        filterText.addListener((obs, old, now) -> refilter());
        statusFilter.addListener((obs, old, now) -> refilter());
        reload();
    }

    /** Rows as the table shows them: default order, filter applied. The table adds its own column sort. */
    public ObservableList<RunRow> visibleRows() {
        return visible;
    }

    /** Why the list may be empty although the server has runs (loading, or a load that failed); empty otherwise. */
    public StringProperty loadNoticeProperty() {
        return loadNotice;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<StatusFilter> statusFilterProperty() {
        return statusFilter;
    }

    /**
     * "New run: …" when a run started elsewhere arrives live; new runs appearing silently is a known
     * complaint about the web plugin. Empty until the first arrival.
     */
    public ReadOnlyStringProperty arrivalProperty() {
        return arrival.getReadOnlyProperty();
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
        removed.forEach(id -> {
            RunRow row = byId.remove(id);
            if (row != null) {
                rows.remove(row);
            }
        });
        List<RunRow> added = new ArrayList<>();
        latest.values().forEach(run -> {
            RunRow row = byId.get(run.id());
            if (row == null) {
                RunRow fresh = new RunRow(run, format, now);
                byId.put(run.id(), fresh);
                added.add(fresh);
            } else {
                row.update(run, format, now);
            }
        });
        boolean firstRuns = rows.isEmpty();
        rows.addAll(added);
        totalCount.set(rows.size());
        // Announce runs just started elsewhere — not the old runs that arrive while the list first loads.
        long recent = now.minus(ARRIVAL_WINDOW).toEpochMilli();
        added.stream().filter(r -> !firstRuns && !r.run().isFinished() && r.run().createAt() >= recent)
                .max(Comparator.comparingLong(r -> r.run().createAt()))
                .ifPresent(r -> arrival.set(String.format(format.text("runs.arrival"), DisplayText.line(r.nameProperty().get(), ARRIVAL_NAME),
                        r.ownerProperty().get())));
    }

    /** Names or playbook titles arrived later than the runs: say them instead of ids. */
    public void refreshNames() {
        Instant now = clock.get();
        rows.forEach(row -> row.update(row.run(), format, now));
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
        List<RunRow> fresh = store.all().stream().map(run -> new RunRow(run, format, now)).toList();
        fresh.forEach(row -> byId.put(row.id(), row));
        rows.setAll(fresh);
        totalCount.set(rows.size());
    }

    private void refilter() {
        String[] words = filterText.get().toLowerCase(Locale.ROOT).trim().split("\\s+");
        StatusFilter status = statusFilter.get();
        visible.setPredicate(row -> status.accepts(row.run()) && row.matches(words));
    }
}
