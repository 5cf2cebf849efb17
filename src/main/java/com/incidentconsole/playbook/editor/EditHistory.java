package com.incidentconsole.playbook.editor;

import com.incidentconsole.playbook.library.PlaybookFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Undo/redo over immutable {@link PlaybookFile} snapshots. Typing into one field coalesces into one step
 * (same {@code group} as the step before), so undo takes back a word or a title, not a single character.
 */
final class EditHistory {

    private static final int LIMIT = 500;

    private final List<PlaybookFile> snapshots = new ArrayList<>();
    private int position;
    private String lastGroup;

    EditHistory(PlaybookFile start) {
        snapshots.add(start);
    }

    PlaybookFile current() {
        return snapshots.get(position);
    }

    /** Records {@code next}; a null group never coalesces (structural edits are always their own step). */
    void record(PlaybookFile next, String group) {
        snapshots.subList(position + 1, snapshots.size()).clear();
        if (group != null && Objects.equals(group, lastGroup) && position > 0) {
            snapshots.set(position, next);
        } else {
            snapshots.add(next);
            position++;
            if (snapshots.size() > LIMIT) {
                snapshots.remove(0);
                position--;
            }
        }
        lastGroup = group;
    }

    boolean canUndo() {
        return position > 0;
    }

    boolean canRedo() {
        return position < snapshots.size() - 1;
    }

    PlaybookFile undo() {
        if (canUndo()) {
            position--;
        }
        lastGroup = null;
        return current();
    }

    PlaybookFile redo() {
        if (canRedo()) {
            position++;
        }
        lastGroup = null;
        return current();
    }
}
