package com.incidentconsole.triage;

import java.util.Comparator;
import java.util.function.Function;

/**
 * The runs list's order: a column and a direction, or {@link Column#URGENCY} (in progress first,
 * newest first — what burns now on top). Ties fall back to urgency, so equal names do not shuffle
 * as runs update. Immutable.
 */
public record RunSort(Column column, boolean ascending) {

    /** The list's columns in the order they are shown; their position is the digit that sorts by them. */
    public enum Column {
        URGENCY, NAME, PLAYBOOK, OWNER, STATUS, STAGE, PROGRESS, LAST_UPDATE, NEXT_UPDATE, STARTED;

        /**
         * The direction a first press gives: times newest first for "started" and "updated", the soonest
         * due update first, names A→Z, least progress first (the runs that need hands).
         */
        boolean firstAscending() {
            return switch (this) {
                case STARTED, LAST_UPDATE -> false;
                default -> true;
            };
        }
    }

    public static final RunSort URGENT_FIRST = new RunSort(Column.URGENCY, true);

    /** Sort by {@code chosen}: a column already chosen flips its direction, another starts in its natural one. */
    public RunSort by(Column chosen) {
        if (chosen == column && chosen != Column.URGENCY) {
            return reversed();
        }
        return new RunSort(chosen, chosen.firstAscending());
    }

    public RunSort reversed() {
        return column == Column.URGENCY ? this : new RunSort(column, !ascending);
    }

    /**
     * The order over rows of type {@code T}.
     *
     * @param keys the value of a column for a row; a null key sorts last in either direction (a run
     *             without a next update due is not the most urgent, nor the least)
     * @param urgency the list's default order, also the tie-break
     */
    public <T> Comparator<T> comparator(Function<Column, Function<T, Comparable<?>>> keys, Comparator<T> urgency) {
        if (column == Column.URGENCY) {
            return urgency;
        }
        Function<T, Comparable<?>> key = keys.apply(column);
        Comparator<T> byKey = (a, b) -> compareKeys(key.apply(a), key.apply(b), ascending);
        return byKey.thenComparing(urgency);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(Comparable<?> a, Comparable<?> b, boolean ascending) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        int order = ((Comparable) a).compareTo(b);
        return ascending ? order : -order;
    }
}
