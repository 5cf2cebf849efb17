package com.incidentconsole.timeline;

import com.incidentconsole.entry.BadEntry;
import com.incidentconsole.entry.EventTime;
import com.incidentconsole.entry.ManualTimelineEntry;
import com.incidentconsole.fx.UiTask;
import com.incidentconsole.sync.AddPostToTimeline;
import com.incidentconsole.sync.ManualTimelineEvent;
import com.incidentconsole.text.DisplayText;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Post;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The add-an-event form's state: a manual event (summary, details, time) or a channel post (its text and time shown,
 * the summary asked as the web app's dialog does). FX thread only.
 */
public final class TimelineAddForm {

    /** The web app's add-to-timeline dialog offers the post's first 40 bytes as the summary and allows 64. */
    static final int DEFAULT_SUMMARY = 40;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm");

    private final ResourceBundle bundle;
    private final Function<String, String> userNames;
    private final ZoneId zone;

    private final BooleanProperty open = new SimpleBooleanProperty();
    private final ObjectProperty<Post> post = new SimpleObjectProperty<>();
    private final StringProperty heading = new SimpleStringProperty("");
    private final StringProperty postText = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty details = new SimpleStringProperty("");
    private final StringProperty time = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    TimelineAddForm(ResourceBundle bundle, Function<String, String> userNames, ZoneId zone) {
        this.bundle = bundle;
        this.userNames = userNames;
        this.zone = zone;
    }

    void openManual(String title) {
        post.set(null);
        heading.set(title);
        postText.set("");
        summary.set("");
        details.set("");
        time.set("");
        error.set("");
        open.set(true);
    }

    void openPost(String title, Post chosen) {
        post.set(chosen);
        heading.set(title);
        postText.set(postLabel(chosen) + "\n\n"
                + DisplayText.paragraph(chosen.message() == null ? "" : chosen.message(), 20, 2_000).text());
        summary.set(defaultSummary(chosen.message() == null ? "" : chosen.message()));
        details.set("");
        time.set("");
        error.set("");
        open.set(true);
    }

    /** As the dialog (app newAddToTimelineDialog): the message's first 40 characters, "..." when it is longer. */
    static String defaultSummary(String message) {
        String line = message.strip().replaceAll("\\s+", " ");
        return line.length() > DEFAULT_SUMMARY ? line.substring(0, DEFAULT_SUMMARY) + "..." : line;
    }

    void close() {
        open.set(false);
    }

    /** A post in the picker's words: time, author, first line. */
    String postLabel(Post p) {
        return TIME.format(Instant.ofEpochMilli(p.createAt()).atZone(zone)) + " · "
                + DisplayText.line(userNames.apply(p.userId()), 40) + " — "
                + DisplayText.line(p.message() == null ? "" : p.message().replaceAll("\\s+", " "), 100);
    }

    /** Reads the channel's newest posts in the background, then hands them over (newest first). */
    void loadPosts(TimelineViewModel.Services services, String channelId, StringProperty notice,
                   Consumer<List<Post>> then) {
        notice.set(bundle.getString("timeline.loadingPosts"));
        UiTask.of(() -> services.channelPosts().apply(channelId)).onSuccess(posts -> {
            notice.set(posts.isEmpty() ? bundle.getString("timeline.noPosts") : "");
            if (!posts.isEmpty()) {
                then.accept(posts);
            }
        }).onError(e -> notice.set(String.format(bundle.getString("timeline.postsFailed"), e.getMessage())))
                .on(services.net(), services.ui());
    }

    /** Sends the form's event through the outbox and closes; a bad entry stays in the form with why. */
    boolean submit(TimelineViewModel.Services services, PlaybookRun run, StringProperty notice) {
        if (!open.get()) {
            return false;
        }
        String given = summary.get() == null ? "" : summary.get().strip();
        String me = services.myId().get();
        try {
            if (chosenPost().isPresent()) {
                if (given.isEmpty()) {
                    throw new BadEntry(bundle.getString("timeline.add.needSummary"));
                }
                services.commands().submit(AddPostToTimeline.of(run, chosenPost().get().id(), given, me));
            } else {
                String typed = time.get() == null ? "" : time.get().strip();
                Instant now = services.clock().get();
                Optional<Instant> at = typed.isEmpty() || typed.equalsIgnoreCase("now") ? Optional.empty()
                        : Optional.of(EventTime.parse(typed, Clock.fixed(now, zone)));
                ManualTimelineEntry entry = new ManualTimelineEntry(given, details.get(), at);
                services.commands().submit(ManualTimelineEvent.of(run, entry, me, now));
                notice.set(at.isPresent() ? bundle.getString("timeline.add.timeNote") : "");
            }
        } catch (BadEntry bad) {
            error.set(bad.getMessage());
            return false;
        }
        close();
        return true;
    }

    public Optional<Post> chosenPost() {
        return Optional.ofNullable(post.get());
    }

    public BooleanProperty openProperty() {
        return open;
    }

    public StringProperty headingProperty() {
        return heading;
    }

    public StringProperty postTextProperty() {
        return postText;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty detailsProperty() {
        return details;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObjectProperty<Post> postProperty() {
        return post;
    }
}
