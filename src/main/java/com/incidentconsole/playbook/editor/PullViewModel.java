package com.incidentconsole.playbook.editor;

import com.incidentconsole.playbook.library.store.PlaybookLibrary;
import com.incidentconsole.playbook.library.store.SyncRecord;
import com.incidentconsole.playbook.library.sync.PlaybookSync;
import com.incidentconsole.playbook.library.sync.RemotePlaybook;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The pull picker: every playbook on the app's servers, searchable by title, team or server, each with the library
 * file already linked to it (so picking it means "pull again" into that file) or a free file name from its title.
 */
public final class PullViewModel {

    /** One server playbook; {@code linkedFile} is the library file linked to it, or null. */
    public record Choice(PlaybookServers.Server server, RemotePlaybook playbook, String linkedFile) {
    }

    private final Executor io;
    private final Executor net;
    private final Executor ui;
    private final PlaybookServers servers;
    private final LibraryViewModel library;
    private final ResourceBundle bundle;
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final FilteredList<Choice> shown = new FilteredList<>(choices);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper severalServers = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private int generation;

    PullViewModel(Executor io, Executor net, Executor ui, PlaybookServers servers, LibraryViewModel library,
            ResourceBundle bundle) {
        this.io = io;
        this.net = net;
        this.ui = ui;
        this.servers = servers;
        this.library = library;
        this.bundle = bundle;
        filter.addListener((obs, old, text) -> {
            String needle = text.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(needle.isEmpty() ? null : c -> matches(c, needle));
        });
    }

    private static boolean matches(Choice choice, String needle) {
        return (choice.playbook().title() + " " + choice.playbook().teamName() + " " + choice.server().label())
                .toLowerCase(Locale.ROOT).contains(needle);
    }

    /** The search text; the view binds its field to it. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** The playbooks matching the search, by title. */
    public ObservableList<Choice> choices() {
        return shown;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** More than one server: the list names each playbook's server. */
    public ReadOnlyBooleanProperty severalServersProperty() {
        return severalServers.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Lists the servers' playbooks (network on {@code net}) and which library files are linked to them. */
    public void load() {
        List<PlaybookServers.Server> available = servers.current();
        PlaybookLibrary lib = library.libraryProperty().get();
        filter.set("");
        choices.clear();
        severalServers.set(available.size() > 1);
        if (available.isEmpty()) {
            message.set(bundle.getString("sync.notConnected"));
            return;
        }
        int asked = ++generation;
        loading.set(true);
        message.set(bundle.getString("pull.loading"));
        List<String> files = library.rows().stream().map(LibraryRow::file).toList();
        io.execute(() -> {
            Map<String, SyncRecord> links = new LinkedHashMap<>();
            for (String file : files) {
                try {
                    lib.syncRecord(file).ifPresent(r -> links.put(file, r));
                } catch (IOException e) {
                    // An unreadable sidecar only means no "pull again" default; the pull itself re-checks.
                }
            }
            net.execute(() -> {
                List<Choice> found = new ArrayList<>();
                List<String> problems = new ArrayList<>();
                for (PlaybookServers.Server server : available) {
                    try {
                        for (RemotePlaybook playbook : server.remote().get().list()) {
                            found.add(new Choice(server, playbook, linkedFile(links, server, playbook)));
                        }
                    } catch (IOException | RuntimeException e) {
                        problems.add(server.label() + ": " + e.getMessage());
                    }
                }
                ui.execute(() -> {
                    if (asked != generation) {
                        return;
                    }
                    loading.set(false);
                    choices.setAll(found);
                    message.set(problems.isEmpty() ? (found.isEmpty() ? bundle.getString("pull.none") : "")
                            : MessageFormat.format(bundle.getString("pull.failed"), String.join("; ", problems)));
                });
            });
        });
    }

    private static String linkedFile(Map<String, SyncRecord> links, PlaybookServers.Server server,
            RemotePlaybook playbook) {
        return links.entrySet().stream()
                .filter(e -> e.getValue().playbookId().equals(playbook.id())
                        && PlaybookSync.sameServer(e.getValue().serverUrl(), server.serverUrl()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** The linked file for a pull again, else a file name from the title that no library file uses yet. */
    public String suggestedFile(Choice choice) {
        if (choice.linkedFile() != null) {
            return choice.linkedFile();
        }
        Set<String> taken = library.rows().stream().map(LibraryRow::file).collect(Collectors.toSet());
        String base = LibraryViewModel.fileName(choice.playbook().title());
        String name = base;
        for (int n = 2; taken.contains(name); n++) {
            name = base.substring(0, base.length() - ".json".length()) + "-" + n + ".json";
        }
        return name;
    }
}
