package com.incidentconsole.triage;

import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A run's progress and current stage as the user sees them: the server's, with the ticks still on
 * their way counted as done (the detail shows them ticked, so the list must not say otherwise), and
 * how many are on their way, so the list can say "pending". Done means closed or skipped, hidden items
 * do not count — the server's task counters' arithmetic.
 *
 * @param done items done, mine in flight included
 * @param total visible items
 * @param pending items whose state I changed and the server has not confirmed
 * @param stageIndex the first checklist with open items after my ticks; empty when all is done
 */
public record PendingProgress(int done, int total, int pending, Optional<Integer> stageIndex) {

    /**
     * @param inFlightState the state an item is on its way to, by item id (empty: no action of mine in flight)
     */
    public static PendingProgress of(PlaybookRun run, Function<String, Optional<String>> inFlightState) {
        int done = 0;
        int total = 0;
        int pending = 0;
        List<Checklist> shown = new ArrayList<>();
        for (Checklist checklist : run.checklists()) {
            List<ChecklistItem> items = new ArrayList<>();
            for (ChecklistItem item : checklist.items()) {
                Optional<String> mine = inFlightState.apply(item.id()).filter(s -> !s.equals(item.state()));
                ChecklistItem seen = mine.map(s -> item.withState(s, item.stateModified())).orElse(item);
                items.add(seen);
                if (seen.isHidden()) {
                    continue;
                }
                total++;
                done += seen.isOpen() ? 0 : 1;
                pending += mine.isPresent() ? 1 : 0;
            }
            shown.add(checklist.withItems(items, checklist.updateAt()));
        }
        Optional<Integer> stage = Optional.empty();
        for (int i = 0; i < shown.size() && stage.isEmpty(); i++) {
            if (shown.get(i).openCount() > 0) {
                stage = Optional.of(i);
            }
        }
        return new PendingProgress(done, total, pending, stage);
    }

    public double fraction() {
        return total == 0 ? 0 : (double) done / total;
    }
}
