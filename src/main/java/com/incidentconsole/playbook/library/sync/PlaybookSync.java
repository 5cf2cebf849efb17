package com.incidentconsole.playbook.library.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookFormatException;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.store.LibraryException;
import com.incidentconsole.playbook.library.store.PlaybookLibrary;
import com.incidentconsole.playbook.library.store.SyncRecord;
import java.io.IOException;

/**
 * Pull and push between a library folder and one server. Blocking: run it on a background executor.
 *
 * <p>Push never overwrites server changes it has not seen: it re-reads {@code update_at} and, when that moved
 * since the pull, returns the {@link PushPlan.Merge} instead of sending anything. The caller shows the merge,
 * writes the accepted result with {@link #acceptMerge} and pushes again (or pushes with {@code force}).
 */
public final class PlaybookSync {

    private final PlaybookLibrary library;
    private final PlaybookRemote remote;
    private final String serverUrl;
    private final PlaybookParser parser;
    private final PushPlanner planner;
    private final ExportOverlay overlay = new ExportOverlay();

    public PlaybookSync(PlaybookLibrary library, PlaybookRemote remote, String serverUrl, PlaybookParser parser) {
        this.library = library;
        this.remote = remote;
        this.serverUrl = serverUrl;
        this.parser = parser;
        this.planner = new PushPlanner(parser);
    }

    /** Writes the server's export to {@code name} (canonical layout) and records where it came from. */
    public void pull(String name, String playbookId) throws IOException, PlaybookFormatException {
        long updateAt = remote.get(playbookId).path("update_at").asLong();
        PlaybookFile export = parser.parse(remote.export(playbookId));
        String text = export.toCanonicalText();
        library.write(name, parser.parse(text));
        library.putSyncRecord(name, new SyncRecord(serverUrl, playbookId, updateAt, text));
    }

    /**
     * Pushes {@code name}. Returns what happened: {@link PushPlan.Push} (sent), {@link PushPlan.NothingToPush},
     * {@link PushPlan.TakeTheirs} (the local file was updated to the server's version) or {@link PushPlan.Merge}
     * (nothing sent; with {@code force} the local version is sent anyway and the merge is returned for info).
     */
    public PushPlan push(String name, boolean force) throws IOException, PlaybookFormatException {
        SyncRecord record = library.syncRecord(name)
                .orElseThrow(() -> new LibraryException(name + " was not pulled from a server; import it instead"));
        if (!record.serverUrl().equals(serverUrl)) {
            throw new LibraryException(name + " belongs to " + record.serverUrl() + ", not " + serverUrl);
        }
        PlaybookFile mine = library.read(name);
        ObjectNode current = remote.get(record.playbookId());
        long updateAt = current.path("update_at").asLong();
        PlaybookFile theirs = updateAt == record.updateAt() ? mine : parser.parse(remote.export(record.playbookId()));
        PushPlan plan = planner.plan(record, mine, updateAt, theirs);
        switch (plan) {
            case PushPlan.Push push -> send(name, record, current, push.content());
            case PushPlan.TakeTheirs take -> {
                String text = take.theirs().toCanonicalText();
                library.write(name, parser.parse(text));
                library.putSyncRecord(name, new SyncRecord(serverUrl, record.playbookId(), take.serverUpdateAt(),
                        text));
            }
            case PushPlan.Merge merge -> {
                if (force) {
                    send(name, record, current, mine);
                }
            }
            case PushPlan.NothingToPush nothing -> {
            }
        }
        return plan;
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

    private void send(String name, SyncRecord record, ObjectNode current, PlaybookFile content)
            throws IOException, PlaybookFormatException {
        remote.replace(record.playbookId(), overlay.toFullPlaybook(current, content));
        // The new base is what the server now exports, not what we sent: it normalises some fields
        // (keywords de-duplicated, run number prefix trimmed), and the next merge must start from its view.
        long updateAt = remote.get(record.playbookId()).path("update_at").asLong();
        String base = parser.parse(remote.export(record.playbookId())).toCanonicalText();
        library.putSyncRecord(name, new SyncRecord(serverUrl, record.playbookId(), updateAt, base));
    }
}
