package com.incidentconsole.runs;

import com.incidentconsole.wire.Team;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** The team chip's labels: a team's display name, its handle when it has none, its id when unknown. */
public final class RunListTeams {

    private RunListTeams() {
    }

    /** @param teams asked at each look-up: the teams load after the window is built */
    public static Function<String, String> names(Supplier<List<Team>> teams) {
        return id -> teams.get().stream().filter(t -> t.id().equals(id)).findFirst()
                .map(t -> t.displayName().isBlank() ? t.name() : t.displayName()).orElse(id);
    }
}
