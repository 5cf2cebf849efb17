package com.incidentconsole.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The order a chosen column gives, the direction a second press gives, and how ties and gaps fall. */
class RunSortTest {

    record Row(String name, Long due, int urgency) {
    }

    private static final Comparator<Row> URGENCY = Comparator.comparingInt(Row::urgency);

    private static Function<Row, Comparable<?>> key(RunSort.Column column) {
        return switch (column) {
            case NEXT_UPDATE -> Row::due;
            default -> Row::name;
        };
    }

    private static List<String> sorted(RunSort sort, Row... rows) {
        return Stream.of(rows).sorted(sort.comparator(RunSortTest::key, URGENCY)).map(Row::name).toList();
    }

    private final Row a = new Row("a", 30L, 2);
    private final Row b = new Row("b", null, 0);
    private final Row c = new Row("c", 10L, 1);

    @Test
    void urgencyIsTheDefaultAndCannotBeReversed() {
        assertEquals(List.of("b", "c", "a"), sorted(RunSort.URGENT_FIRST, a, b, c));
        assertEquals(RunSort.URGENT_FIRST, RunSort.URGENT_FIRST.reversed());
    }

    @Test
    void aSecondPressOnTheSameColumnFlipsItAnotherColumnStartsInItsNaturalDirection() {
        RunSort byName = RunSort.URGENT_FIRST.by(RunSort.Column.NAME);
        assertEquals(new RunSort(RunSort.Column.NAME, true), byName);
        assertEquals(new RunSort(RunSort.Column.NAME, false), byName.by(RunSort.Column.NAME));
        assertEquals(new RunSort(RunSort.Column.STARTED, false), byName.by(RunSort.Column.STARTED),
                "newest first on the first press");
        assertEquals(List.of("c", "b", "a"), sorted(byName.reversed(), a, b, c));
    }

    @Test
    void aRunWithoutAnUpdateDueSortsLastInEitherDirection() {
        RunSort soonest = RunSort.URGENT_FIRST.by(RunSort.Column.NEXT_UPDATE);
        assertEquals(List.of("c", "a", "b"), sorted(soonest, a, b, c));
        assertEquals(List.of("a", "c", "b"), sorted(soonest.reversed(), a, b, c));
    }

    @Test
    void tiesFallBackToUrgency() {
        Row first = new Row("same", 5L, 0);
        Row second = new Row("same", 5L, 1);
        RunSort byName = RunSort.URGENT_FIRST.by(RunSort.Column.NAME);
        assertEquals(List.of(first, second), Stream.of(second, first).sorted(byName.comparator(RunSortTest::key, URGENCY)).toList());
        assertEquals(List.of(first, second), Stream.of(second, first)
                .sorted(byName.reversed().comparator(RunSortTest::key, URGENCY)).toList(), "ties are not reversed");
    }
}
