package com.incidentconsole.playbook.editor;

import com.incidentconsole.playbook.library.store.PlaybookLibrary;
import com.incidentconsole.playbook.library.store.SyncRecord;
import com.incidentconsole.playbook.library.sync.PlaybookRemoteException;
import com.incidentconsole.playbook.library.sync.PlaybookSync;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The per-file link status of the library list: not linked, or linked to a server with "in sync", "local changes",
 * "server changed" or both. Local changes come with the list's rows; whether the server moved needs a request per
 * file, so it comes from a background check ({@code net}) that never holds up the list or any file work.
 */
public final class ServerLinkStatus {

    /** Where a linked file's server playbook stands, from the last background check. */
    public enum LinkState { UNCHANGED, CHANGED, ARCHIVED, GONE, UNREACHABLE, NOT_CONNECTED }

    private final Executor io;
    private final Executor net;
    private final Executor ui;
    private final PlaybookServers servers;
    private final LibraryViewModel library;
    private final ResourceBundle bundle;
    private final ObservableMap<String, LinkState> linkStates = FXCollections.observableHashMap();
    private final ObservableMap<String, LinkState> linkStatesView = FXCollections.unmodifiableObservableMap(
            linkStates);
    private boolean checking;
    private boolean checkAgain;

    ServerLinkStatus(Executor io, Executor net, Executor ui, PlaybookServers servers, LibraryViewModel library,
            ResourceBundle bundle) {
        this.io = io;
        this.net = net;
        this.ui = ui;
        this.servers = servers;
        this.library = library;
        this.bundle = bundle;
    }

    /** File name → its server playbook's state, filled by {@link #check()}; the list redraws when it changes. */
    public ObservableMap<String, LinkState> states() {
        return linkStatesView;
    }

    /**
     * Asks each linked file's server, in the background, whether its playbook moved since the pull. One check at a
     * time: a request while one runs is remembered and served once it ends, so a burst of saves costs one round.
     */
    public void check() {
        PlaybookLibrary lib = library.libraryProperty().get();
        if (lib == null) {
            return;
        }
        if (checking) {
            checkAgain = true;
            return;
        }
        checking = true;
        List<PlaybookServers.Server> available = servers.current();
        List<String> linked = library.rows().stream().filter(r -> !r.server().isEmpty()).map(LibraryRow::file)
                .toList();
        io.execute(() -> {
            Map<String, SyncRecord> records = new LinkedHashMap<>();
            for (String name : linked) {
                try {
                    lib.syncRecord(name).ifPresent(r -> records.put(name, r));
                } catch (IOException e) {
                    // The list shows the file as linked but its record is unreadable now: leave its status as is.
                }
            }
            try {
                net.execute(() -> {
                    Map<String, LinkState> states = new LinkedHashMap<>();
                    records.forEach((name, record) -> states.put(name, check(available, record)));
                    ui.execute(() -> checked(lib, states));
                });
            } catch (RejectedExecutionException e) {
                // The window closed while the records were read: nobody is left to show the status.
            }
        });
    }

    private static LinkState check(List<PlaybookServers.Server> available, SyncRecord record) {
        Optional<PlaybookServers.Server> server = ServerSyncViewModel.serverFor(available, record.serverUrl());
        if (server.isEmpty()) {
            return LinkState.NOT_CONNECTED;
        }
        try {
            return switch (PlaybookSync.serverSide(server.get().remote().get(), record)) {
                case UNCHANGED -> LinkState.UNCHANGED;
                case CHANGED -> LinkState.CHANGED;
                case ARCHIVED -> LinkState.ARCHIVED;
            };
        } catch (PlaybookRemoteException e) {
            return switch (e.reason()) {
                case FORBIDDEN, NOT_FOUND -> LinkState.GONE;
                case ARCHIVED -> LinkState.ARCHIVED;
                default -> LinkState.UNREACHABLE;
            };
        } catch (IOException | RuntimeException e) {
            return LinkState.UNREACHABLE;
        }
    }

    private void checked(PlaybookLibrary lib, Map<String, LinkState> states) {
        checking = false;
        if (lib == library.libraryProperty().get()) {
            linkStates.keySet().retainAll(library.rows().stream().map(LibraryRow::file).toList());
            linkStates.putAll(states);
        }
        if (checkAgain) {
            checkAgain = false;
            check();
        }
    }

    /** The link status a library row shows: "not linked", or the server and where each side stands. */
    public String text(LibraryRow row) {
        if (row.server().isEmpty()) {
            return text("link.none");
        }
        List<PlaybookServers.Server> available = servers.current();
        String label = ServerSyncViewModel.serverFor(available, row.server()).map(PlaybookServers.Server::label).orElse(row.server());
        LinkState state = linkStates.get(row.file());
        boolean local = row.changedSincePull();
        String status;
        if (state == null) {
            status = text(local ? "link.local.checking" : "link.checking");
        } else {
            status = switch (state) {
                case UNCHANGED -> text(local ? "link.local" : "link.inSync");
                case CHANGED -> text(local ? "link.both" : "link.serverChanged");
                case ARCHIVED -> text("link.archived");
                case GONE -> text("link.gone");
                case UNREACHABLE -> text(local ? "link.local.unreachable" : "link.unreachable");
                case NOT_CONNECTED -> text(local ? "link.local.notConnected" : "link.notConnected");
            };
        }
        return format("link.linked", label, status);
    }

    private String text(String key) {
        return bundle.getString(key);
    }

    private String format(String key, Object... args) {
        return MessageFormat.format(bundle.getString(key), args);
    }
}
