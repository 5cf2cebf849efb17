package com.incidentconsole.wire;

import java.util.List;

/** {@code GET /playbooks} result; {@code total_count} is an upper bound counted before permission filtering. */
public record PlaybooksPage(long totalCount, long pageCount, boolean hasMore, List<Playbook> items) {

    public PlaybooksPage {
        items = Lists.of(items);
    }
}
