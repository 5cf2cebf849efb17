package com.incidentconsole.playbook.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.text.Text;

/**
 * A deliberately small Markdown preview (no library in the build): headings, bullet and numbered lists,
 * {@code **bold**} and {@code *italic*}/{@code _italic_}. Anything else shows as typed, which is how the
 * server stores it anyway — the preview only helps spot a broken list or heading offline.
 */
final class MarkdownPreview {

    /** One run of text with the style class it is shown in ("md-h1", "md-bold", … or "" for plain). */
    record Span(String text, String style) {
    }

    private static final Pattern HEADING = Pattern.compile("^(#{1,3})\\s+(.*)$");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+(.*)$");
    private static final Pattern INLINE = Pattern.compile("\\*\\*(.+?)\\*\\*|\\*(.+?)\\*|_(.+?)_");

    private MarkdownPreview() {
    }

    static List<Span> spans(String markdown) {
        List<Span> out = new ArrayList<>();
        for (String line : markdown.split("\n", -1)) {
            Matcher heading = HEADING.matcher(line);
            Matcher bullet = BULLET.matcher(line);
            if (heading.matches()) {
                out.add(new Span(heading.group(2), "md-h" + heading.group(1).length()));
            } else if (bullet.matches()) {
                out.add(new Span("  • ", ""));
                inline(bullet.group(1), out);
            } else {
                inline(line, out);
            }
            out.add(new Span("\n", ""));
        }
        if (!out.isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static void inline(String line, List<Span> out) {
        Matcher m = INLINE.matcher(line);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                out.add(new Span(line.substring(at, m.start()), ""));
            }
            out.add(m.group(1) != null ? new Span(m.group(1), "md-bold")
                    : new Span(m.group(2) != null ? m.group(2) : m.group(3), "md-italic"));
            at = m.end();
        }
        if (at < line.length()) {
            out.add(new Span(line.substring(at), ""));
        }
    }

    static List<Node> nodes(String markdown) {
        List<Node> nodes = new ArrayList<>();
        for (Span span : spans(markdown)) {
            Text text = new Text(span.text());
            text.getStyleClass().add("md-text");
            if (!span.style().isEmpty()) {
                text.getStyleClass().add(span.style());
            }
            nodes.add(text);
        }
        return nodes;
    }
}
