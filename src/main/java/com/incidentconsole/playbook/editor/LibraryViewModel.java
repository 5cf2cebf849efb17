package com.incidentconsole.playbook.editor;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookFormatException;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.store.PlaybookLibrary;
import com.incidentconsole.playbook.library.store.SyncRecord;
import com.incidentconsole.playbook.library.validate.PlaybookValidator;
import com.incidentconsole.playbook.library.validate.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The library list: which folder is open, its playbooks with their validation and sync status, and the file
 * actions. Every file operation runs on {@code io}; results come back through {@code ui} (the FX thread).
 */
public final class LibraryViewModel {

    private final Executor io;
    private final Executor ui;
    private final PlaybookParser parser;
    private final JsonMapper mapper;
    private final PlaybookValidator validator = new PlaybookValidator();
    private final TemplateCatalog templates;
    private final ReadOnlyObjectWrapper<PlaybookLibrary> library = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<LibraryRow> rows = FXCollections.observableArrayList();
    private BiConsumer<String, String> fileMoved = (from, to) -> { };
    /** One wrapper, kept: a fresh one per call would drop its listeners when collected. */
    private final ObservableList<LibraryRow> rowsView = FXCollections.unmodifiableObservableList(rows);

    LibraryViewModel(Executor io, Executor ui, PlaybookParser parser, JsonMapper mapper, TemplateCatalog templates) {
        this.io = io;
        this.ui = ui;
        this.parser = parser;
        this.mapper = mapper;
        this.templates = templates;
    }

    public ReadOnlyObjectProperty<PlaybookLibrary> libraryProperty() {
        return library.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<LibraryRow> rows() {
        return rowsView;
    }

    List<TemplateCatalog.Template> templates() {
        return templates.list();
    }

    /** Told (on the UI executor) when a file was renamed ({@code to} = new name) or deleted ({@code to} = null). */
    void onFileMoved(BiConsumer<String, String> listener) {
        this.fileMoved = listener;
    }

    public void open(Path folder) {
        library.set(new PlaybookLibrary(folder.toAbsolutePath().normalize(), parser, mapper));
        refresh();
    }

    public void refresh() {
        PlaybookLibrary lib = library.get();
        if (lib == null) {
            return;
        }
        io.execute(() -> {
            List<LibraryRow> read = new ArrayList<>();
            try {
                for (String name : lib.list()) {
                    read.add(row(lib, name));
                }
            } catch (IOException e) {
                ui.execute(() -> message.set(e.getMessage()));
                return;
            }
            ui.execute(() -> {
                if (lib == library.get()) {
                    rows.setAll(read);
                }
            });
        });
    }

    private LibraryRow row(PlaybookLibrary lib, String name) throws IOException {
        Optional<SyncRecord> sync = lib.syncRecord(name);
        String server = sync.map(SyncRecord::serverUrl).orElse("");
        try {
            PlaybookFile file = lib.read(name);
            List<Problem> problems = validator.validate(file);
            int errors = (int) problems.stream().filter(Problem::isError).count();
            boolean changed = sync.map(r -> !sameContent(r.base(), file)).orElse(false);
            return new LibraryRow(name, file.title(), errors, problems.size() - errors, server, changed, null);
        } catch (PlaybookFormatException e) {
            return new LibraryRow(name, "", 1, 0, server, false, e.getMessage());
        }
    }

    private boolean sameContent(String base, PlaybookFile file) {
        try {
            return parser.parse(base).json().equals(file.json());
        } catch (PlaybookFormatException e) {
            return false;
        }
    }

    /** Creates {@code name} blank or from a template and reports the file name it got. */
    public void create(String name, TemplateCatalog.Template template, Consumer<String> created) {
        String file = fileName(name);
        PlaybookFile content = templates.load(template).withTitle(name.endsWith(".json") ? template.title() : name);
        run(lib -> lib.create(file, content), () -> created.accept(file));
    }

    public void duplicate(String from, String to, Consumer<String> created) {
        String file = fileName(to);
        run(lib -> lib.duplicate(from, file), () -> created.accept(file));
    }

    public void rename(String from, String to, Consumer<String> renamed) {
        String file = fileName(to);
        run(lib -> lib.rename(from, file), () -> {
            fileMoved.accept(from, file);
            renamed.accept(file);
        });
    }

    public void delete(String name, Runnable deleted) {
        run(lib -> lib.delete(name), () -> {
            fileMoved.accept(name, null);
            deleted.run();
        });
    }

    /** "Incident Review" → {@code incident-review.json}; a name that already ends in .json is kept. */
    static String fileName(String typed) {
        String t = typed.strip();
        if (t.endsWith(".json")) {
            return t;
        }
        String slug = t.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return (slug.isEmpty() ? "playbook" : slug) + ".json";
    }

    private interface LibraryAction {
        void apply(PlaybookLibrary lib) throws IOException;
    }

    private void run(LibraryAction action, Runnable done) {
        PlaybookLibrary lib = library.get();
        io.execute(() -> {
            try {
                action.apply(lib);
                ui.execute(() -> {
                    message.set("");
                    done.run();
                });
                refresh();
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> message.set(e.getMessage()));
            }
        });
    }
}
