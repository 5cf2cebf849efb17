package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.PlaybookRunUpdate;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Applies a {@code playbook_run_updated_incremental} delta to the run we hold, the way the
 * reference describes the server's diff (playbooks-api.md §7.3).
 *
 * <p>Deltas arrive for every change to every run the user can see, so this is on the stream's hot
 * path: {@link DeltaOnRecords} patches the held records and decodes only the delta (a few hundred
 * bytes), instead of turning the whole run (~17 KB with its timeline) into a JSON tree and back for
 * each one. {@link DeltaOnTree}, the original merge, stays the definition of what a delta means and
 * takes over whenever the fast merge declines something unusual (docs/reliability.md, benchmark).
 *
 * <p>When the delta does not fit what we hold (an item we never saw), it throws {@link Mismatch}:
 * the caller must fetch the whole run instead of guessing.
 */
final class IncrementalUpdate {

    private static final Logger LOG = Logger.getLogger(IncrementalUpdate.class.getName());

    private final DeltaOnRecords onRecords;
    private final DeltaOnTree onTree;

    IncrementalUpdate(JsonMapper mapper) {
        this.onRecords = new DeltaOnRecords(mapper);
        this.onTree = new DeltaOnTree(mapper);
    }

    /** The delta could not be applied to the run held locally; refetch the run. */
    static final class Mismatch extends Exception {
        Mismatch(String message) {
            super(message);
        }
    }

    /**
     * @return the updated run, or empty when the delta is older than what we hold
     */
    Optional<PlaybookRun> apply(PlaybookRun held, PlaybookRunUpdate update) throws Mismatch {
        if (update.playbookRunUpdatedAt() > 0 && held.updateAt() > update.playbookRunUpdatedAt()) {
            return Optional.empty();
        }
        try {
            return Optional.of(onRecords.apply(held, update));
        } catch (DeltaOnRecords.Declined declined) {
            LOG.fine(() -> "Merging the delta for run " + update.id() + " as JSON: " + declined.getMessage());
            return Optional.of(onTree.apply(held, update));
        }
    }
}
