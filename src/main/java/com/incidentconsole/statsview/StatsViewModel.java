package com.incidentconsole.statsview;

import com.incidentconsole.text.DurationText;
import com.incidentconsole.stats.IncidentStats;
import com.incidentconsole.stats.StatsCalculator;
import com.incidentconsole.stats.StatsCsv;
import com.incidentconsole.stats.StatsQuery;
import com.incidentconsole.sync.PlaybookDirectory;
import com.incidentconsole.sync.RunStore;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.PlaybookMetricConfig;
import com.incidentconsole.wire.PlaybookStats;
import com.incidentconsole.wire.Team;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The stats view's state: the filters the user picks and the numbers computed from the local cache for them.
 *
 * <p>All public methods run on the FX thread. The computation runs on the injected background executor; at most
 * one is in flight, and a change that arrives meanwhile only marks the result stale, so a burst of run updates
 * costs one extra recompute with the latest filters, never a queue of outdated ones.
 */
public final class StatsViewModel {

    /** One entry of a team or playbook picker; a null id means "all". */
    public record Choice(String id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * The server's own figures for one playbook ({@code GET /stats/playbook}), blocking; empty when there is no
     * server to ask (offline start, signed out). Throws the client's errors when the server refuses or is down.
     */
    @FunctionalInterface
    public interface ServerFigures {
        Optional<PlaybookStats> forPlaybook(String playbookId);

        static ServerFigures none() {
            return id -> Optional.empty();
        }
    }

    private final RunStore runs;
    private final ServerFigures serverFigures;
    private final ReadOnlyStringWrapper serverText = new ReadOnlyStringWrapper("");
    private final PlaybookDirectory playbookDirectory;
    private final StatsCalculator calculator = new StatsCalculator();
    private final Executor background;
    private final Executor fx;
    private final ZoneId zone;
    private final ResourceBundle bundle;
    private final ObservableList<Choice> teams = FXCollections.observableArrayList();
    private final ObservableList<Choice> playbooks = FXCollections.observableArrayList();
    private final ObjectProperty<Choice> team = new SimpleObjectProperty<>();
    private final ObjectProperty<Choice> playbook = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<IncidentStats> stats = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper runsStarted = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper runsFinished = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper inProgress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper mtta = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper mttr = new ReadOnlyStringWrapper("");
    private boolean inFlight;
    private boolean stale;

    public StatsViewModel(RunStore runs, PlaybookDirectory playbooks, List<Team> teams, Executor background,
            Executor fx, ZoneId zone, Supplier<LocalDate> today, ResourceBundle bundle) {
        this(runs, playbooks, teams, background, fx, zone, today, bundle, ServerFigures.none());
    }

    /** @param serverFigures asked on the background executor whenever one playbook is picked */
    public StatsViewModel(RunStore runs, PlaybookDirectory playbooks, List<Team> teams, Executor background,
            Executor fx, ZoneId zone, Supplier<LocalDate> today, ResourceBundle bundle, ServerFigures serverFigures) {
        this.runs = runs;
        this.serverFigures = serverFigures;
        this.playbookDirectory = playbooks;
        this.background = background;
        this.fx = fx;
        this.zone = zone;
        this.bundle = bundle;
        this.teams.add(new Choice(null, bundle.getString("stats.allTeams")));
        teams.stream().filter(t -> t.deleteAt() == 0)
                .forEach(t -> this.teams.add(new Choice(t.id(), t.displayName().isEmpty() ? t.name() : t.displayName())));
        team.set(this.teams.get(0));
        refreshPlaybooks();
        LocalDate now = today.get();
        to.set(now);
        from.set(now.minusWeeks(12).plusDays(1));
        team.addListener((o, a, b) -> recompute());
        playbook.addListener((o, a, b) -> recompute());
        playbook.addListener((o, a, b) -> askServer());
        from.addListener((o, a, b) -> recompute());
        to.addListener((o, a, b) -> recompute());
    }

    public ObservableList<Choice> teams() {
        return FXCollections.unmodifiableObservableList(teams);
    }

    public ObservableList<Choice> playbooks() {
        return FXCollections.unmodifiableObservableList(playbooks);
    }

    public ObjectProperty<Choice> teamProperty() {
        return team;
    }

    public ObjectProperty<Choice> playbookProperty() {
        return playbook;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** The last finished computation for the current filters; null before the first. */
    public ReadOnlyObjectProperty<IncidentStats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    /** Why the numbers cannot be computed (e.g. the range ends before it starts); empty when they can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exportMessageProperty() {
        return exportMessage.getReadOnlyProperty();
    }

    /**
     * The server's own figures for the picked playbook, in words, shown beside the local numbers so the two can be
     * compared; says why when there are none (all playbooks picked, offline, refused).
     */
    public ReadOnlyStringProperty serverFiguresProperty() {
        return serverText.getReadOnlyProperty();
    }

    /** Asks the server for the picked playbook's figures (again); the answer lands in {@link #serverFiguresProperty()}. */
    public void askServer() {
        String id = idOf(playbook.get());
        if (id == null) {
            serverText.set(bundle.getString("stats.server.pick"));
            return;
        }
        serverText.set(bundle.getString("stats.server.asking"));
        background.execute(() -> {
            String text;
            try {
                text = serverFigures.forPlaybook(id).map(this::serverWords)
                        .orElseGet(() -> bundle.getString("stats.server.offline"));
            } catch (RuntimeException e) {
                text = String.format(bundle.getString("stats.server.failed"), reason(e));
            }
            String answer = text;
            // An answer for a playbook the user has since left is dropped, not shown under the new one.
            fx.execute(() -> {
                if (id.equals(idOf(playbook.get()))) {
                    serverText.set(answer);
                }
            });
        });
    }

    private String serverWords(PlaybookStats figures) {
        long startedIn12Weeks = figures.runsStartedPerWeek() == null ? 0
                : figures.runsStartedPerWeek().stream().mapToLong(Long::longValue).sum();
        String change = figures.runsFinishedPercentageChange() == PlaybookStats.NO_PREVIOUS_PERIOD
                ? bundle.getString("stats.server.noPrevious")
                : String.format(bundle.getString("stats.server.change"), figures.runsFinishedPercentageChange());
        return String.format(bundle.getString("stats.server.figures"), figures.runsInProgress(),
                figures.runsFinishedPrev30Days(), change, startedIn12Weeks, figures.participantsActive());
    }

    public ReadOnlyStringProperty runsStartedProperty() {
        return runsStarted.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty runsFinishedProperty() {
        return runsFinished.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty inProgressProperty() {
        return inProgress.getReadOnlyProperty();
    }

    /** "median 12m · p90 1h 5m (over 8 runs; 2 not acknowledged)". */
    public ReadOnlyStringProperty mttaProperty() {
        return mtta.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty mttrProperty() {
        return mttr.getReadOnlyProperty();
    }

    public ZoneId zone() {
        return zone;
    }

    /** The query the current filters describe; empty (with {@link #problemProperty()} set) when they describe none. */
    StatsQuery query() {
        StatsQuery query = StatsQuery.all(zone).withTeam(idOf(team.get())).withPlaybook(idOf(playbook.get()));
        return query.between(from.get(), to.get());
    }

    /** Playbooks arrived or changed: refresh the picker, keeping the choice, and recompute their metrics. */
    public void playbooksChanged() {
        refreshPlaybooks();
        recompute();
    }

    /** Runs changed (the store's listener, batched onto the FX thread): the numbers are stale. */
    public void runsChanged() {
        recompute();
    }

    public void recompute() {
        LocalDate since = from.get();
        LocalDate until = to.get();
        if (since != null && until != null && until.isBefore(since)) {
            problem.set(bundle.getString("stats.problem.range"));
            return;
        }
        problem.set("");
        if (inFlight) {
            stale = true;
            return;
        }
        start();
    }

    private void start() {
        inFlight = true;
        stale = false;
        StatsQuery query = query();
        Map<String, List<PlaybookMetricConfig>> metrics = metricsByPlaybook();
        background.execute(() -> {
            IncidentStats result = calculator.compute(runs.all(), metrics, query);
            fx.execute(() -> finished(result));
        });
    }

    private void finished(IncidentStats result) {
        inFlight = false;
        if (stale) {
            start();
            return;
        }
        stats.set(withEmptyWeeks(result));
        runsStarted.set(Integer.toString(result.runsStarted()));
        runsFinished.set(Integer.toString(result.runsFinished()));
        inProgress.set(Integer.toString(result.inProgress()));
        mtta.set(summary(result.mtta(), "stats.mtta.missing"));
        mttr.set(summary(result.mttr(), null));
    }

    /**
     * The calculator lists only weeks that had runs; a chart without the quiet weeks would squeeze time. Every
     * week of the range is listed, quiet ones as zero (at most ten years of weeks, for an absurd range).
     */
    private IncidentStats withEmptyWeeks(IncidentStats result) {
        LocalDate since = from.get();
        LocalDate until = to.get();
        if (since == null || until == null) {
            return result;
        }
        Map<LocalDate, IncidentStats.Week> byStart = new LinkedHashMap<>();
        result.weeks().forEach(w -> byStart.put(w.start(), w));
        List<IncidentStats.Week> weeks = new ArrayList<>();
        LocalDate week = since.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        for (int i = 0; !week.isAfter(until) && i < 520; i++, week = week.plusWeeks(1)) {
            IncidentStats.Week held = byStart.remove(week);
            weeks.add(held != null ? held : new IncidentStats.Week(week, 0, 0));
        }
        weeks.addAll(byStart.values());
        weeks.sort(java.util.Comparator.comparing(IncidentStats.Week::start));
        return new IncidentStats(result.runsStarted(), result.runsFinished(), result.inProgress(), result.mttr(),
                result.mtta(), weeks, result.metrics());
    }

    private String summary(IncidentStats.Summary summary, String missingKey) {
        if (summary.count() == 0) {
            return bundle.getString("stats.noRuns");
        }
        String text = String.format(bundle.getString("stats.summary"), words(summary.medianMillis()),
                words(summary.p90Millis()), summary.count() == 1 ? bundle.getString("stats.runs.one")
                        : String.format(bundle.getString("stats.runs.many"), summary.count()));
        if (missingKey != null && summary.missing() > 0) {
            text += String.format(bundle.getString(missingKey), summary.missing());
        }
        return text;
    }

    private static String words(OptionalLong millis) {
        return millis.isPresent() ? DurationText.of(millis.getAsLong()) : "";
    }

    /** The numbers as shown, as CSV, written on the background executor; the outcome lands in the export message. */
    public void exportCsv(Path file) {
        IncidentStats shown = stats.get();
        if (shown == null) {
            exportMessage.set(bundle.getString("stats.export.nothing"));
            return;
        }
        exportMessage.set(bundle.getString("stats.export.working"));
        background.execute(() -> {
            String message;
            try {
                Files.writeString(file, new StatsCsv().write(shown, zone), StandardCharsets.UTF_8);
                message = String.format(bundle.getString("stats.export.done"), file);
            } catch (IOException | RuntimeException e) {
                message = String.format(bundle.getString("stats.export.failed"), file, reason(e));
            }
            String outcome = message;
            fx.execute(() -> exportMessage.set(outcome));
        });
    }

    static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private Map<String, List<PlaybookMetricConfig>> metricsByPlaybook() {
        Map<String, List<PlaybookMetricConfig>> metrics = new LinkedHashMap<>();
        for (Playbook p : playbookDirectory.all()) {
            metrics.put(p.id(), p.metrics());
        }
        return metrics;
    }

    private void refreshPlaybooks() {
        String chosen = idOf(playbook.get());
        List<Choice> fresh = new ArrayList<>();
        fresh.add(new Choice(null, bundle.getString("stats.allPlaybooks")));
        playbookDirectory.all().forEach(p -> fresh.add(new Choice(p.id(), p.title())));
        playbooks.setAll(fresh);
        playbook.set(fresh.stream().filter(c -> Objects.equals(c.id(), chosen)).findFirst().orElse(fresh.get(0)));
    }

    private static String idOf(Choice choice) {
        return choice == null ? null : choice.id();
    }
}
