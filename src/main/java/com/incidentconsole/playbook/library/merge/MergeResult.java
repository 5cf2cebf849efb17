package com.incidentconsole.playbook.library.merge;

import com.incidentconsole.playbook.library.PlaybookFile;
import java.util.List;

/** A merged playbook plus what could not be merged automatically. */
public record MergeResult(PlaybookFile merged, List<Conflict> conflicts) {

    public MergeResult {
        conflicts = List.copyOf(conflicts);
    }

    public boolean isClean() {
        return conflicts.isEmpty();
    }
}
