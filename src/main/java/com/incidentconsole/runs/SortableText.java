package com.incidentconsole.runs;

/**
 * A table cell value that shows text but sorts by a number, so "12 min ago" sorts by time and
 * "3/10" by how far along a run is, not alphabetically.
 */
public record SortableText(String text, double key) implements Comparable<SortableText> {

    @Override
    public int compareTo(SortableText other) {
        return Double.compare(key, other.key);
    }

    @Override
    public String toString() {
        return text;
    }
}
