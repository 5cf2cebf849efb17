package com.incidentconsole.wire;

import java.util.List;

/** {@code GET /runs} result ({@code GetPlaybookRunsResults}); every item is a full run. */
public record RunsPage(long totalCount, long pageCount, long perPage, boolean hasMore, List<PlaybookRun> items) {

    public RunsPage {
        items = Lists.of(items);
    }
}
