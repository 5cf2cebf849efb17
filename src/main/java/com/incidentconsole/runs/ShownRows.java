package com.incidentconsole.runs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.collections.ModifiableObservableListBase;

/**
 * The rows the runs table shows: those the filter accepts, in the chosen order — what a {@code FilteredList} under a
 * {@code SortedList} gave, without their price under an event storm (issue 18, ADR 0033). {@code SortedList} sorts
 * the whole list again for every updated row, and the rows' extractor made each changed run two updates: 10,000
 * runs and a few dozen changes per pulse kept the FX thread busy for seconds. Here a batch of changed rows costs a
 * look at their neighbours; the list is reordered (one permutation, as {@code SortedList} reports a new order) only
 * when one of them is out of place. A row that stays tells the table nothing: its cells and row follow the row's
 * own properties, and an update change made the table re-measure its rows and re-walk its selection for every
 * batch. FX thread only.
 */
final class ShownRows extends ModifiableObservableListBase<RunRow> {

    /** Above this many changed rows a whole pass is cheaper than looking each one up. */
    private static final int BULK = 256;

    private final List<RunRow> shown = new ArrayList<>();
    private Predicate<RunRow> filter = row -> true;
    private Comparator<RunRow> order;

    ShownRows(Comparator<RunRow> order) {
        this.order = order;
    }

    /** A new filter or order, or a new set of rows: shows {@code all} through them with as small a change as can be. */
    void show(Collection<RunRow> all, Predicate<RunRow> newFilter, Comparator<RunRow> newOrder) {
        filter = newFilter;
        order = newOrder;
        List<RunRow> next = new ArrayList<>(all.size());
        for (RunRow row : all) {
            if (filter.test(row)) {
                next.add(row);
            }
        }
        next.sort(order);
        if (sameRows(next)) {
            if (!next.equals(shown)) {
                reorder();
            }
        } else {
            setAll(next);
        }
    }

    /**
     * These rows changed in place (already updated): each leaves if the filter no longer takes it, comes in at its
     * place if it now does; the others stay, and the list is reordered only if one of them is out of place.
     */
    void changed(Collection<RunRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (rows.size() > BULK) {
            changedAll(rows);
            return;
        }
        List<RunRow> stay = new ArrayList<>(rows.size());
        List<RunRow> enter = new ArrayList<>();
        for (RunRow row : rows) {
            int at = shown.indexOf(row);
            boolean accepted = filter.test(row);
            if (at >= 0 && !accepted) {
                remove(at);
            } else if (at >= 0) {
                stay.add(row);
            } else if (accepted) {
                enter.add(row);
            }
        }
        boolean inOrder = true;
        for (RunRow row : stay) {
            inOrder &= inPlace(shown.indexOf(row));
        }
        if (!inOrder) {
            reorder();
        }
        for (RunRow row : enter) {
            insert(row);
        }
    }

    /** Runs that are gone. */
    void left(Collection<RunRow> rows) {
        for (RunRow row : rows) {
            int at = shown.indexOf(row);
            if (at >= 0) {
                remove(at);
            }
        }
    }

    /** New runs, each at its place. */
    void arrived(List<RunRow> rows) {
        for (RunRow row : rows) {
            if (filter.test(row)) {
                insert(row);
            }
        }
    }

    private void changedAll(Collection<RunRow> rows) {
        Map<RunRow, Boolean> present = identitySet(shown);
        List<RunRow> all = new ArrayList<>(shown);
        rows.stream().filter(row -> !present.containsKey(row)).forEach(all::add);
        show(all, filter, order);
    }

    private static Map<RunRow, Boolean> identitySet(Collection<RunRow> rows) {
        Map<RunRow, Boolean> set = new IdentityHashMap<>();
        rows.forEach(row -> set.put(row, Boolean.TRUE));
        return set;
    }

    private boolean inPlace(int at) {
        return (at == 0 || order.compare(shown.get(at - 1), shown.get(at)) <= 0)
                && (at == shown.size() - 1 || order.compare(shown.get(at), shown.get(at + 1)) <= 0);
    }

    private void insert(RunRow row) {
        int at = Collections.binarySearch(shown, row, order);
        add(at < 0 ? -at - 1 : at, row);
    }

    /** Sorts the shown rows, reported as one permutation (what {@code SortedList} reports for a new order). */
    private void reorder() {
        Map<RunRow, Integer> from = new IdentityHashMap<>();
        for (int i = 0; i < shown.size(); i++) {
            from.put(shown.get(i), i);
        }
        List<RunRow> sorted = new ArrayList<>(shown);
        sorted.sort(order);
        int[] permutation = new int[shown.size()];
        for (int i = 0; i < sorted.size(); i++) {
            permutation[from.get(sorted.get(i))] = i;
        }
        beginChange();
        for (int i = 0; i < sorted.size(); i++) {
            shown.set(i, sorted.get(i));
        }
        nextPermutation(0, shown.size(), permutation);
        endChange();
    }

    private boolean sameRows(List<RunRow> next) {
        if (next.size() != shown.size()) {
            return false;
        }
        Map<RunRow, Boolean> present = identitySet(shown);
        return next.stream().allMatch(present::containsKey);
    }

    @Override
    public RunRow get(int index) {
        return shown.get(index);
    }

    @Override
    public int size() {
        return shown.size();
    }

    @Override
    protected void doAdd(int index, RunRow element) {
        shown.add(index, element);
    }

    @Override
    protected RunRow doSet(int index, RunRow element) {
        return shown.set(index, element);
    }

    @Override
    protected RunRow doRemove(int index) {
        return shown.remove(index);
    }
}
