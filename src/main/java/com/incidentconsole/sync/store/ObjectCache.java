package com.incidentconsole.sync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The last known JSON of server objects (runs, users, playbooks, the signed-in user and their teams)
 * of one server, by kind and id, plus
 * small per-server sync facts such as the newest {@code update_at} seen. Values are the server's
 * JSON as received, so a cache written by an older build still reads with today's records.
 */
public final class ObjectCache {

    private final LocalStore store;
    private final String server;

    ObjectCache(LocalStore store, String server) {
        this.store = store;
        this.server = server;
    }

    /** One object to keep: its {@code update_at} lets a newer version win and drives the incremental sync. */
    public record Entry(String id, long updateAt, String json) {
    }

    /** Stores all entries in one transaction, replacing older versions and keeping newer ones. */
    public void putAll(String kind, Collection<Entry> entries) {
        store.write(db -> {
            try (PreparedStatement upsert = db.prepareStatement("""
                    INSERT INTO cached_object (server, kind, id, update_at, json) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (server, kind, id) DO UPDATE SET update_at = excluded.update_at, json = excluded.json
                    WHERE excluded.update_at >= cached_object.update_at""")) {
                for (Entry entry : entries) {
                    upsert.setString(1, server);
                    upsert.setString(2, kind);
                    upsert.setString(3, entry.id());
                    upsert.setLong(4, entry.updateAt());
                    upsert.setString(5, entry.json());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        });
    }

    /**
     * Makes {@code entries} the whole of {@code kind}, in one transaction: for sets the server sends
     * whole (the user's teams), where one that is gone must not linger.
     */
    public void replaceAll(String kind, Collection<Entry> entries) {
        store.write(db -> {
            try (PreparedStatement delete = db.prepareStatement(
                    "DELETE FROM cached_object WHERE server = ? AND kind = ?");
                 PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO cached_object (server, kind, id, update_at, json) VALUES (?, ?, ?, ?, ?)")) {
                delete.setString(1, server);
                delete.setString(2, kind);
                delete.executeUpdate();
                for (Entry entry : entries) {
                    insert.setString(1, server);
                    insert.setString(2, kind);
                    insert.setString(3, entry.id());
                    insert.setLong(4, entry.updateAt());
                    insert.setString(5, entry.json());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    public List<Entry> all(String kind) {
        return store.read(db -> {
            try (PreparedStatement query = db.prepareStatement(
                    "SELECT id, update_at, json FROM cached_object WHERE server = ? AND kind = ?")) {
                query.setString(1, server);
                query.setString(2, kind);
                List<Entry> entries = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new Entry(rs.getString(1), rs.getLong(2), rs.getString(3)));
                    }
                }
                return entries;
            }
        });
    }

    public void remove(String kind, String id) {
        store.write(db -> {
            try (PreparedStatement delete = db.prepareStatement(
                    "DELETE FROM cached_object WHERE server = ? AND kind = ? AND id = ?")) {
                delete.setString(1, server);
                delete.setString(2, kind);
                delete.setString(3, id);
                delete.executeUpdate();
            }
            return null;
        });
    }

    public Optional<String> meta(String key) {
        return store.read(db -> {
            try (PreparedStatement query = db.prepareStatement(
                    "SELECT value FROM sync_meta WHERE server = ? AND key = ?")) {
                query.setString(1, server);
                query.setString(2, key);
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void putMeta(String key, String value) {
        store.write(db -> {
            try (PreparedStatement upsert = db.prepareStatement("""
                    INSERT INTO sync_meta (server, key, value) VALUES (?, ?, ?)
                    ON CONFLICT (server, key) DO UPDATE SET value = excluded.value""")) {
                upsert.setString(1, server);
                upsert.setString(2, key);
                upsert.setString(3, value);
                upsert.executeUpdate();
            }
            return null;
        });
    }
}
