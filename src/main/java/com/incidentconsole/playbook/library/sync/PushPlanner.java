package com.incidentconsole.playbook.library.sync;

import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookFormatException;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.merge.PlaybookMerge;
import com.incidentconsole.playbook.library.store.SyncRecord;

/**
 * Decides how to push a file. The server never checks {@code update_at} (PUT is last-writer-wins), so the
 * client compares the server's current {@code update_at} with the one recorded at pull time and, when it
 * moved, three-way merges the pulled content (base), the file (mine) and the server's current export (theirs).
 *
 * <p>Pure logic: the caller (push, written on top of the REST client) fetches the current playbook and export.
 */
public final class PushPlanner {

    private final PlaybookParser parser;

    public PushPlanner(PlaybookParser parser) {
        this.parser = parser;
    }

    /**
     * @param record the sidecar entry written at pull time
     * @param mine the library file now
     * @param serverUpdateAt the server playbook's current {@code update_at}
     * @param theirs the server's current export ({@code GET /playbooks/{id}/export}); only read when it moved
     * @throws PlaybookFormatException when the recorded base is not a readable playbook (a damaged sidecar)
     */
    public PushPlan plan(SyncRecord record, PlaybookFile mine, long serverUpdateAt, PlaybookFile theirs)
            throws PlaybookFormatException {
        PlaybookFile base = parser.parse(record.base());
        boolean mineChanged = !base.json().equals(mine.json());
        if (serverUpdateAt == record.updateAt()) {
            return mineChanged ? new PushPlan.Push(mine) : new PushPlan.NothingToPush();
        }
        if (!mineChanged) {
            return new PushPlan.TakeTheirs(theirs, serverUpdateAt);
        }
        return new PushPlan.Merge(base, mine, theirs, serverUpdateAt, PlaybookMerge.merge(base, mine, theirs));
    }
}
