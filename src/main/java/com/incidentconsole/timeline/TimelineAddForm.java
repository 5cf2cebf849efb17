package com.incidentconsole.timeline;

import com.incidentconsole.wire.Post;
import java.util.Optional;
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

    private final BooleanProperty open = new SimpleBooleanProperty();
    private final ObjectProperty<Post> post = new SimpleObjectProperty<>();
    private final StringProperty heading = new SimpleStringProperty("");
    private final StringProperty postText = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty details = new SimpleStringProperty("");
    private final StringProperty time = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

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

    void openPost(String title, Post chosen, String postWords) {
        post.set(chosen);
        heading.set(title);
        postText.set(postWords);
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
