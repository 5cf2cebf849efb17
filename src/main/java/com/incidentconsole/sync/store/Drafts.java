package com.incidentconsole.sync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Text the user is writing for one server that the server does not have yet, by a key the feature chooses
 * ({@code "status:<run id>"}, {@code "retro:<run id>"}). Blocking JDBC: call it from a background thread,
 * through {@link DraftAutosave} while the user types.
 */
public final class Drafts {

    /**
     * @param text what the user has written
     * @param base the server's text when the draft began ({@code ""} when there was none): the base of a three-way
     *             merge when the server's text changed meanwhile
     * @param updatedAt epoch ms of the last save
     */
    public record Draft(String key, String text, String base, long updatedAt) {
    }

    private final LocalStore store;
    private final String server;

    Drafts(LocalStore store, String server) {
        this.store = store;
        this.server = server;
    }

    public void save(Draft draft) {
        store.write(db -> {
            try (PreparedStatement upsert = db.prepareStatement("""
                    INSERT INTO draft (server, key, text, base, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (server, key) DO UPDATE SET text = excluded.text, base = excluded.base,
                        updated_at = excluded.updated_at""")) {
                upsert.setString(1, server);
                upsert.setString(2, draft.key());
                upsert.setString(3, draft.text());
                upsert.setString(4, draft.base());
                upsert.setLong(5, draft.updatedAt());
                upsert.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Draft> find(String key) {
        return store.read(db -> {
            try (PreparedStatement select = db.prepareStatement(
                    "SELECT key, text, base, updated_at FROM draft WHERE server = ? AND key = ?")) {
                select.setString(1, server);
                select.setString(2, key);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Every draft whose key starts with {@code prefix}, newest first: what is waiting to be finished. */
    public List<Draft> withPrefix(String prefix) {
        return store.read(db -> {
            try (PreparedStatement select = db.prepareStatement("""
                    SELECT key, text, base, updated_at FROM draft
                    WHERE server = ? AND substr(key, 1, ?) = ? ORDER BY updated_at DESC""")) {
                select.setString(1, server);
                select.setInt(2, prefix.length());
                select.setString(3, prefix);
                List<Draft> drafts = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        drafts.add(read(rs));
                    }
                }
                return drafts;
            }
        });
    }

    /** Once the server has the text (or the user discarded it). */
    public void delete(String key) {
        store.write(db -> {
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM draft WHERE server = ? AND key = ?")) {
                delete.setString(1, server);
                delete.setString(2, key);
                delete.executeUpdate();
            }
            return null;
        });
    }

    private static Draft read(ResultSet rs) throws java.sql.SQLException {
        return new Draft(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4));
    }
}
