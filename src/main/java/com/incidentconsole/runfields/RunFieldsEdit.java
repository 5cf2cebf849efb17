package com.incidentconsole.runfields;

import com.incidentconsole.sync.Action;
import com.incidentconsole.sync.EditSummary;
import com.incidentconsole.sync.RenameRun;
import com.incidentconsole.wire.PlaybookRun;
import java.util.ArrayList;
import java.util.List;

/**
 * What saving the run's fields sends: a rename when the name changed, a summary edit when the summary
 * changed (compared as the server keeps them, trimmed), nothing for an untouched field — so a save never
 * overwrites a colleague's change to the other field. An empty name is refused with words, not sent.
 *
 * @param shownName the name the editor opened with (the pending one, if a rename is still on its way)
 * @param shownSummary likewise for the summary
 */
public record RunFieldsEdit(String runId, String shownName, String shownSummary, String name, String summary) {

    /** Why it cannot be saved, or {@code ""}. */
    public String problem() {
        return name.isBlank() ? "name" : "";
    }

    public List<Action> actions() {
        if (!problem().isEmpty()) {
            return List.of();
        }
        List<Action> actions = new ArrayList<>();
        if (!name.strip().equals(shownName.strip())) {
            actions.add(new RenameRun(runId, name));
        }
        if (!summary.strip().equals(shownSummary.strip())) {
            actions.add(new EditSummary(runId, summary));
        }
        return actions;
    }

    public static RunFieldsEdit opened(PlaybookRun run, String shownName, String shownSummary) {
        return new RunFieldsEdit(run.id(), shownName, shownSummary, shownName, shownSummary);
    }
}
