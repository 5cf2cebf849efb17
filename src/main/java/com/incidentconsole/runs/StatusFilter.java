package com.incidentconsole.runs;

import com.incidentconsole.wire.PlaybookRun;

/** The status toggle above the runs table. */
public enum StatusFilter {
    ALL, IN_PROGRESS, FINISHED;

    boolean accepts(PlaybookRun run) {
        return switch (this) {
            case ALL -> true;
            case IN_PROGRESS -> !run.isFinished();
            case FINISHED -> run.isFinished();
        };
    }
}
