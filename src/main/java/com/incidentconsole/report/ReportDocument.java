package com.incidentconsole.report;

import java.util.List;

/**
 * A report as a small, format-free document: sections of facts, tables, notes and the run's own Markdown.
 * The builder decides what is said and in which order; each format only decides how it looks.
 */
public record ReportDocument(String title, String subtitle, List<Section> sections, String footer) {

    public ReportDocument {
        sections = List.copyOf(sections);
    }

    public record Section(String heading, List<Block> blocks) {
        public Section {
            blocks = List.copyOf(blocks);
        }
    }

    public sealed interface Block {
    }

    /** Label/value pairs ("Owner: @alex.rivera"). */
    public record Facts(List<Fact> facts) implements Block {
        public Facts {
            facts = List.copyOf(facts);
        }
    }

    public record Fact(String label, String value) {
    }

    /** A heading inside a section (a checklist's title, a status update's time and author). */
    public record Subheading(String text) implements Block {
    }

    /** Text people wrote on the server (summary, status updates, retrospective): Markdown, kept whole. */
    public record Markdown(String text) implements Block {
    }

    /** Plain cells; any length, any script. */
    public record Table(List<String> headers, List<List<String>> rows) implements Block {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** A sentence of the report's own, e.g. that a section is empty. */
    public record Note(String text) implements Block {
    }
}
