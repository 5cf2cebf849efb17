package com.incidentconsole.timeline;

import com.incidentconsole.fx.UiTask;
import com.incidentconsole.report.RunRecordMarkdown;
import com.incidentconsole.sync.AddPostToTimeline;
import com.incidentconsole.sync.DeleteTimelineEvent;
import com.incidentconsole.sync.PendingAction;
import com.incidentconsole.sync.RunCommands;
import com.incidentconsole.sync.store.TimelineStars;
import com.incidentconsole.text.DisplayText;
import com.incidentconsole.timeline.events.EventText;
import com.incidentconsole.timeline.events.EventTypes;
import com.incidentconsole.timeline.events.TimelineFilter;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.TimelineEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open run's timeline workbench, oldest first so the newest event sits at the bottom like a chat: every event in
 * full, filtered by type, text and stars, my additions and deletions on their way shown in place, stars kept in the
 * local store, a selection copied as Markdown. Follows the run as the event stream changes it. FX thread only.
 */
public final class TimelineViewModel {

    static final String PENDING_PREFIX = "pending:";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm");
    /** A long text shows this many lines until expanded; expanded, it is shown whole up to a bound (ADR 0016). */
    private static final int COLLAPSED_LINES = 12;
    private static final int EXPANDED = 50_000;
    private static final int COLLAPSED = 1_500;
    private static final int PERSON = 80;

    /** What the workbench's actions need; {@link #OFFLINE} until the composition root gives the real ones. */
    public record Services(RunCommands commands, Supplier<String> myId, Supplier<List<PendingAction>> pending,
                           Supplier<Optional<TimelineStars>> stars, Executor disk, Executor net, Executor ui,
                           Function<String, List<Post>> channelPosts, Function<String, Post> post,
                           Supplier<Instant> clock) {
    }

    private final ResourceBundle bundle;
    private final Function<String, String> userNames;
    private final ZoneId zone;
    private final EventTypes types;
    private final RunRecordMarkdown markdown;
    private Services services;
    private final ObservableList<TimelineRow> rows = FXCollections.observableArrayList();
    private final ObservableList<TimelineRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObjectProperty<TimelineFilter> filter = new SimpleObjectProperty<>(TimelineFilter.ALL);
    private final StringProperty counts = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty question = new SimpleStringProperty("");
    private final TimelineAddForm form;
    private PlaybookRun run;
    private Set<String> starred = new LinkedHashSet<>();
    private final Set<String> expanded = new HashSet<>();
    private String deleting;
    /**
     * Events whose deletion the server accepted. Its event for the deletion can carry an older {@code update_at} than
     * one the run already showed (AddPostToTimeline publishes a stamp it never stores), so the local copy may keep the
     * event until the run next changes; the timeline does not show it meanwhile (ADR 0031).
     */
    private final Set<String> deletedByMe = new HashSet<>();
    private final PostTexts postTexts = new PostTexts();
    private final RowMemo memo = new RowMemo();

    public TimelineViewModel(ResourceBundle bundle, Function<String, String> userNames, ZoneId zone) {
        this.bundle = bundle;
        this.userNames = userNames;
        this.zone = zone;
        this.types = new EventTypes(bundle);
        this.markdown = new RunRecordMarkdown(userNames, zone);
        this.form = new TimelineAddForm(bundle, userNames, zone);
        this.services = null;
        filter.addListener((obs, was, is) -> rebuild());
    }

    /** The actions' services (the outbox, the local stars, the channel's posts); before this it only shows. */
    public void attach(Services given) {
        services = given;
        loadStars();
    }

    public ObservableList<TimelineRow> rows() {
        return rowsView;
    }

    public ObjectProperty<TimelineFilter> filterProperty() {
        return filter;
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts;
    }

    /** A line about the last thing done or refused (copied, offline, a bad time). */
    public StringProperty noticeProperty() {
        return notice;
    }

    public ReadOnlyStringProperty questionProperty() {
        return question;
    }

    public TimelineAddForm form() {
        return form;
    }

    public boolean canAct() {
        return services != null && run != null;
    }

    public void show(PlaybookRun shown) {
        boolean other = shown == null || run == null || !run.id().equals(shown.id());
        run = shown;
        if (other) {
            expanded.clear();
            starred = new LinkedHashSet<>();
            question.set("");
            notice.set("");
            form.close();
            filter.set(TimelineFilter.ALL);
            loadStars();
        }
        rebuild();
    }

    /** The outbox changed: my additions and deletions on their way show in place. */
    public void pendingChanged() {
        rebuild();
    }

    private List<TimelineEvent> events() {
        return run == null ? List.of() : run.timelineEvents().stream().filter(e -> e.deleteAt() == 0
                        && !deletedByMe.contains(run.id() + "/" + e.id()))
                .sorted(Comparator.comparingLong(TimelineEvent::eventAt)).toList();
    }

