package com.incidentconsole.playbook.editor;

import com.incidentconsole.playbook.library.sync.PlaybookRemoteException;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the server bar says while pulls and pushes run: what is being done, the last outcome, and the question
 * waiting for an answer. Every flow reports here, so the bar reads the same whichever flow spoke. UI thread only.
 */
final class SyncFeedback {

    private final ResourceBundle bundle;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper busy = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ServerSyncViewModel.Question> question = new ReadOnlyObjectWrapper<>();
    private int running;

    SyncFeedback(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    ReadOnlyStringProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<ServerSyncViewModel.Question> questionProperty() {
        return question.getReadOnlyProperty();
    }

    void ask(ServerSyncViewModel.Question asked) {
        question.set(asked);
    }

    /** Answers the open question; -1 declines. */
    void answer(int choice) {
        ServerSyncViewModel.Question asked = question.get();
        if (asked != null) {
            question.set(null);
            asked.answer().accept(choice);
        }
    }

    void start(String what) {
        running++;
        busy.set(what);
        message.set("");
    }

    void done() {
        running = Math.max(0, running - 1);
        if (running == 0) {
            busy.set("");
        }
    }

    void info(String text) {
        messageIsError.set(false);
        message.set(text);
    }

    void error(String text) {
        messageIsError.set(true);
        message.set(text);
    }

    /** Says what failed, why, and what to do; the file and the server are as they were. */
    void failed(String whatKey, String name, Exception e) {
        done();
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("[.\\s]+$", "");
        String todo = e instanceof PlaybookRemoteException remote ? " " + text("sync.todo." + remote.reason()) : "";
        error(format(whatKey, name) + " " + why + "." + todo + " " + text("sync.nothingLost"));
    }

    String text(String key) {
        return bundle.getString(key);
    }

    String format(String key, Object... args) {
        return MessageFormat.format(bundle.getString(key), args);
    }
}
