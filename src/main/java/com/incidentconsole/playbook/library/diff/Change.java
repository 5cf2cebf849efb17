package com.incidentconsole.playbook.library.diff;

/**
 * One structural difference between two playbook files.
 *
 * @param checklist title of the checklist the change belongs to (the newer title), null for settings and metrics
 * @param name what changed: the setting key, checklist title, item title or metric title (newer one if renamed)
 * @param field for {@link ChangeKind#CHANGED} of an item, metric or checklist: the field's key; otherwise null
 * @param before the old value as compact JSON, old title when renamed, old place when moved; null when added
 * @param after the new value, new title or new place; null when removed
 */
public record Change(Target target, ChangeKind kind, String checklist, String name, String field, String before,
        String after) {

    /** What kind of thing changed. */
    public enum Target { SETTING, CHECKLIST, ITEM, METRIC }

    /** How it changed. */
    public enum ChangeKind { ADDED, REMOVED, CHANGED, RENAMED, MOVED }
}
