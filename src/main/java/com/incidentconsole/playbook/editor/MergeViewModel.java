package com.incidentconsole.playbook.editor;

import com.incidentconsole.playbook.library.diff.Change;
import com.incidentconsole.playbook.library.diff.DiffRenderer;
import com.incidentconsole.playbook.library.diff.PlaybookDiff;
import com.incidentconsole.playbook.library.merge.Conflict;
import com.incidentconsole.playbook.library.merge.Conflict.Side;
import com.incidentconsole.playbook.library.merge.MergeResult;
import com.incidentconsole.playbook.library.merge.Resolution;
import com.incidentconsole.playbook.library.sync.PushPlan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One refused push, shown three-way: what changed on each side since the pull (base → mine, base → theirs) and
 * every conflict with both values and the side chosen for it. Choosing only records the choice; the merged file
 * is computed from all choices at once ({@link #resolved()}), by merging again — so nothing else moves.
 */
public final class MergeViewModel {

    /** A conflict and the side the user (or the default) chose for it. */
    public record ConflictRow(Conflict conflict, Side chosen) {
    }

    private final String file;
    private final PlaybookServers.Server server;
    private final PushPlan.Merge plan;
    private final List<Change> mineChanges;
    private final List<Change> theirsChanges;
    private final ObservableList<ConflictRow> conflicts = FXCollections.observableArrayList();
    /** One wrapper, kept: a fresh one per call would drop its listeners when collected. */
    private final ObservableList<ConflictRow> conflictsView = FXCollections.unmodifiableObservableList(conflicts);

    MergeViewModel(String file, PlaybookServers.Server server, PushPlan.Merge plan) {
        this.file = file;
        this.server = server;
        this.plan = plan;
        this.mineChanges = PlaybookDiff.between(plan.base(), plan.mine());
        this.theirsChanges = PlaybookDiff.between(plan.base(), plan.theirs());
        plan.result().conflicts().forEach(c -> conflicts.add(new ConflictRow(c, c.kept())));
    }

    public String file() {
        return file;
    }

    public PlaybookServers.Server server() {
        return server;
    }

    public PushPlan.Merge plan() {
        return plan;
    }

    /** Local edits since the pull. */
    public List<Change> mineChanges() {
        return mineChanges;
    }

    /** The server's changes since the pull: what a force push would overwrite. */
    public List<Change> theirsChanges() {
        return theirsChanges;
    }

    public ObservableList<ConflictRow> conflicts() {
        return conflictsView;
    }

    public void choose(int index, Side side) {
        if (index >= 0 && index < conflicts.size() && conflicts.get(index).chosen() != side) {
            conflicts.set(index, new ConflictRow(conflicts.get(index).conflict(), side));
        }
    }

    public void toggle(int index) {
        if (index >= 0 && index < conflicts.size()) {
            choose(index, conflicts.get(index).chosen() == Side.MINE ? Side.THEIRS : Side.MINE);
        }
    }

    /** The merged playbook with the current choices. Pure and fast (a tree walk), so it runs where it is asked. */
    public MergeResult resolved() {
        Map<String, Side> choices = new HashMap<>();
        conflicts.forEach(row -> choices.put(row.conflict().key(), row.chosen()));
        return plan.resolve(Resolution.of(choices));
    }

    /** The server changes a force push would overwrite, one per line, for the confirmation. */
    public String overwrittenText() {
        return new DiffRenderer(60).render(theirsChanges);
    }
}
