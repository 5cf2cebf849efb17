package com.incidentconsole.playbook.editor;

import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookFormatException;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.store.PlaybookLibrary;
import com.incidentconsole.playbook.library.store.SyncRecord;
import com.incidentconsole.playbook.library.sync.PlaybookRemoteException;
import com.incidentconsole.playbook.library.sync.PlaybookSync;
import com.incidentconsole.playbook.library.sync.PushPlan;
import com.incidentconsole.playbook.library.sync.RemotePlaybook;
import com.incidentconsole.playbook.library.sync.RemoteTeam;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Pull, push, merge and compare between the open library and the app's servers.
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

    private final Executor io;
    private final Executor net;
    private final Executor ui;
    private final PlaybookServers servers;
    private final LibraryViewModel library;
    private final EditorViewModel editor;
    private final PlaybookParser parser;
    private final ResourceBundle bundle;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper busy = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Question> question = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<MergeViewModel> merge = new ReadOnlyObjectWrapper<>();
    private int running;
    private Consumer<String> fileChanged = file -> { };

    ServerSyncViewModel(Executor io, Executor net, Executor ui, PlaybookServers servers, LibraryViewModel library,
            EditorViewModel editor, PlaybookParser parser, ResourceBundle bundle) {
        this.io = io;
        this.net = net;
        this.ui = ui;
        this.servers = servers;
        this.library = library;
        this.editor = editor;
        this.parser = parser;
        this.bundle = bundle;
        servers();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    /** What is being done with a server right now ("Pushing …"), empty when idle. */
    public ReadOnlyStringProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "Sandbox" — the servers available — or why there are none. */
    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Question> questionProperty() {
        return question.getReadOnlyProperty();
    }

    /** The refused push being merged, or null. */
    public ReadOnlyObjectProperty<MergeViewModel> mergeProperty() {
        return merge.getReadOnlyProperty();
    }

    /** Told (on the UI executor) the name of a library file a pull or push just wrote, e.g. to select it. */
    void onFileChanged(Consumer<String> listener) {
        this.fileChanged = listener;
    }

    /** The servers usable now; also updates {@link #connectionProperty()}. */
    List<PlaybookServers.Server> servers() {
        List<PlaybookServers.Server> now = servers.current();
        connection.set(now.isEmpty() ? text("sync.notConnected")
                : String.join(", ", now.stream().map(PlaybookServers.Server::label).toList()));
        return now;
    }

    static Optional<PlaybookServers.Server> serverFor(List<PlaybookServers.Server> available, String serverUrl) {
        return available.stream().filter(s -> PlaybookSync.sameServer(s.serverUrl(), serverUrl)).findFirst();
    }

    /** Answers the open question; -1 declines. */
    public void answer(int choice) {
        Question asked = question.get();
        if (asked != null) {
            question.set(null);
            asked.answer().accept(choice);
        }
    }

    /** Pushes the open file: creates it on a server when not linked, updates it, or opens the merge view. */
    public void push() {
        Optional<Target> target = savedOpenFile();
        if (target.isEmpty()) {
            return;
        }
        String name = target.get().name();
        PlaybookLibrary lib = target.get().library();
        List<PlaybookServers.Server> available = target.get().servers();
        start(format("sync.busy.push", name));
        io.execute(() -> {
            try {
                Optional<SyncRecord> record = lib.syncRecord(name);
                if (record.isEmpty()) {
                    ui.execute(() -> {
                        done();
                        askCreate(name, lib, available);
                    });
                    return;
                }
                PlaybookServers.Server server = linkedServer(available, name, record.get());
                PushPlan plan = sync(lib, server).push(name, false);
                ui.execute(() -> {
                    done();
                    pushed(name, lib, server, plan);
                });
            } catch (IOException | PlaybookFormatException | RuntimeException e) {
                ui.execute(() -> failed("sync.push.failed", name, e));
            }
        });
    }

    private void pushed(String name, PlaybookLibrary lib, PlaybookServers.Server server, PushPlan plan) {
        switch (plan) {
            case PushPlan.Push push -> {
                info(format("sync.pushed", name, server.label()));
                reload(lib, name);
            }
            case PushPlan.NothingToPush nothing -> info(format("sync.nothingToPush", name, server.label()));
            case PushPlan.TakeTheirs take -> {
                info(format("sync.tookTheirs", name, server.label()));
                reload(lib, name);
            }
            case PushPlan.Merge m -> {
                merge.set(new MergeViewModel(name, server, m));
                info(format("sync.mergeNeeded", name, server.label()));
            }
        }
    }

    private void askCreate(String name, PlaybookLibrary lib, List<PlaybookServers.Server> available) {
        start(format("sync.busy.teams", name));
        net.execute(() -> {
            List<PlaybookServers.Server> owners = new ArrayList<>();
            List<RemoteTeam> teams = new ArrayList<>();
            List<String> options = new ArrayList<>();
            try {
                for (PlaybookServers.Server server : available) {
                    for (RemoteTeam team : server.remote().get().teams()) {
                        owners.add(server);
                        teams.add(team);
                        options.add(server.label() + " › " + team.name());
                    }
                }
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> failed("sync.push.failed", name, e));
                return;
            }
            ui.execute(() -> {
                done();
                if (options.isEmpty()) {
                    error(format("sync.create.noTeam", name));
                    return;
                }
                question.set(new Question(format("sync.create.ask", name), options, choice -> {
                    if (choice >= 0) {
                        create(name, lib, owners.get(choice), teams.get(choice));
                    } else {
                        info(format("sync.create.cancelled", name));
                    }
                }));
            });
        });
    }

    private void create(String name, PlaybookLibrary lib, PlaybookServers.Server server, RemoteTeam team) {
        start(format("sync.busy.create", name, server.label()));
        io.execute(() -> {
            try {
                sync(lib, server).create(name, team.id());
                ui.execute(() -> {
                    done();
                    info(format("sync.created", name, server.label(), team.name()));
                    reload(lib, name);
                });
            } catch (IOException | PlaybookFormatException | RuntimeException e) {
                ui.execute(() -> failed("sync.push.failed", name, e));
            }
        });
    }

    /** Writes the merge with the chosen sides into the file; it is then based on the server version merged. */
    public void saveMerged() {
        MergeViewModel shown = merge.get();
        PlaybookLibrary lib = library.libraryProperty().get();
        if (shown == null || lib == null) {
            return;
        }
        PlaybookFile resolved = shown.resolved().merged();
        String name = shown.file();
        start(format("sync.busy.saveMerge", name));
        io.execute(() -> {
            try {
                if (!lib.read(name).json().equals(shown.plan().mine().json())) {
                    // The file moved on since the merge was computed: writing now would drop that edit.
                    ui.execute(() -> {
                        merge.set(null);
                        failed("sync.merge.failed", name, new IOException(format("sync.merge.fileMoved", name)));
                    });
                    return;
                }
                sync(lib, shown.server()).acceptMerge(name, shown.plan(), resolved);
                ui.execute(() -> {
                    done();
                    merge.set(null);
                    info(format("sync.merged", name, shown.server().label()));
                    reload(lib, name);
                });
            } catch (IOException | PlaybookFormatException | RuntimeException e) {
                ui.execute(() -> failed("sync.merge.failed", name, e));
            }
        });
    }

    /**
     * Sends the file over the server version the merge view showed (the user confirmed losing its changes). When
     * the server moved again meanwhile, nothing is sent and the merge view shows the new situation instead.
     */
    public void forcePush() {
        MergeViewModel shown = merge.get();
        PlaybookLibrary lib = library.libraryProperty().get();
        if (shown == null || lib == null) {
            return;
        }
        String name = shown.file();
        start(format("sync.busy.force", name, shown.server().label()));
        io.execute(() -> {
            try {
                PushPlan plan = sync(lib, shown.server()).pushOver(name, shown.plan().serverUpdateAt());
                ui.execute(() -> {
                    done();
                    if (plan instanceof PushPlan.Merge again
                            && again.serverUpdateAt() != shown.plan().serverUpdateAt()) {
                        merge.set(new MergeViewModel(name, shown.server(), again));
                        error(format("sync.force.movedAgain", name, shown.server().label()));
                        return;
                    }
                    merge.set(null);
                    info(format("sync.forced", name, shown.server().label()));
                    reload(lib, name);
                });
            } catch (IOException | PlaybookFormatException | RuntimeException e) {
                ui.execute(() -> failed("sync.push.failed", name, e));
            }
        });
    }

    /** Closes the merge view without writing or sending anything. */
    public void cancelMerge() {
        MergeViewModel shown = merge.get();
        if (shown != null) {
            merge.set(null);
            info(format("sync.merge.cancelled", shown.file()));
        }
    }

    /** Pulls the open file's server playbook again, asking first when that would replace local changes. */
    public void pullAgain() {
        if (!editor.isOpen()) {
            error(text("sync.noFile"));
            return;
        }
        String name = editor.nameProperty().get();
        boolean unsaved = editor.dirtyProperty().get();
        PlaybookLibrary lib = library.libraryProperty().get();
        List<PlaybookServers.Server> available = servers();
        if (available.isEmpty()) {
            error(text("sync.notConnected"));
            return;
        }
        start(format("sync.busy.pull", name));
        io.execute(() -> {
            try {
                SyncRecord record = lib.syncRecord(name)
                        .orElseThrow(() -> new IOException(format("sync.pullAgain.notLinked", name)));
                PlaybookServers.Server server = linkedServer(available, name, record);
                PlaybookSync.PullTarget target = sync(lib, server).pullTarget(name, record.playbookId());
                ui.execute(() -> {
                    done();
                    pullInto(lib, server, record.playbookId(), name, target, unsaved);
                });
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> failed("sync.pull.failed", name, e));
            }
        });
    }

    /** Pulls {@code playbook} from {@code server} into the library file {@code typedName}. */
    public void pull(PlaybookServers.Server server, RemotePlaybook playbook, String typedName) {
        PlaybookLibrary lib = library.libraryProperty().get();
        String name = LibraryViewModel.fileName(typedName);
        boolean unsaved = editor.isOpen() && name.equals(editor.nameProperty().get()) && editor.dirtyProperty().get();
        start(format("sync.busy.pull", name));
        io.execute(() -> {
            try {
                PlaybookSync.PullTarget target = sync(lib, server).pullTarget(name, playbook.id());
                ui.execute(() -> {
                    done();
                    pullInto(lib, server, playbook.id(), name, target, unsaved);
                });
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> failed("sync.pull.failed", name, e));
            }
        });
    }

    private void pullInto(PlaybookLibrary lib, PlaybookServers.Server server, String playbookId, String name,
            PlaybookSync.PullTarget target, boolean unsaved) {
        switch (target) {
            case PlaybookSync.PullTarget.Taken taken -> error(taken.reason());
            case PlaybookSync.PullTarget.Refresh refresh when refresh.localChanges() || unsaved ->
                    question.set(new Question(format("sync.pullAgain.ask", name, server.label()), List.of(),
                            choice -> {
                                if (choice >= 0) {
                                    doPull(lib, server, playbookId, name, true);
                                } else {
                                    info(format("sync.pullAgain.kept", name));
                                }
                            }));
            default -> doPull(lib, server, playbookId, name, false);
        }
    }

    private void doPull(PlaybookLibrary lib, PlaybookServers.Server server, String playbookId, String name,
            boolean replaceLocalChanges) {
        start(format("sync.busy.pull", name));
        io.execute(() -> {
            try {
                sync(lib, server).pull(name, playbookId, replaceLocalChanges);
                ui.execute(() -> {
                    done();
                    info(format("sync.pulled", name, server.label()));
                    reload(lib, name);
                    if (!name.equals(editor.nameProperty().get())) {
                        editor.open(lib, name);
                    }
                });
            } catch (IOException | PlaybookFormatException | RuntimeException e) {
                ui.execute(() -> failed("sync.pull.failed", name, e));
            }
        });
    }

    /** Diffs the open file (as edited, saved or not) against the server's current copy; {@code shown} then runs. */
    public void compareWithServer(Runnable shown) {
        if (!editor.isOpen()) {
            error(text("sync.noFile"));
            return;
        }
        String name = editor.nameProperty().get();
        PlaybookLibrary lib = library.libraryProperty().get();
        List<PlaybookServers.Server> available = servers();
        if (available.isEmpty()) {
            error(text("sync.notConnected"));
            return;
        }
        start(format("sync.busy.compare", name));
        io.execute(() -> {
            try {
                SyncRecord record = lib.syncRecord(name)
                        .orElseThrow(() -> new IOException(format("sync.compare.notLinked", name)));
                PlaybookServers.Server server = linkedServer(available, name, record);
                PlaybookFile serverCopy = sync(lib, server).serverCopy(name);
                ui.execute(() -> {
                    done();
                    editor.compareWith(serverCopy);
                    info(format("sync.compared", name, server.label()));
                    shown.run();
                });
            } catch (IOException | PlaybookFormatException | RuntimeException e) {
                ui.execute(() -> failed("sync.compare.failed", name, e));
            }
        });
    }

    private record Target(String name, PlaybookLibrary library, List<PlaybookServers.Server> servers) {
    }

    /** The open file when it can be sent as it is on disk, else says why not. */
    private Optional<Target> savedOpenFile() {
        if (!editor.isOpen()) {
            error(text("sync.noFile"));
            return Optional.empty();
        }
        String name = editor.nameProperty().get();
        if (editor.dirtyProperty().get()) {
            error(format("sync.saveFirst", name));
            return Optional.empty();
        }
        List<PlaybookServers.Server> available = servers();
        if (available.isEmpty()) {
            error(text("sync.notConnected"));
            return Optional.empty();
        }
        return Optional.of(new Target(name, library.libraryProperty().get(), available));
    }

    private PlaybookServers.Server linkedServer(List<PlaybookServers.Server> available, String name,
            SyncRecord record) throws IOException {
        return serverFor(available, record.serverUrl()).orElseThrow(() -> new IOException(format(
                "sync.otherServer", name, record.serverUrl(), String.join(", ",
                        available.stream().map(PlaybookServers.Server::label).toList()))));
    }

    private PlaybookSync sync(PlaybookLibrary lib, PlaybookServers.Server server) {
        return new PlaybookSync(lib, server.remote().get(), server.serverUrl(), parser);
    }

    /**
     * After a pull or push: the list and link status follow, and an editor showing the file reopens it when its
     * content on disk changed (a pull, a merge, the server's normalisation) — not otherwise, so undo survives.
     */
    private void reload(PlaybookLibrary lib, String name) {
        library.refresh();
        fileChanged.accept(name);
        if (!name.equals(editor.nameProperty().get())) {
            return;
        }
        io.execute(() -> {
            try {
                PlaybookFile onDisk = lib.read(name);
                ui.execute(() -> {
                    if (name.equals(editor.nameProperty().get()) && editor.isOpen()
                            && !editor.file().json().equals(onDisk.json())) {
                        editor.open(lib, name);
                    }
                });
            } catch (IOException | PlaybookFormatException e) {
                ui.execute(() -> editor.open(lib, name));
            }
        });
    }

    private void start(String what) {
        running++;
        busy.set(what);
        message.set("");
    }

    private void done() {
        running = Math.max(0, running - 1);
        if (running == 0) {
            busy.set("");
        }
    }

    private void info(String text) {
        messageIsError.set(false);
        message.set(text);
    }

    private void error(String text) {
        messageIsError.set(true);
        message.set(text);
    }

    /** Says what failed, why, and what to do; the file and the server are as they were. */
    private void failed(String whatKey, String name, Exception e) {
        done();
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("[.\\s]+$", "");
        String todo = e instanceof PlaybookRemoteException remote ? " " + text("sync.todo." + remote.reason()) : "";
        error(format(whatKey, name) + " " + why + "." + todo + " " + text("sync.nothingLost"));
    }

    private String text(String key) {
        return bundle.getString(key);
    }

    private String format(String key, Object... args) {
        return MessageFormat.format(bundle.getString(key), args);
    }
}