    private void rebuild() {
        if (run == null) {
            rows.clear();
            counts.set("");
            return;
        }
        List<TimelineEvent> all = events();
        List<PendingAction> mine = services == null ? List.of() : services.pending().get().stream()
                .filter(p -> p.target().runId().equals(run.id())).toList();
        TimelineFilter f = filter.get();
        List<TimelineRow> fresh = new ArrayList<>();
        loadPostTexts(all);
        for (TimelineEvent e : all) {
            String author = author(e);
            if (f.matches(e, text(e), types.label(e.eventType()), author, starred.contains(e.id()))) {
                fresh.add(row(e, author, mine.stream().filter(p -> p.target().subject().equals("timeline:" + e.id()))
                        .findFirst()));
            }
        }
        memo.rebuilt();
        // My additions on their way sit at the bottom (newest), whatever the filter: they are what I just did.
        mine.stream().filter(p -> p.target().subject().startsWith(AddPostToTimeline.SUBJECT)).forEach(p ->
                fresh.add(new TimelineRow(PENDING_PREFIX + p.target().subject(), TimelineEvent.EVENT_FROM_POST,
                        types.label(TimelineEvent.EVENT_FROM_POST), "", "", p.desiredValue(), 0, false,
                        p.failed() ? "failed" : "pending", p.failed() ? failedWords(p)
                        : bundle.getString("timeline.adding"))));
        if (fresh.size() > rows.size() && fresh.subList(0, rows.size()).equals(rows)) {
            // storm (issue 18): a new entry at the end (the usual case) is added, not the whole list replaced, so
            // the list view measures one more cell instead of every one it shows.
            rows.addAll(fresh.subList(rows.size(), fresh.size()));
        } else if (!fresh.equals(rows)) {
            rows.setAll(fresh);
        }
        int shown = (int) fresh.stream().filter(r -> !r.isPendingAddition()).count();
        counts.set(f.isAll() ? String.format(bundle.getString("timeline.count"), all.size())
                : String.format(bundle.getString("timeline.countFiltered"), shown, all.size(), describe(f)));
    }

    private String failedWords(PendingAction p) {
        return p.error().isEmpty() ? bundle.getString("timeline.failed") : p.error();
    }

    private String describe(TimelineFilter f) {
        List<String> parts = new ArrayList<>();
        if (!f.eventType().isEmpty()) {
            parts.add(types.label(f.eventType()));
        }
        if (!f.text().isEmpty()) {
            parts.add("“" + DisplayText.line(f.text(), 40) + "”");
        }
        if (f.starredOnly()) {
            parts.add(bundle.getString("timeline.starredOnly"));
        }
        return String.join(" · ", parts);
    }

    private String author(TimelineEvent event) {
        String id = event.creatorUserId().isEmpty() ? event.subjectUserId() : event.creatorUserId();
        return id.isEmpty() ? "" : DisplayText.line(userNames.apply(id), PERSON);
    }

    private String text(TimelineEvent event) {
        return EventText.of(event, postTexts.text(event.postId()));
    }

    private void loadPostTexts(List<TimelineEvent> all) {
        if (services != null) {
            postTexts.load(all, services, this::rebuild);
        }
    }

    private TimelineRow row(TimelineEvent event, String author, Optional<PendingAction> deletion) {
        if (deletion.isPresent()) {
            return freshRow(event, author, deletion);
        }
        return memo.row(new RowMemo.Key(event, author, postTexts.text(event.postId()), expanded.contains(event.id()),
                starred.contains(event.id())), () -> freshRow(event, author, deletion));
    }

    private TimelineRow freshRow(TimelineEvent event, String author, Optional<PendingAction> deletion) {
        String text = text(event);
        boolean whole = expanded.contains(event.id());
        DisplayText.Clip shown = whole ? DisplayText.paragraph(text, Integer.MAX_VALUE, EXPANDED)
                : DisplayText.paragraph(text, COLLAPSED_LINES, COLLAPSED);
        int hidden = shown.clipped() ? Math.max(1, (int) text.lines().count() - (int) shown.text().lines().count()) : 0;
        String state = deletion.map(p -> p.failed() ? "failed" : "pending").orElse("");
        String note = deletion.map(p -> p.failed() ? failedWords(p) : bundle.getString("timeline.deleting")).orElse("");
        return new TimelineRow(event.id(), event.eventType(), types.label(event.eventType()),
                TIME.format(Instant.ofEpochMilli(event.eventAt()).atZone(zone)), author, shown.text(), hidden,
                starred.contains(event.id()), state, note);
    }

    /** A readable label for every type the server records; unknown future types still read as words. */
    String typeLabel(String eventType) {
        return types.label(eventType);
    }

    // --- filter ---

    /** The types of this run's events with their counts, for the type filter's choices. */
    public List<EventTypes.Count> typeChoices() {
        return types.present(events());
    }

    public void filterByType(String eventType) {
        filter.set(filter.get().withType(eventType));
    }

    public void filterByText(String text) {
        filter.set(filter.get().withText(text));
    }

    public void toggleStarredOnly() {
        filter.set(filter.get().withStarredOnly(!filter.get().starredOnly()));
    }

