package com.incidentconsole.playbook.editor;

import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.sync.RemotePlaybook;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * Pull, push, merge and compare between the open library and the app's servers: what the server bar and the
 * merge view bind to. The work is in two flows, {@link PushFlow} (create, update, merge, force) and
 * {@link PullFlow} (pull, pull again, compare), which share {@link SyncLinks} (threads, servers, the open file)
 * and report to one {@link SyncFeedback}.
 *
 * <p>Everything that touches the library runs on {@code io} — the library's one thread — including the server
 * calls of a pull or push, so a push can never interleave with a save or rename of the same file. Read-only
 * background checks run on {@code net}, so a slow server never delays file work. Results come back on {@code ui}.
 * Nothing is written before the user has seen and confirmed what would be lost.
 */
public final class ServerSyncViewModel {

    /**
     * Something to confirm before it happens. {@code options} empty: a yes/no question; otherwise pick one.
     * {@code answer} gets the chosen option's index (0 for "yes"), or -1 for "no" / cancel.
     */
    public record Question(String text, List<String> options, IntConsumer answer) {

        public Question {
            options = List.copyOf(options);
        }
    }

    private final SyncFeedback feedback;
    private final SyncLinks links;
    private final PushFlow pushes;
    private final PullFlow pulls;

    ServerSyncViewModel(Executor io, Executor net, Executor ui, PlaybookServers servers, LibraryViewModel library,
            EditorViewModel editor, PlaybookParser parser, ResourceBundle bundle) {
        this.feedback = new SyncFeedback(bundle);
        this.links = new SyncLinks(io, net, ui, servers, library, editor, parser, feedback);
        this.pushes = new PushFlow(links);
        this.pulls = new PullFlow(links);
        links.servers();
    }

    public ReadOnlyStringProperty messageProperty() {
        return feedback.messageProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return feedback.messageIsErrorProperty();
    }

    /** What is being done with a server right now ("Pushing …"), empty when idle. */
    public ReadOnlyStringProperty busyProperty() {
        return feedback.busyProperty();
    }

    /** "Sandbox" — the servers available — or why there are none. */
    public ReadOnlyStringProperty connectionProperty() {
        return links.connectionProperty();
    }

    public ReadOnlyObjectProperty<Question> questionProperty() {
        return feedback.questionProperty();
    }

    /** The refused push being merged, or null. */
    public ReadOnlyObjectProperty<MergeViewModel> mergeProperty() {
        return pushes.mergeProperty();
    }

    /** Told (on the UI executor) the name of a library file a pull or push just wrote, e.g. to select it. */
    void onFileChanged(Consumer<String> listener) {
        links.onFileChanged(listener);
    }

    /** The servers usable now; also updates {@link #connectionProperty()}. */
    List<PlaybookServers.Server> servers() {
        return links.servers();
    }

    static Optional<PlaybookServers.Server> serverFor(List<PlaybookServers.Server> available, String serverUrl) {
        return SyncLinks.serverFor(available, serverUrl);
    }

    /** Answers the open question; -1 declines. */
    public void answer(int choice) {
        feedback.answer(choice);
    }

    /** Pushes the open file: creates it on a server when not linked, updates it, or opens the merge view. */
    public void push() {
        pushes.push();
    }

    /** Writes the merge with the chosen sides into the file; it is then based on the server version merged. */
    public void saveMerged() {
        pushes.saveMerged();
    }

    /**
     * Sends the file over the server version the merge view showed (the user confirmed losing its changes). When
     * the server moved again meanwhile, nothing is sent and the merge view shows the new situation instead.
     */
    public void forcePush() {
        pushes.forcePush();
    }

    /** Closes the merge view without writing or sending anything. */
    public void cancelMerge() {
        pushes.cancelMerge();
    }

    /** Pulls the open file's server playbook again, asking first when that would replace local changes. */
    public void pullAgain() {
        pulls.pullAgain();
    }

    /** Pulls {@code playbook} from {@code server} into the library file {@code typedName}. */
    public void pull(PlaybookServers.Server server, RemotePlaybook playbook, String typedName) {
        pulls.pull(server, playbook, typedName);
    }

    /** Diffs the open file (as edited, saved or not) against the server's current copy; {@code shown} then runs. */
    public void compareWithServer(Runnable shown) {
        pulls.compareWithServer(shown);
    }
}
