package com.incidentconsole.playbook.library.sync;

import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.merge.MergeResult;
import com.incidentconsole.playbook.library.merge.PlaybookMerge;
import com.incidentconsole.playbook.library.merge.Resolution;

/** What push should do with a library file, decided by {@link PushPlanner} before anything is sent. */
public sealed interface PushPlan {

    /** The file equals what was pulled and the server has not moved. */
    record NothingToPush() implements PushPlan {
    }

    /** The server has not changed since the pull: PUT the local content (via {@link ExportOverlay}). */
    record Push(PlaybookFile content) implements PushPlan {
    }

    /** Only the server changed: take its version locally (and record {@code serverUpdateAt}) instead of pushing. */
    record TakeTheirs(PlaybookFile theirs, long serverUpdateAt) implements PushPlan {
    }

    /**
     * Both changed. Push must refuse unless the user accepts this merge (resolving its conflicts) or forces the
     * local version; either way the new base is the server version at {@code serverUpdateAt}.
     *
     * @param base the version pulled (the sidecar's base)
     * @param mine the library file
     * @param theirs the server's current export
     * @param result the merge with default choices ({@link #resolve} merges again with the user's)
     */
    record Merge(PlaybookFile base, PlaybookFile mine, PlaybookFile theirs, long serverUpdateAt, MergeResult result)
            implements PushPlan {

        public MergeResult resolve(Resolution resolution) {
            return PlaybookMerge.merge(base, mine, theirs, resolution);
        }
    }
}
