package com.incidentconsole.triage;

import com.incidentconsole.wire.PlaybookRun;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The runs list's filter chips and search text, as one value: every chip narrows, an empty chip lets
 * everything through. Immutable; the withers return a changed copy.
 *
 * @param mine only runs I own or take part in
 * @param teamIds only runs of these teams (empty: any)
 * @param playbookIds only runs of these playbooks (empty: any); {@link #NO_PLAYBOOK} stands for channel checklists
 * @param ownerIds only runs these users own (empty: anyone)
 * @param text words that must all appear in the run's searchable text (name, playbook, owner)
 */
public record RunFilter(boolean mine, Set<String> teamIds, Set<String> playbookIds, Set<String> ownerIds,
                        Status status, String text) {

    /** The playbook chip's value for runs without a playbook (channel checklists). */
    public static final String NO_PLAYBOOK = "";

    public enum Status { ALL, IN_PROGRESS, FINISHED;

        /** All → In progress → Finished → All: one key walks the segmented status chip. */
        public Status next() {
            return values()[(ordinal() + 1) % values().length];
        }
    }

    public static final RunFilter NONE = new RunFilter(false, Set.of(), Set.of(), Set.of(), Status.ALL, "");

    public RunFilter {
        teamIds = Set.copyOf(teamIds);
        playbookIds = Set.copyOf(playbookIds);
        ownerIds = Set.copyOf(ownerIds);
        status = status == null ? Status.ALL : status;
        text = text == null ? "" : text;
    }

    /** Whether nothing is filtered: Esc has nothing to clear. */
    public boolean isEmpty() {
        return activeChips() == 0 && text.isBlank();
    }

    /** How many chips narrow the list (the search text is not a chip). */
    public int activeChips() {
        return (mine ? 1 : 0) + (teamIds.isEmpty() ? 0 : 1) + (playbookIds.isEmpty() ? 0 : 1)
                + (ownerIds.isEmpty() ? 0 : 1) + (status == Status.ALL ? 0 : 1);
    }

    /**
     * @param me the signed-in user's id
     * @param searchable the run's name, playbook title and owner name as shown, for the text words
     */
    public boolean accepts(PlaybookRun run, String me, String searchable) {
        if (mine && !isMine(run, me)) {
            return false;
        }
        if (!teamIds.isEmpty() && !teamIds.contains(run.teamId())) {
            return false;
        }
        if (!playbookIds.isEmpty() && !playbookIds.contains(run.playbookId() == null ? NO_PLAYBOOK : run.playbookId())) {
            return false;
        }
        if (!ownerIds.isEmpty() && !ownerIds.contains(run.ownerUserId())) {
            return false;
        }
        boolean statusOk = switch (status) {
            case ALL -> true;
            case IN_PROGRESS -> !run.isFinished();
            case FINISHED -> run.isFinished();
        };
        return statusOk && matchesText(searchable);
    }

    /** Owner or participant: the runs a commander answers for. */
    static boolean isMine(PlaybookRun run, String me) {
        return me != null && !me.isEmpty() && (me.equals(run.ownerUserId()) || run.participantIds().contains(me));
    }

    private boolean matchesText(String searchable) {
        String haystack = searchable.toLowerCase(Locale.ROOT);
        for (String word : text.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!word.isEmpty() && !haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    public RunFilter withMine(boolean value) {
        return new RunFilter(value, teamIds, playbookIds, ownerIds, status, text);
    }

    public RunFilter withTeams(Set<String> ids) {
        return new RunFilter(mine, ids, playbookIds, ownerIds, status, text);
    }

    public RunFilter withPlaybooks(Set<String> ids) {
        return new RunFilter(mine, teamIds, ids, ownerIds, status, text);
    }

    public RunFilter withOwners(Set<String> ids) {
        return new RunFilter(mine, teamIds, playbookIds, ids, status, text);
    }

    public RunFilter withStatus(Status value) {
        return new RunFilter(mine, teamIds, playbookIds, ownerIds, value, text);
    }

    public RunFilter withText(String value) {
        return new RunFilter(mine, teamIds, playbookIds, ownerIds, status, value);
    }

    /** {@code id} added to the set if absent, removed if present: a chip's entry ticked or unticked. */
    public static Set<String> toggled(Set<String> ids, String id) {
        Set<String> next = new HashSet<>(ids);
        if (!next.remove(id)) {
            next.add(id);
        }
        return Set.copyOf(next);
    }
}
