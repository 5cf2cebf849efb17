package com.incidentconsole.sync;

/**
 * How far a load from the server has come, for "Syncing runs 400 / 1,240".
 *
 * @param done  items loaded so far in this phase
 * @param total the server's count for the phase ({@code total_count}), or 0 when it gives none
 */
public record SyncProgress(Phase phase, long done, long total) {

    /** What is being loaded, in the order a full load does it. */
    public enum Phase { PLAYBOOKS, RUNS, USERS }

    public SyncProgress {
        if (done < 0 || total < 0) {
            throw new IllegalArgumentException("progress counts must be >= 0");
        }
    }

    public boolean hasTotal() {
        return total > 0;
    }

    /** Between 0 and 1; the server's count can be passed while paging, when runs start meanwhile. */
    public double fraction() {
        return hasTotal() ? Math.min(1.0, (double) done / total) : 0;
    }
}
