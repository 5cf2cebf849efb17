package com.incidentconsole.sync.store;

import com.incidentconsole.datafolder.PrivateFiles;
import com.incidentconsole.wire.WireJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.sqlite.SQLiteConfig;

/**
 * What happens to a damaged store: the outbox rows that can still be read are saved to a file the user can see,
 * and on the user's word the file is moved aside (never deleted) and a new store starts with those rows; the
 * cache is downloaded again from the server. The cache is a copy of the server's data; the outbox is the user's
 * unsent work: a damaged cache page must never cost the outbox (probe M2).
 */
public final class StoreRescue {

    private static final Logger LOG = Logger.getLogger(StoreRescue.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    /** Beyond this many missing sequence numbers the outbox cannot be that large: stop probing. */
    private static final int MAX_PROBES = 100_000;

    private StoreRescue() {
    }

    /** What {@link #rebuild} did, for the log and the screen. */
    public record Rebuilt(Optional<Path> movedTo, int restoredActions) {
    }

    /** SQLite's own words for a file that is not (or no longer) a database. */
    static boolean isDamage(SQLException e) {
        int primary = e instanceof org.sqlite.SQLiteException sqlite ? sqlite.getResultCode().code & 0xff
                : e.getErrorCode() & 0xff;
        String message = String.valueOf(e.getMessage());
        return primary == 11 || primary == 26 // SQLITE_CORRUPT, SQLITE_NOTADB
                || message.contains("malformed") || message.contains("not a database");
    }

    /** Saves what can be read of the outbox, and returns the exception that tells the user so. */
    static DamagedStore damaged(Path file, String reason, Throwable cause, Clock clock) {
        List<Map<String, Object>> rows = readOutbox(file);
        Optional<Path> saved = Optional.empty();
        if (!rows.isEmpty()) {
            try {
                saved = Optional.of(export(file, reason, rows, clock));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not save the readable outbox rows of the damaged store " + file, e);
            }
        }
        Optional<Path> written = saved;
        LOG.warning(() -> "The local store " + file + " is damaged (" + reason + "); " + rows.size()
                + " outbox rows readable" + written.map(f -> ", saved to " + f).orElse(""));
        return new DamagedStore(file, reason, saved, rows.size(), cause);
    }

    /**
     * Moves the damaged store (with its {@code -wal} and {@code -shm}) aside as {@code store.db.damaged-TIME}, starts
     * a new store in its place and puts the outbox rows that can be read back into it, in their order. Nothing is
     * deleted. A store that is not damaged (any more) is left alone.
     */
    public static Rebuilt rebuild(Path file, Clock clock) {
        if (Files.exists(file) && healthy(file)) {
            return new Rebuilt(Optional.empty(), 0);
        }
        List<Map<String, Object>> rows = readOutbox(file);
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + STAMP.format(clock.instant()));
        try {
            for (String suffix : List.of("-wal", "-shm", "")) {
                Path part = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(part)) {
                    Files.move(part, aside.resolveSibling(aside.getFileName() + suffix), StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new StoreException("Could not move the damaged local store " + file + " aside: " + e.getMessage(), e);
        }
        try (LocalStore fresh = LocalStore.open(file, clock)) {
            int restored = fresh.write(db -> restore(db, rows));
            LOG.warning(() -> "Moved the damaged local store to " + aside + " and started a new one with " + restored
                    + " pending actions; the runs are downloaded again");
            return new Rebuilt(Optional.of(aside), restored);
        }
    }

    private static boolean healthy(Path file) {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), readOnly())) {
            return LocalStore.quickCheck(db).isEmpty();
        } catch (SQLException e) {
            return false;
        }
    }

    private static int restore(Connection db, List<Map<String, Object>> rows) throws SQLException {
        Set<String> columns = new java.util.LinkedHashSet<>();
        try (Statement statement = db.createStatement(); ResultSet info = statement.executeQuery("PRAGMA table_info(outbox)")) {
            while (info.next()) {
                columns.add(info.getString("name"));
            }
        }
        int restored = 0;
        for (Map<String, Object> read : rows) {
            Map<String, Object> row = currentForm(read);
            // The columns both schemas know; a newer column keeps its default.
            List<String> shared = row.keySet().stream().filter(columns::contains).toList();
            String sql = "INSERT OR IGNORE INTO outbox (" + String.join(", ", shared) + ") VALUES ("
                    + shared.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
            try (PreparedStatement insert = db.prepareStatement(sql)) {
                for (int i = 0; i < shared.size(); i++) {
                    insert.setObject(i + 1, row.get(shared.get(i)));
                }
                restored += insert.executeUpdate();
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "Could not put rescued outbox row " + row.get("seq") + " back", e);
            }
        }
        return restored;
    }

    /**
     * A row read from a schema-2 outbox (no client id, run-scoped by {@code run_id}) in the form the current
     * outbox needs, as migration 3 converts one: a run-scoped version-1 action with a fresh client id. Without
     * this the NOT NULL {@code client_id}/{@code scope_kind} columns refuse it and the action is lost. A schema-3
     * row is returned as it was, with its client id and scope.
     */
    static Map<String, Object> currentForm(Map<String, Object> row) {
        if (row.containsKey("scope_kind") && row.get("client_id") != null) {
            return row;
        }
        Map<String, Object> converted = new LinkedHashMap<>(row);
        converted.remove("run_id");
        converted.putIfAbsent("scope_kind", OutboxEntry.RUN_SCOPE);
        converted.putIfAbsent("scope_id", row.get("run_id"));
        if (converted.get("client_id") == null) {
            converted.put("client_id", java.util.UUID.randomUUID().toString());
        }
        converted.putIfAbsent("kind_version", 1);
        return converted;
    }

    /** Every outbox row that can be read, in order; rows on damaged pages are skipped, not guessed. */
    static List<Map<String, Object>> readOutbox(Path file) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return rows;
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), readOnly())) {
            try (Statement statement = db.createStatement()) {
                // Lets SQLite read a file shorter than its header says (truncated); the connection stays read-only.
                statement.execute("PRAGMA writable_schema=ON");
            }
            long last = 0;
            try (Statement statement = db.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT * FROM outbox ORDER BY seq")) {
                while (rs.next()) {
                    Map<String, Object> row = row(rs);
                    rows.add(row);
                    last = ((Number) row.get("seq")).longValue();
                }
                return rows;
            } catch (SQLException scanBroke) {
                LOG.log(Level.FINE, "The outbox scan stopped after seq " + last + "; probing row by row", scanBroke);
            }
            probe(db, last, rows);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Nothing more of the outbox could be read from " + file, e);
        }
        return rows;
    }

    private static void probe(Connection db, long after, List<Map<String, Object>> rows) {
        long highest = after + MAX_PROBES;
        try (Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")) {
            if (rs.next()) {
                highest = Math.min(highest, rs.getLong(1));
            }
        } catch (SQLException e) {
            LOG.log(Level.FINE, "sqlite_sequence unreadable; probing up to " + highest, e);
        }
        try (PreparedStatement one = db.prepareStatement("SELECT * FROM outbox WHERE seq = ?")) {
            for (long seq = after + 1; seq <= highest; seq++) {
                one.setLong(1, seq);
                try (ResultSet rs = one.executeQuery()) {
                    if (rs.next()) {
                        rows.add(row(rs));
                    }
                } catch (SQLException onADamagedPage) {
                    // skipped: this row's page is unreadable
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Probing the outbox failed", e);
        }
    }

    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnName(i), rs.getObject(i));
        }
        return row;
    }

    private static Path export(Path file, String reason, List<Map<String, Object>> rows, Clock clock) throws IOException {
        Optional<Path> same = earlierRescue(file, rows);
        if (same.isPresent()) {
            return same.get();
        }
        Path target = file.resolveSibling("outbox-rescue-" + STAMP.format(clock.instant()) + ".json");
        for (int n = 2; Files.exists(target); n++) {
            target = file.resolveSibling("outbox-rescue-" + STAMP.format(clock.instant()) + "-" + n + ".json");
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("what", "Pending actions read from a damaged Incident Console store; they were not sent yet.");
        document.put("store", file.toAbsolutePath().toString());
        document.put("damage", reason);
        document.put("rescued_at", clock.instant().toString());
        document.put("outbox", rows);
        return PrivateFiles.write(target, WireJson.newMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
    }

    /** A rescue file from an earlier start on the same damaged store with the same rows: one file, not one per start. */
    private static Optional<Path> earlierRescue(Path file, List<Map<String, Object>> rows) {
        var mapper = WireJson.newMapper();
        com.fasterxml.jackson.databind.JsonNode wanted;
        try {
            // Through text, as the saved file was read: numbers get the same node types on both sides.
            wanted = mapper.readTree(mapper.writeValueAsBytes(rows));
        } catch (IOException e) {
            return Optional.empty();
        }
        try (var files = Files.list(file.toAbsolutePath().getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith("outbox-rescue-")
                    && p.getFileName().toString().endsWith(".json")).sorted(java.util.Comparator.reverseOrder())
                    .filter(p -> {
                        try {
                            var saved = mapper.readTree(p.toFile());
                            return file.toAbsolutePath().toString().equals(saved.path("store").asText())
                                    && wanted.equals(saved.get("outbox"));
                        } catch (IOException | RuntimeException e) {
                            return false;
                        }
                    }).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Reads without writing anything into the damaged file (no checkpoint, no journal recovery into it). */
    private static java.util.Properties readOnly() {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return config.toProperties();
    }
}
