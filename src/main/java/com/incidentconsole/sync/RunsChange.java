package com.incidentconsole.sync;

import com.incidentconsole.wire.PlaybookRun;
import java.util.List;
import java.util.Set;

/**
 * What changed in the {@link RunStore}: runs added or replaced, ids removed. {@code reset} means the
 * whole set was replaced (initial load or resync) and observers should rebuild from the store.
 */
public record RunsChange(List<PlaybookRun> upserted, Set<String> removed, boolean reset) {

    public RunsChange {
        upserted = List.copyOf(upserted);
        removed = Set.copyOf(removed);
    }
}
