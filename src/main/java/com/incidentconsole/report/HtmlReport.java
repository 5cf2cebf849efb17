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
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * One self-contained HTML file: styles inline, no scripts, no images, nothing fetched from anywhere, so it can be
 * mailed, archived or opened offline and shows the same. Text people wrote is rendered from Markdown with raw
 * HTML escaped, then cleaned to a safelist of formatting tags, so a pasted {@code <script>} or a tracking image
 * in a status update stays inert text.
 */
public final class HtmlReport {

    static final String STYLE = """
            body { font-family: 'DejaVu Sans', 'Droid Sans Fallback', 'Symbola', sans-serif; font-size: 10.5pt;
                   color: #1b1f24; margin: 2em; line-height: 1.4; }
            h1 { font-size: 20pt; margin: 0 0 0.2em 0; overflow-wrap: anywhere; word-wrap: break-word; }
            .subtitle { color: #57606a; margin: 0 0 1.5em 0; }
            h2 { font-size: 14pt; border-bottom: 1px solid #d0d7de; padding-bottom: 0.2em; margin-top: 1.6em; }
            h3 { font-size: 11.5pt; margin: 1.2em 0 0.4em 0; overflow-wrap: anywhere; word-wrap: break-word; }
            table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em 0; table-layout: fixed; }
            th, td { border: 1px solid #d0d7de; padding: 3px 6px; text-align: left; vertical-align: top;
                     overflow-wrap: anywhere; word-wrap: break-word; }
            th { background: #f6f8fa; }
            dl.facts { margin: 0; }
            dl.facts dt { font-weight: bold; float: left; width: 8em; clear: left; }
            dl.facts dd { margin: 0 0 0.2em 8.5em; overflow-wrap: anywhere; word-wrap: break-word; }
            .note { color: #57606a; font-style: italic; }
            .md { overflow-wrap: anywhere; word-wrap: break-word; }
            pre, code { font-family: 'DejaVu Sans Mono', monospace; font-size: 9pt; }
            pre { background: #f6f8fa; padding: 6px; white-space: pre-wrap; }
            footer { margin-top: 2em; color: #57606a; font-size: 9pt; }
            """;

    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(List.of(TablesExtension.create()))
            .escapeHtml(true).sanitizeUrls(true).build();
    private final Safelist safelist = Safelist.relaxed().removeTags("img", "a");

    public String render(ReportDocument document) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"generator\" content=\"Incident Console\"/><title>")
                .append(escape(document.title())).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n");
        html.append("<h1 dir=\"auto\">").append(escape(document.title())).append("</h1>\n");
        html.append("<p class=\"subtitle\">").append(escape(document.subtitle())).append("</p>\n");
        for (Section section : document.sections()) {
            html.append("<h2>").append(escape(section.heading())).append("</h2>\n");
            for (Block block : section.blocks()) {
                block(html, block);
            }
        }
        html.append("<footer>").append(escape(document.footer())).append("</footer>\n</body></html>\n");
        return html.toString();
    }

    private void block(StringBuilder html, Block block) {
        switch (block) {
            case Facts facts -> {
                html.append("<dl class=\"facts\">");
                for (Fact fact : facts.facts()) {
                    html.append("<dt>").append(escape(fact.label())).append("</dt><dd dir=\"auto\">")
                            .append(escape(fact.value())).append("</dd>");
                }
                html.append("</dl>\n");
            }
            case Subheading sub -> html.append("<h3 dir=\"auto\">").append(escape(sub.text())).append("</h3>\n");
            case Markdown text -> html.append("<div class=\"md\">").append(markdown(text.text())).append("</div>\n");
            case Note note -> html.append("<p class=\"note\">").append(escape(note.text())).append("</p>\n");
            case Table table -> table(html, table);
        }
    }

    private static void table(StringBuilder html, Table table) {
        html.append("<table><thead><tr>");
        table.headers().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            row.forEach(c -> html.append("<td dir=\"auto\">").append(escape(c).replace("\n", "<br/>")).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table>\n");
    }

    /**
     * Rendered, then cleaned: commonmark escapes raw HTML, links become their text with the address after it
     * (a report references nothing, so it reads the same archived or printed), and the safelist drops images
     * and anything active.
     */
    String markdown(String text) {
        Document rendered = Jsoup.parseBodyFragment(renderer.render(parser.parse(text)));
        for (Element link : rendered.select("a[href]")) {
            String href = link.attr("href");
            link.after(href.isEmpty() || href.equals(link.text()) ? "" : " (" + escape(href) + ")");
            link.unwrap();
        }
        return Jsoup.clean(rendered.body().html(), "", safelist, new Document.OutputSettings().prettyPrint(false));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // C0 controls other than tab and newline are not allowed in XHTML (the PDF path parses it).
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
