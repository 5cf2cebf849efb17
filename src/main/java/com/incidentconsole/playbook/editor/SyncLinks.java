package com.incidentconsole.playbook.editor;

import com.incidentconsole.fx.UiTask;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookFormatException;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.store.PlaybookLibrary;
import com.incidentconsole.playbook.library.store.SyncRecord;
import com.incidentconsole.playbook.library.sync.PlaybookSync;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the pull and push flows share: the threads, the servers and which one a file is linked to, the open file,
 * and what to do after a file changed on disk. The threads: {@code io} is the library's one thread — also for the
 * server calls of a pull or push, so a push never interleaves with a save or rename of the same file; {@code net}
 * is for read-only server questions, so a slow server never delays file work; results come back on {@code ui}.
 */
final class SyncLinks {

    private static final Logger LOG = Logger.getLogger(SyncLinks.class.getName());

    /** The open file, the library it is in and the servers available, at the moment a flow began. */
    record Target(String name, PlaybookLibrary library, List<PlaybookServers.Server> servers) {
    }

    final Executor io;
    final Executor net;
    final Executor ui;
    final LibraryViewModel library;
    final EditorViewModel editor;
    final SyncFeedback feedback;
    private final PlaybookServers servers;
    private final PlaybookParser parser;
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("");
    private Consumer<String> fileChanged = file -> { };

    SyncLinks(Executor io, Executor net, Executor ui, PlaybookServers servers, LibraryViewModel library,
            EditorViewModel editor, PlaybookParser parser, SyncFeedback feedback) {
        this.io = io;
        this.net = net;
        this.ui = ui;
        this.servers = servers;
        this.library = library;
        this.editor = editor;
        this.parser = parser;
        this.feedback = feedback;
    }

    ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    void onFileChanged(Consumer<String> listener) {
        this.fileChanged = listener;
    }

    /** The servers usable now; also updates {@link #connectionProperty()}. */
    List<PlaybookServers.Server> servers() {
        List<PlaybookServers.Server> now = servers.current();
        connection.set(now.isEmpty() ? feedback.text("sync.notConnected")
                : String.join(", ", now.stream().map(PlaybookServers.Server::label).toList()));
        return now;
    }

    static Optional<PlaybookServers.Server> serverFor(List<PlaybookServers.Server> available, String serverUrl) {
        return available.stream().filter(s -> PlaybookSync.sameServer(s.serverUrl(), serverUrl)).findFirst();
    }

    /** The open file when it can be sent as it is on disk, else says why not. */
    Optional<Target> savedOpenFile() {
        if (!editor.isOpen()) {
            feedback.error(feedback.text("sync.noFile"));
            return Optional.empty();
        }
        String name = editor.nameProperty().get();
        if (editor.dirtyProperty().get()) {
            feedback.error(feedback.format("sync.saveFirst", name));
            return Optional.empty();
        }
        return withServers(name);
    }

    /** The open file, saved or not, when there is one and a server to ask about it; else says why not. */
    Optional<Target> openFile() {
        if (!editor.isOpen()) {
            feedback.error(feedback.text("sync.noFile"));
            return Optional.empty();
        }
        return withServers(editor.nameProperty().get());
    }

    private Optional<Target> withServers(String name) {
        List<PlaybookServers.Server> available = servers();
        if (available.isEmpty()) {
            feedback.error(feedback.text("sync.notConnected"));
            return Optional.empty();
        }
        return Optional.of(new Target(name, library.libraryProperty().get(), available));
    }

    /** A file's link and the server it points to, found in the background. */
    record Linked(SyncRecord record, PlaybookServers.Server server) {
    }

    /** Reads the open file's link; {@code notLinkedKey} says why not when the file was never pulled or pushed. */
    Linked linked(SyncLinks.Target target, String notLinkedKey) throws IOException {
        SyncRecord record = target.library().syncRecord(target.name())
                .orElseThrow(() -> new IOException(feedback.format(notLinkedKey, target.name())));
        return new Linked(record, linkedServer(target.servers(), target.name(), record));
    }

    PlaybookServers.Server linkedServer(List<PlaybookServers.Server> available, String name, SyncRecord record)
            throws IOException {
        return serverFor(available, record.serverUrl()).orElseThrow(() -> new IOException(feedback.format(
                "sync.otherServer", name, record.serverUrl(), String.join(", ",
                        available.stream().map(PlaybookServers.Server::label).toList()))));
    }

    PlaybookSync sync(PlaybookLibrary lib, PlaybookServers.Server server) {
        return new PlaybookSync(lib, server.remote().get(), server.serverUrl(), parser);
    }

    /**
     * After a pull or push: the list and link status follow, and an editor showing the file reopens it when its
     * content on disk changed (a pull, a merge, the server's normalisation) — not otherwise, so undo survives.
     */
    void reload(PlaybookLibrary lib, String name) {
        library.refresh();
        fileChanged.accept(name);
        if (!name.equals(editor.nameProperty().get())) {
            return;
        }
        UiTask.of(() -> lib.read(name))
                .onSuccess((PlaybookFile onDisk) -> {
                    if (name.equals(editor.nameProperty().get()) && editor.isOpen()
                            && !editor.file().json().equals(onDisk.json())) {
                        editor.open(lib, name);
                    }
                })
                .onError(e -> {
                    if (e instanceof IOException || e instanceof PlaybookFormatException) {
                        editor.open(lib, name);
                    } else {
                        LOG.log(Level.WARNING, "Could not reread " + name, e);
                    }
                })
                .on(io, ui);
    }
}
