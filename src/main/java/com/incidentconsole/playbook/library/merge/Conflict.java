package com.incidentconsole.playbook.library.merge;

/**
 * Something both sides changed differently since the merge base. The merged document holds the value named by
 * {@link #kept()}; the user picks the other one by merging again with a {@link Resolution}.
 *
 * @param path machine path in the merged document's terms, e.g. {@code checklists[1].items[3].command}
 * @param location the same for people: {@code checklist “Triage” › item “Page DBA” › command}
 * @param base value at pull time as compact JSON, null when absent
 * @param mine the local value, null when deleted locally
 * @param theirs the server's value, null when deleted on the server
 */
public record Conflict(String path, String location, String description, String base, String mine, String theirs,
        Side kept) {

    /** Which side's value the merged document holds. */
    public enum Side { MINE, THEIRS }

    /** Names this conflict among those of one merge, for {@link Resolution#of}; stable when merging again. */
    public String key() {
        return path + " " + location + " " + description;
    }
}