    public void clearFilter() {
        filter.set(TimelineFilter.ALL);
    }

    // --- expand, star, copy ---

    public void toggleExpanded(String eventId, boolean whole) {
        if (whole ? expanded.add(eventId) : expanded.remove(eventId)) {
            rebuild();
        }
    }

    /** Stars the events, or unstars them when all of them are starred already; kept in the local store. */
    public void toggleStar(List<String> eventIds) {
        List<String> ids = eventIds.stream().filter(id -> !id.startsWith(PENDING_PREFIX)).toList();
        if (ids.isEmpty() || run == null) {
            return;
        }
        boolean unstar = starred.containsAll(ids);
        String runId = run.id();
        List<TimelineEvent> events = events().stream().filter(e -> ids.contains(e.id())).toList();
        if (unstar) {
            starred.removeAll(ids);
        } else {
            starred.addAll(ids);
        }
        rebuild();
        if (services == null) {
            return;
        }
        services.stars().get().ifPresentOrElse(stars -> UiTask.run(() -> {
            for (TimelineEvent e : events) {
                if (unstar) {
                    stars.unstar(runId, e.id());
                } else {
                    stars.star(runId, e.id(), services.clock().get().toEpochMilli());
                }
            }
        }).onError(e -> notice.set(String.format(bundle.getString("timeline.starFailed"), e.getMessage())))
                .on(services.disk(), services.ui()), () -> notice.set(bundle.getString("timeline.noStore")));
    }

    private void loadStars() {
        if (services == null || run == null) {
            return;
        }
        String runId = run.id();
        services.stars().get().ifPresent(stars -> UiTask.of(() -> stars.starred(runId)).onSuccess(ids -> {
            if (run != null && run.id().equals(runId)) {
                starred = new LinkedHashSet<>(ids);
                rebuild();
            }
        }).on(services.disk(), services.ui()));
    }

    /** The events as Markdown, worded as the retrospective and the report print them; all shown when none given. */
    public String copy(List<String> eventIds) {
        Set<String> ids = new HashSet<>(eventIds.isEmpty() ? rows.stream().map(TimelineRow::id).toList() : eventIds);
        List<TimelineEvent> chosen = events().stream().filter(e -> ids.contains(e.id())).map(this::withPostText).toList();
        String md = markdown.events(chosen);
        notice.set(chosen.isEmpty() ? bundle.getString("timeline.copyNothing")
                : String.format(bundle.getString("timeline.copied"), chosen.size()));
        return md;
    }

    /** The event with its post's text as details, as the record prints a post's details (its text). */
    private TimelineEvent withPostText(TimelineEvent e) {
        String text = text(e);
        String summary = EventText.plain(e.summary());
        String rest = text.startsWith(summary + "\n") ? text.substring(summary.length() + 1) : "";
        return rest.isEmpty() || !e.details().isBlank() ? e : new TimelineEvent(e.id(), e.playbookRunId(), e.createAt(),
                e.deleteAt(), e.eventAt(), e.eventType(), e.summary(), rest, e.postId(), e.subjectUserId(),
                e.creatorUserId());
    }

    // --- delete ---

    public void askDelete(String eventId) {
        Optional<TimelineEvent> event = events().stream().filter(e -> e.id().equals(eventId)).findFirst();
        if (event.isEmpty() || !canAct()) {
            return;
        }
        deleting = eventId;
        question.set(String.format(bundle.getString("timeline.deleteQuestion"),
                DisplayText.line(EventText.of(event.get()), 60)));
    }

    public void confirm() {
        if (deleting == null || run == null) {
            return;
        }
        String id = deleting;
        String words = events().stream().filter(e -> e.id().equals(id)).map(EventText::of).findFirst().orElse("");
        cancelQuestion();
        String key = run.id() + "/" + id;
        Executor ui = services.ui();
        services.commands().submit(new DeleteTimelineEvent(run.id(), id, words)).thenRun(() -> ui.execute(() -> {
            deletedByMe.add(key);
            rebuild();
        }));
        rebuild();
    }

    public void cancelQuestion() {
        deleting = null;
        question.set("");
    }

    // --- add (the form's own work is in TimelineAddForm) ---

    public void openManual() {
        if (canAct()) {
            form.openManual(bundle.getString("timeline.add.manual"));
        }
    }

    /** Reads the channel's newest posts in the background, then hands them over (newest first). */
    public void loadPosts(Consumer<List<Post>> then) {
        if (canAct()) {
            form.loadPosts(services, run.channelId(), notice, then);
        }
    }

    /** A post in the picker's words: time, author, first line. */
    public String postLabel(Post post) {
        return form.postLabel(post);
    }

    public void openPost(Post post) {
        if (canAct()) {
            form.openPost(bundle.getString("timeline.add.post"), post);
        }
    }

    /** Sends the form's event through the outbox; a bad entry stays in the form with why. */
    public boolean submitForm() {
        boolean sent = canAct() && form.submit(services, run, notice);
        if (sent) {
            rebuild();
        }
        return sent;
    }

    public void closeForm() {
        form.close();
    }
}
