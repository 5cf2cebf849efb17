package com.incidentconsole.report;

import com.incidentconsole.report.ReportDocument.Block;
import com.incidentconsole.report.ReportDocument.Fact;
import com.incidentconsole.report.ReportDocument.Facts;
import com.incidentconsole.report.ReportDocument.Markdown;
import com.incidentconsole.report.ReportDocument.Note;
import com.incidentconsole.report.ReportDocument.Section;
import com.incidentconsole.report.ReportDocument.Subheading;
import com.incidentconsole.report.ReportDocument.Table;
import java.util.List;

/**
 * GitHub-flavoured Markdown, as Mattermost renders it: the run's own Markdown is copied as written; the
 * report's cells are escaped so a title with {@code |} or a newline cannot break a table.
 */
public final class MarkdownReport {

    public String render(ReportDocument document) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(line(document.title())).append("\n\n");
        md.append("_").append(line(document.subtitle())).append("_\n\n");
        for (Section section : document.sections()) {
            md.append("## ").append(section.heading()).append("\n\n");
            for (Block block : section.blocks()) {
                block(md, block);
            }
        }
        md.append("---\n\n_").append(line(document.footer())).append("_\n");
        return md.toString();
    }

    private static void block(StringBuilder md, Block block) {
        switch (block) {
            case Facts facts -> {
                for (Fact fact : facts.facts()) {
                    md.append("- **").append(fact.label()).append(":** ").append(line(fact.value())).append('\n');
                }
                md.append('\n');
            }
            case Subheading sub -> md.append("### ").append(line(sub.text())).append("\n\n");
            case Markdown text -> md.append(text.text().strip()).append("\n\n");
            case Note note -> md.append("_").append(line(note.text())).append("_\n\n");
            case Table table -> table(md, table);
        }
    }

    private static void table(StringBuilder md, Table table) {
        md.append('|');
        table.headers().forEach(h -> md.append(' ').append(cell(h)).append(" |"));
        md.append("\n|");
        table.headers().forEach(h -> md.append(" --- |"));
        md.append('\n');
        for (List<String> row : table.rows()) {
            md.append('|');
            row.forEach(c -> md.append(' ').append(cell(c)).append(" |"));
            md.append('\n');
        }
        md.append('\n');
    }

    /** One line of text: line breaks become spaces (a heading or a list item cannot hold them). */
    private static String line(String text) {
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    /** A table cell: pipes and HTML escaped (a cell is text, never markup), line breaks as {@code <br>}. */
    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>").replace("\r", "<br>");
    }
}
