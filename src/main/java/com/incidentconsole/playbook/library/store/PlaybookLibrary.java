package com.incidentconsole.playbook.library.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookFormatException;
import com.incidentconsole.playbook.library.PlaybookParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of playbook files ({@code *.json}, one playbook each) plus a sidecar,
 * {@code .incident-console/library.json}, that remembers for each file which server playbook it was pulled from.
 * Files stay plain exports so they can be reviewed, diffed and imported by hand; the sidecar carries what an
 * export must not (the playbook id) and what push needs (update_at and the merge base).
 *
 * <p>Every write is atomic. Not thread-safe: one library object per folder, used from one background thread.
 */
public final class PlaybookLibrary {

    static final String SIDECAR = ".incident-console/library.json";
    /** Where the editor autosaves (playbook.editor.DraftStore). */
    private static final String DRAFTS = ".incident-console/drafts";
    private static final Pattern FILE_NAME = Pattern.compile("[^/\\\\.][^/\\\\]*\\.json");

    private final Path folder;
    private final PlaybookParser parser;
    private final JsonMapper mapper;

    public PlaybookLibrary(Path folder, PlaybookParser parser, JsonMapper mapper) {
        this.folder = folder;
        this.parser = parser;
        this.mapper = mapper;
    }

    public Path folder() {
        return folder;
    }

    /** File names of the playbooks, sorted; temporary files a killed write left behind are removed on the way. */
    public List<String> list() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        // Opening the library is the next start after a killed save or autosave: drop what those left behind.
        for (Path written : List.of(folder, folder.resolve(SIDECAR).getParent(), folder.resolve(DRAFTS))) {
            AtomicWriteLeftovers.clean(written);
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> FILE_NAME.matcher(n).matches()).sorted().toList();
        }
    }

    public PlaybookFile read(String name) throws IOException, PlaybookFormatException {
        return parser.parse(TextFile.read(existing(name)));
    }

    /** Saves (replacing) a playbook file. */
    public void write(String name, PlaybookFile file) throws IOException {
        AtomicWrite.replace(path(name), file.toText());
    }

    /** Saves a new playbook file; refuses to overwrite an existing one. */
    public void create(String name, PlaybookFile file) throws IOException {
        if (Files.exists(path(name))) {
            throw new LibraryException(name + " already exists");
        }
        write(name, file);
    }

    /** Copies a file; the copy is a new playbook, not linked to the original's server playbook. */
    public void duplicate(String from, String to) throws IOException {
        String content = TextFile.read(existing(from));
        if (Files.exists(path(to))) {
            throw new LibraryException(to + " already exists");
        }
        AtomicWrite.replace(path(to), content);
    }

    /** Renames a file and carries its sync record along. */
    public void rename(String from, String to) throws IOException {
        Path source = existing(from);
        if (Files.exists(path(to))) {
            throw new LibraryException(to + " already exists");
        }
        Files.move(source, path(to));
        Map<String, SyncRecord> records = records();
        SyncRecord record = records.remove(from);
        if (record != null) {
            records.put(to, record);
            saveRecords(records);
        }
    }

    public void delete(String name) throws IOException {
        Files.delete(existing(name));
        removeSyncRecord(name);
    }

    public Optional<SyncRecord> syncRecord(String name) throws IOException {
        path(name);
        return Optional.ofNullable(records().get(name));
    }

    public void putSyncRecord(String name, SyncRecord record) throws IOException {
        path(name);
        Map<String, SyncRecord> records = records();
        records.put(name, record);
        saveRecords(records);
    }

    public void removeSyncRecord(String name) throws IOException {
        Map<String, SyncRecord> records = records();
        if (records.remove(name) != null) {
            saveRecords(records);
        }
    }

    private Map<String, SyncRecord> records() throws IOException {
        Path sidecar = folder.resolve(SIDECAR);
        Map<String, SyncRecord> records = new TreeMap<>();
        if (!Files.exists(sidecar)) {
            return records;
        }
        try {
            JsonNode root = mapper.readTree(TextFile.read(sidecar));
            JsonNode files = root.path("files");
            List<String> names = new ArrayList<>();
            files.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                records.put(name, mapper.treeToValue(files.get(name), SyncRecord.class));
            }
            return records;
        } catch (JsonProcessingException e) {
            // Left untouched so nothing of the links is lost; the user is told which file to look at.
            throw new LibraryException("the library's link file " + sidecar + " is damaged ("
                    + e.getOriginalMessage() + "); fix or remove it — it only records which server playbook each "
                    + "file came from");
        }
    }

    private void saveRecords(Map<String, SyncRecord> records) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("version", 1);
        ObjectNode files = root.putObject("files");
        records.forEach((name, record) -> files.set(name, mapper.valueToTree(record)));
        AtomicWrite.replace(folder.resolve(SIDECAR), mapper.writerWithDefaultPrettyPrinter()
                .writeValueAsString(root) + "\n");
    }

    private Path existing(String name) throws LibraryException {
        Path path = path(name);
        if (!Files.isRegularFile(path)) {
            throw new LibraryException(name + " does not exist in " + folder);
        }
        return path;
    }

    /** Only plain {@code name.json} in the folder itself: no paths, no hidden files. */
    private Path path(String name) throws LibraryException {
        if (!FILE_NAME.matcher(name).matches()) {
            throw new LibraryException("\"" + name + "\" is not a playbook file name (expected name.json, no folders)");
        }
        return folder.resolve(name);
    }
}
