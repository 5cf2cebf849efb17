package com.incidentconsole.playbook.editor;

import com.incidentconsole.fx.UiTask;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.store.PlaybookLibrary;
import com.incidentconsole.playbook.library.store.SyncRecord;
import com.incidentconsole.playbook.library.sync.PushPlan;
import com.incidentconsole.playbook.library.sync.RemoteTeam;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Sending the open file to a server: create it there when it is not linked yet (asking which team), update it,
 * or — when the server moved too — open the merge view, and from there save the merge or push over the server's
 * version. Nothing is written before the user has seen and confirmed what would be lost.
 */
final class PushFlow {

    private final SyncLinks links;
    private final SyncFeedback feedback;
    private final ReadOnlyObjectWrapper<MergeViewModel> merge = new ReadOnlyObjectWrapper<>();

    PushFlow(SyncLinks links) {
        this.links = links;
        this.feedback = links.feedback;
    }

    ReadOnlyObjectProperty<MergeViewModel> mergeProperty() {
        return merge.getReadOnlyProperty();
    }

    private record Pushed(PlaybookServers.Server server, PushPlan plan) {
    }

    void push() {
        Optional<SyncLinks.Target> target = links.savedOpenFile();
        if (target.isEmpty()) {
            return;
        }
        String name = target.get().name();
        PlaybookLibrary lib = target.get().library();
        List<PlaybookServers.Server> available = target.get().servers();
        feedback.start(feedback.format("sync.busy.push", name));
        UiTask.of(() -> {
            Optional<SyncRecord> record = lib.syncRecord(name);
            if (record.isEmpty()) {
                return Optional.<Pushed>empty();
            }
            PlaybookServers.Server server = links.linkedServer(available, name, record.get());
            return Optional.of(new Pushed(server, links.sync(lib, server).push(name, false)));
        }).onSuccess(pushed -> {
            feedback.done();
            pushed.ifPresentOrElse(p -> pushed(name, lib, p.server(), p.plan()), () -> askCreate(name, lib, available));
        }).onError(e -> feedback.failed("sync.push.failed", name, e)).on(links.io, links.ui);
    }

    private void pushed(String name, PlaybookLibrary lib, PlaybookServers.Server server, PushPlan plan) {
        switch (plan) {
            case PushPlan.Push push -> {
                feedback.info(feedback.format("sync.pushed", name, server.label()));
                links.reload(lib, name);
            }
            case PushPlan.NothingToPush nothing -> feedback.info(feedback.format("sync.nothingToPush", name, server.label()));
            case PushPlan.TakeTheirs take -> {
                feedback.info(feedback.format("sync.tookTheirs", name, server.label()));
                links.reload(lib, name);
            }
            case PushPlan.Merge m -> {
                merge.set(new MergeViewModel(name, server, m));
                feedback.info(feedback.format("sync.mergeNeeded", name, server.label()));
            }
        }
    }

    /** The teams a new playbook could go to, across every server, in the order offered. */
    private record Offers(List<PlaybookServers.Server> owners, List<RemoteTeam> teams, List<String> options) {
    }

    private void askCreate(String name, PlaybookLibrary lib, List<PlaybookServers.Server> available) {
        feedback.start(feedback.format("sync.busy.teams", name));
        UiTask.of(() -> {
            Offers offers = new Offers(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (PlaybookServers.Server server : available) {
                for (RemoteTeam team : server.remote().get().teams()) {
                    offers.owners().add(server);
                    offers.teams().add(team);
                    offers.options().add(server.label() + " › " + team.name());
                }
            }
            return offers;
        }).onSuccess(offers -> {
            feedback.done();
            if (offers.options().isEmpty()) {
                feedback.error(feedback.format("sync.create.noTeam", name));
                return;
            }
            feedback.ask(new ServerSyncViewModel.Question(feedback.format("sync.create.ask", name), offers.options(),
                    choice -> {
                        if (choice >= 0) {
                            create(name, lib, offers.owners().get(choice), offers.teams().get(choice));
                        } else {
                            feedback.info(feedback.format("sync.create.cancelled", name));
                        }
                    }));
        }).onError(e -> feedback.failed("sync.push.failed", name, e)).on(links.net, links.ui);
    }

    private void create(String name, PlaybookLibrary lib, PlaybookServers.Server server, RemoteTeam team) {
        feedback.start(feedback.format("sync.busy.create", name, server.label()));
        UiTask.run(() -> links.sync(lib, server).create(name, team.id())).onSuccess(done -> {
            feedback.done();
            feedback.info(feedback.format("sync.created", name, server.label(), team.name()));
            links.reload(lib, name);
        }).onError(e -> feedback.failed("sync.push.failed", name, e)).on(links.io, links.ui);
    }

    void saveMerged() {
        MergeViewModel shown = merge.get();
        PlaybookLibrary lib = links.library.libraryProperty().get();
        if (shown == null || lib == null) {
            return;
        }
        PlaybookFile resolved = shown.resolved().merged();
        String name = shown.file();
        feedback.start(feedback.format("sync.busy.saveMerge", name));
        UiTask.of(() -> {
            if (!lib.read(name).json().equals(shown.plan().mine().json())) {
                // The file moved on since the merge was computed: writing now would drop that edit.
                return false;
            }
            links.sync(lib, shown.server()).acceptMerge(name, shown.plan(), resolved);
            return true;
        }).onSuccess(saved -> {
            merge.set(null);
            if (!saved) {
                feedback.failed("sync.merge.failed", name, new IOException(feedback.format("sync.merge.fileMoved", name)));
                return;
            }
            feedback.done();
            feedback.info(feedback.format("sync.merged", name, shown.server().label()));
            links.reload(lib, name);
        }).onError(e -> feedback.failed("sync.merge.failed", name, e)).on(links.io, links.ui);
    }

    void forcePush() {
        MergeViewModel shown = merge.get();
        PlaybookLibrary lib = links.library.libraryProperty().get();
        if (shown == null || lib == null) {
            return;
        }
        String name = shown.file();
        feedback.start(feedback.format("sync.busy.force", name, shown.server().label()));
        UiTask.of(() -> links.sync(lib, shown.server()).pushOver(name, shown.plan().serverUpdateAt()))
                .onSuccess(plan -> {
                    feedback.done();
                    if (plan instanceof PushPlan.Merge again
                            && again.serverUpdateAt() != shown.plan().serverUpdateAt()) {
                        merge.set(new MergeViewModel(name, shown.server(), again));
                        feedback.error(feedback.format("sync.force.movedAgain", name, shown.server().label()));
                        return;
                    }
                    merge.set(null);
                    feedback.info(feedback.format("sync.forced", name, shown.server().label()));
                    links.reload(lib, name);
                }).onError(e -> feedback.failed("sync.push.failed", name, e)).on(links.io, links.ui);
    }

    void cancelMerge() {
        MergeViewModel shown = merge.get();
        if (shown != null) {
            merge.set(null);
            feedback.info(feedback.format("sync.merge.cancelled", shown.file()));
        }
    }
}
