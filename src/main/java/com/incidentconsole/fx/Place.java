package com.incidentconsole.fx;

import java.util.Objects;

/**
 * Where the main window is, as a value: the runs list or one run's detail. Coming screens (a run's retrospective,
 * stats, reports) are new cases here, so navigation never again has to be "a run id or null".
 */
public sealed interface Place {

    record RunList() implements Place {
    }

    record RunDetail(String runId) implements Place {
        public RunDetail {
            Objects.requireNonNull(runId);
        }
    }
}
