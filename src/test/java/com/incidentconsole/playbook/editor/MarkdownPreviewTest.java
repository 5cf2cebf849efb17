package com.incidentconsole.playbook.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.incidentconsole.playbook.editor.MarkdownPreview.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownPreviewTest {

    @Test
    void headingsListsBoldAndItalicBecomeStyledSpans() {
        assertEquals(List.of(new Span("Steps", "md-h2"), new Span("\n", ""), new Span("  • ", ""),
                new Span("page ", ""), new Span("DBA", "md-bold"), new Span(" ", ""), new Span("now", "md-italic")),
                MarkdownPreview.spans("## Steps\n- page **DBA** _now_"));
    }

    @Test
    void plainTextStaysAsTyped() {
        assertEquals(List.of(new Span("2 * 3 = 6", "")), MarkdownPreview.spans("2 * 3 = 6"));
    }
}
