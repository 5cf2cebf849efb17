package com.incidentconsole.playbook.library.merge;

import com.incidentconsole.playbook.library.merge.Conflict.Side;
import java.util.Map;

/**
 * Which side a merge keeps where both sides changed the same thing. The merge is deterministic, so the same
 * base, mine and theirs give the same conflicts every time: resolving means merging again with the user's choices,
 * which keeps every non-conflicting change from both sides exactly as the first merge combined them.
 */
@FunctionalInterface
public interface Resolution {

    /** @param conflict as found, with {@link Conflict#kept()} set to the merge's default side */
    Side choose(Conflict conflict);

    /** The merge's defaults: mine for a value both sides changed, the edited element over a deletion. */
    static Resolution defaults() {
        return Conflict::kept;
    }

    /** Every conflict goes one way (the command line's {@code --ours} / {@code --theirs}). */
    static Resolution all(Side side) {
        return conflict -> side;
    }

    /** Per-conflict choices by {@link Conflict#key()}; conflicts not chosen keep their default. */
    static Resolution of(Map<String, Side> choices) {
        Map<String, Side> copy = Map.copyOf(choices);
        return conflict -> copy.getOrDefault(conflict.key(), conflict.kept());
    }
}
