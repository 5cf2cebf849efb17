package com.incidentconsole.playbook.library.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookFormatException;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.store.LibraryException;
import com.incidentconsole.playbook.library.store.PlaybookLibrary;
import com.incidentconsole.playbook.library.store.SyncRecord;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Pull and push between a library folder and one server. Blocking: run it on the thread that owns the library
 * (the library is not thread-safe, and a push reads and writes it around its server calls).
 *
 * <p>Push never overwrites server changes it has not seen: it re-reads {@code update_at} and, when that moved
 * since the pull, returns the {@link PushPlan.Merge} instead of sending anything. The caller shows the merge,
 * writes the accepted result with {@link #acceptMerge} and pushes again (or overwrites with {@link #pushOver}).
 */
public final class PlaybookSync {

    private final PlaybookLibrary library;
    private final PlaybookRemote remote;
    private final String serverUrl;
    private final PlaybookParser parser;
    private final PushPlanner planner;
    private final ExportOverlay overlay = new ExportOverlay();

    /** {@code serverUrl}: the server's site URL as the sidecar records it (see {@link #sameServer}). */
    public PlaybookSync(PlaybookLibrary library, PlaybookRemote remote, String serverUrl, PlaybookParser parser) {
        this.library = library;
        this.remote = remote;
        this.serverUrl = serverUrl;
        this.parser = parser;
        this.planner = new PushPlanner(parser);
    }

    /** True when two site URLs name the same server ({@code https://chat/} and {@code https://chat}). */
    public static boolean sameServer(String a, String b) {
        return trimmed(a).equals(trimmed(b));
    }

    private static String trimmed(String url) {
        String t = url.strip();
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    /** What pulling a server playbook into a library file would do to that file. */
    public sealed interface PullTarget {

        /** No such file yet: pulling creates it. */
        record NewFile() implements PullTarget {
        }

        /** The file is linked to this same playbook: pulling again replaces it with the server's version. */
        record Refresh(boolean localChanges) implements PullTarget {
        }

        /** The file belongs to something else (a local-only file, another playbook): pulling must not touch it. */
        record Taken(String reason) implements PullTarget {
        }
    }

    /** Decides what {@link #pull} into {@code name} would do, without contacting the server. */
    public PullTarget pullTarget(String name, String playbookId) throws IOException {
        Optional<SyncRecord> record = library.syncRecord(name);
        if (!library.list().contains(name)) {
            return new PullTarget.NewFile();
        }
        if (record.isEmpty()) {
            return new PullTarget.Taken(name + " already exists and is not linked to a server playbook; "
                    + "pull into another file name");
        }
        SyncRecord linked = record.get();
        if (!sameServer(linked.serverUrl(), serverUrl) || !linked.playbookId().equals(playbookId)) {
            return new PullTarget.Taken(name + " is linked to another playbook (" + linked.playbookId() + " on "
                    + linked.serverUrl() + "); pull into another file name");
        }
        return new PullTarget.Refresh(hasLocalChanges(name, linked));
    }

    /** True when the file differs from what was last pulled or pushed (an unreadable file counts as changed). */
    public boolean hasLocalChanges(String name) throws IOException {
        Optional<SyncRecord> record = library.syncRecord(name);
        return record.isPresent() && hasLocalChanges(name, record.get());
    }

    private boolean hasLocalChanges(String name, SyncRecord record) throws IOException {
        try {
            return !parser.parse(record.base()).json().equals(library.read(name).json());
        } catch (PlaybookFormatException e) {
            return true;
        }
    }

    /** As {@link #pull(String, String, boolean)}, never replacing local changes. */
    public void pull(String name, String playbookId) throws IOException, PlaybookFormatException {
        pull(name, playbookId, false);
    }

    /**
     * Writes the server's export to {@code name} (canonical layout) and records where it came from. Refuses to
     * overwrite a file that belongs to something else, and a linked file with local changes unless
     * {@code replaceLocalChanges} (the user confirmed losing them).
     */
    public void pull(String name, String playbookId, boolean replaceLocalChanges)
            throws IOException, PlaybookFormatException {
        PullTarget target = pullTarget(name, playbookId);
        if (target instanceof PullTarget.Taken taken) {
            throw new LibraryException(taken.reason());
        }
        if (target instanceof PullTarget.Refresh refresh && refresh.localChanges() && !replaceLocalChanges) {
            throw new LibraryException(name + " has local changes since the pull; pulling again would replace them");
        }
        long updateAt = remote.get(playbookId).path("update_at").asLong();
        PlaybookFile export = parser.parse(remote.export(playbookId));
        String text = export.toCanonicalText();
        library.write(name, parser.parse(text));
        library.putSyncRecord(name, new SyncRecord(serverUrl, playbookId, updateAt, text));
    }

    /**
     * Creates the server playbook for a file that is not linked yet (an import into {@code teamId}) and links the
     * file to it, so every later push updates that playbook instead of creating another. Returns the new id.
     */
    public String create(String name, String teamId) throws IOException, PlaybookFormatException {
        Optional<SyncRecord> existing = library.syncRecord(name);
        if (existing.isPresent()) {
            throw new LibraryException(name + " is already linked to playbook " + existing.get().playbookId() + " on "
                    + existing.get().serverUrl() + "; push updates it");
        }
        PlaybookFile file = library.read(name);
        ObjectNode doc = file.json();
        if (!doc.has("version")) {
            // The import refuses anything but version 1; a file started from scratch may not say so.
            doc.put("version", 1);
        }
        String sent = PlaybookFile.of(doc).toCanonicalText();
        String id = remote.importPlaybook(teamId, sent);
        // Linked before anything else can fail: a push after a crash here updates this playbook, it never imports
        // again. update_at 0 never matches, so that push first merges with whatever the server holds.
        library.putSyncRecord(name, new SyncRecord(serverUrl, id, 0, sent));
        long updateAt;
        try {
            updateAt = remote.get(id).path("update_at").asLong();
        } catch (PlaybookRemoteException e) {
            // The playbook exists and the file is linked: saying only "refused" would make a user create it again.
            throw new PlaybookRemoteException(e.reason(), "created playbook " + id + " on " + serverUrl + " and linked "
                    + name + " to it, but reading it back failed (" + e.getMessage() + "); the next push updates "
                    + "it", e);
        }
        adoptServerVersion(name, new SyncRecord(serverUrl, id, 0, sent), file, updateAt);
        return id;
    }

    /**
     * Pushes {@code name}. Returns what happened: {@link PushPlan.Push} (sent), {@link PushPlan.NothingToPush},
     * {@link PushPlan.TakeTheirs} (the local file was updated to the server's version) or {@link PushPlan.Merge}
     * (nothing sent; with {@code force} the local version is sent anyway and the merge is returned for info).
     */
    public PushPlan push(String name, boolean force) throws IOException, PlaybookFormatException {
        return push(name, force, OptionalLong.empty());
    }

    /**
     * Force push that overwrites only the server version the user was shown: when the server's {@code update_at}
     * is still {@code seenServerUpdateAt} the local file is sent over it; when the server moved again, nothing is
     * sent and the new {@link PushPlan.Merge} (with a different {@code serverUpdateAt}) is returned instead.
     */
    public PushPlan pushOver(String name, long seenServerUpdateAt) throws IOException, PlaybookFormatException {
        return push(name, true, OptionalLong.of(seenServerUpdateAt));
    }

    private PushPlan push(String name, boolean force, OptionalLong onlyOver)
            throws IOException, PlaybookFormatException {
        SyncRecord record = linked(name);
        PlaybookFile mine = library.read(name);
        ObjectNode current = remote.get(record.playbookId());
        if (current.path("delete_at").asLong() != 0) {
            throw new PlaybookRemoteException(PlaybookRemoteException.Reason.ARCHIVED, "the playbook "
                    + record.playbookId() + " is archived on " + record.serverUrl() + ": restore it there to push, "
                    + "or duplicate " + name + " and push the copy as a new playbook", null);
        }
        long updateAt = current.path("update_at").asLong();
        PlaybookFile theirs = updateAt == record.updateAt() ? mine : parser.parse(remote.export(record.playbookId()));
        PushPlan plan = planner.plan(record, mine, updateAt, theirs);
        switch (plan) {
            case PushPlan.Push push -> send(name, record, current, push.content());
            case PushPlan.TakeTheirs take -> {
                String text = take.theirs().toCanonicalText();
                library.write(name, parser.parse(text));
                library.putSyncRecord(name, new SyncRecord(record.serverUrl(), record.playbookId(),
                        take.serverUpdateAt(), text));
            }
            case PushPlan.Merge merge -> {
                if (force && (onlyOver.isEmpty() || onlyOver.getAsLong() == updateAt)) {
                    send(name, record, current, mine);
                }
            }
            case PushPlan.NothingToPush nothing -> {
            }
        }
        return plan;
    }

    /** The server's current export of the playbook {@code name} is linked to, e.g. to compare with the file. */
    public PlaybookFile serverCopy(String name) throws IOException, PlaybookFormatException {
        return parser.parse(remote.export(linked(name).playbookId()));
    }

    /** Where the linked server playbook stands relative to what was last pulled or pushed. */
    public enum ServerSide { UNCHANGED, CHANGED, ARCHIVED }

    /** One {@code GET}: has the playbook behind {@code record} moved on the server? For background status checks. */
    public static ServerSide serverSide(PlaybookRemote remote, SyncRecord record) throws IOException {
        ObjectNode current = remote.get(record.playbookId());
        if (current.path("delete_at").asLong() != 0) {
            return ServerSide.ARCHIVED;
        }
        return current.path("update_at").asLong() == record.updateAt() ? ServerSide.UNCHANGED : ServerSide.CHANGED;
    }

    /**
     * Saves the merge the user accepted as the local file, with the server version it was merged against as the
     * new base — so the next push goes through unless the server moves again.
     */
    public void acceptMerge(String name, PushPlan.Merge merge) throws IOException {
        acceptMerge(name, merge, merge.result().merged());
    }

    /** As {@link #acceptMerge(String, PushPlan.Merge)}, with the user's resolution of the conflicts. */
    public void acceptMerge(String name, PushPlan.Merge merge, PlaybookFile resolved) throws IOException {
        SyncRecord record = library.syncRecord(name)
                .orElseThrow(() -> new LibraryException(name + " was not pulled from a server"));
        library.write(name, resolved);
        library.putSyncRecord(name, new SyncRecord(record.serverUrl(), record.playbookId(), merge.serverUpdateAt(),
                merge.theirs().toCanonicalText()));
    }

    private SyncRecord linked(String name) throws IOException {
        SyncRecord record = library.syncRecord(name).orElseThrow(() -> new LibraryException(name
                + " is not linked to a server playbook yet: create it on a server first (it is linked afterwards)"));
        if (!sameServer(record.serverUrl(), serverUrl)) {
            throw new LibraryException(name + " is linked to " + record.serverUrl() + ", not " + serverUrl
                    + ": push it to that server, or pull from " + serverUrl + " into another file");
        }
        return record;
    }

    private void send(String name, SyncRecord record, ObjectNode current, PlaybookFile content)
            throws IOException, PlaybookFormatException {
        remote.replace(record.playbookId(), overlay.toFullPlaybook(current, content));
        long updateAt = remote.get(record.playbookId()).path("update_at").asLong();
        adoptServerVersion(name, record, content, updateAt);
    }

    /**
     * Records the server's export as the new base and, when the server normalised what it received (keywords
     * de-duplicated, a missing cadence defaulted), writes that version into the file in the file's own layout:
     * the next merge must start from the server's view, and the file must not look changed when it is not.
     */
    private void adoptServerVersion(String name, SyncRecord record, PlaybookFile sent, long updateAt)
            throws IOException, PlaybookFormatException {
        PlaybookFile export = parser.parse(remote.export(record.playbookId()));
        String base = export.toCanonicalText();
        if (!export.json().equals(sent.json())) {
            library.write(name, sent.withJson(export.json()));
        }
        library.putSyncRecord(name, new SyncRecord(record.serverUrl(), record.playbookId(), updateAt, base));
    }
}
