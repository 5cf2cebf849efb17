package com.incidentconsole.playbook.editor;

import com.incidentconsole.fx.UiTask;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.store.PlaybookLibrary;
import com.incidentconsole.playbook.library.sync.PlaybookSync;
import com.incidentconsole.playbook.library.sync.RemotePlaybook;
import java.util.List;
import java.util.Optional;

/**
 * Taking a server's playbook into the library — a new one, or the open file's again — asking first when that
 * would replace local changes; and comparing the open file with the server's current copy, which writes nothing.
 */
final class PullFlow {

    private final SyncLinks links;
    private final SyncFeedback feedback;

    PullFlow(SyncLinks links) {
        this.links = links;
        this.feedback = links.feedback;
    }

    private record Found(PlaybookServers.Server server, String playbookId, PlaybookSync.PullTarget target) {
    }

    void pullAgain() {
        EditorViewModel editor = links.editor;
        boolean unsaved = editor.isOpen() && editor.dirtyProperty().get();
        Optional<SyncLinks.Target> open = links.openFile();
        if (open.isEmpty()) {
            return;
        }
        String name = open.get().name();
        PlaybookLibrary lib = open.get().library();
        feedback.start(feedback.format("sync.busy.pull", name));
        UiTask.of(() -> {
            SyncLinks.Linked linked = links.linked(open.get(), "sync.pullAgain.notLinked");
            String playbookId = linked.record().playbookId();
            return new Found(linked.server(), playbookId, links.sync(lib, linked.server()).pullTarget(name, playbookId));
        }).onSuccess(found -> {
            feedback.done();
            pullInto(lib, found.server(), found.playbookId(), name, found.target(), unsaved);
        }).onError(e -> feedback.failed("sync.pull.failed", name, e)).on(links.io, links.ui);
    }

    void pull(PlaybookServers.Server server, RemotePlaybook playbook, String typedName) {
        EditorViewModel editor = links.editor;
        PlaybookLibrary lib = links.library.libraryProperty().get();
        String name = LibraryViewModel.fileName(typedName);
        boolean unsaved = editor.isOpen() && name.equals(editor.nameProperty().get()) && editor.dirtyProperty().get();
        feedback.start(feedback.format("sync.busy.pull", name));
        UiTask.of(() -> links.sync(lib, server).pullTarget(name, playbook.id())).onSuccess(target -> {
            feedback.done();
            pullInto(lib, server, playbook.id(), name, target, unsaved);
        }).onError(e -> feedback.failed("sync.pull.failed", name, e)).on(links.io, links.ui);
    }

    private void pullInto(PlaybookLibrary lib, PlaybookServers.Server server, String playbookId, String name,
            PlaybookSync.PullTarget target, boolean unsaved) {
        switch (target) {
            case PlaybookSync.PullTarget.Taken taken -> feedback.error(taken.reason());
            case PlaybookSync.PullTarget.Refresh refresh when refresh.localChanges() || unsaved ->
                    feedback.ask(new ServerSyncViewModel.Question(
                            feedback.format("sync.pullAgain.ask", name, server.label()), List.of(), choice -> {
                                if (choice >= 0) {
                                    doPull(lib, server, playbookId, name, true);
                                } else {
                                    feedback.info(feedback.format("sync.pullAgain.kept", name));
                                }
                            }));
            default -> doPull(lib, server, playbookId, name, false);
        }
    }

    private void doPull(PlaybookLibrary lib, PlaybookServers.Server server, String playbookId, String name,
            boolean replaceLocalChanges) {
        feedback.start(feedback.format("sync.busy.pull", name));
        UiTask.run(() -> links.sync(lib, server).pull(name, playbookId, replaceLocalChanges)).onSuccess(done -> {
            feedback.done();
            feedback.info(feedback.format("sync.pulled", name, server.label()));
            links.reload(lib, name);
            if (!name.equals(links.editor.nameProperty().get())) {
                links.editor.open(lib, name);
            }
        }).onError(e -> feedback.failed("sync.pull.failed", name, e)).on(links.io, links.ui);
    }

    private record Copy(PlaybookServers.Server server, PlaybookFile file) {
    }

    void compareWithServer(Runnable shown) {
        Optional<SyncLinks.Target> open = links.openFile();
        if (open.isEmpty()) {
            return;
        }
        String name = open.get().name();
        feedback.start(feedback.format("sync.busy.compare", name));
        UiTask.of(() -> {
            SyncLinks.Linked linked = links.linked(open.get(), "sync.compare.notLinked");
            return new Copy(linked.server(), links.sync(open.get().library(), linked.server()).serverCopy(name));
        }).onSuccess(copy -> {
            feedback.done();
            links.editor.compareWith(copy.file());
            feedback.info(feedback.format("sync.compared", name, copy.server().label()));
            shown.run();
        }).onError(e -> feedback.failed("sync.compare.failed", name, e)).on(links.io, links.ui);
    }
}
