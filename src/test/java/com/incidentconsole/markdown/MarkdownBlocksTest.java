package com.incidentconsole.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.markdown.MarkdownBlocks.Block;
import com.incidentconsole.markdown.MarkdownBlocks.Span;
import com.incidentconsole.markdown.MarkdownBlocks.Style;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MarkdownBlocksTest {

    private final MarkdownBlocks markdown = new MarkdownBlocks();

    @Test
    void aStatusUpdateReadsAsHeadingsListsAndEmphasis() {
        List<Block> blocks = markdown.parse("""
                ## Impact
                Checkout is **down** for *EU* users.

                1. Failover started
                2. DB back
                   - replica lagging

                > customers notified
                """);
        assertEquals(new Block.Heading(2, List.of(new Span("Impact", Set.of(), ""))), blocks.get(0));
        Block.Paragraph impact = assertInstanceOf(Block.Paragraph.class, blocks.get(1));
        assertTrue(impact.spans().contains(new Span("down", Set.of(Style.BOLD), "")));
        assertTrue(impact.spans().contains(new Span("EU", Set.of(Style.ITALIC), "")));
        assertEquals(new Block.Item(0, "1.", List.of(new Span("Failover started", Set.of(), ""))), blocks.get(2));
        assertEquals("2.", ((Block.Item) blocks.get(3)).marker());
        assertEquals(new Block.Item(1, "•", List.of(new Span("replica lagging", Set.of(), ""))), blocks.get(4));
        assertEquals("customers notified", text(((Block.Quote) blocks.get(5)).spans()));
    }

    @Test
    void rawHtmlAndImagesAreShownAsTextAndLinksKeepTheirAddress() {
        List<Block> blocks = markdown.parse("""
                <script>alert(1)</script>

                See [the runbook](https://wiki.example/db) and ![graph](https://evil.example/x.png)
                """);
        assertEquals("<script>alert(1)</script>", text(((Block.Paragraph) blocks.get(0)).spans()));
        String line = text(((Block.Paragraph) blocks.get(1)).spans());
        assertEquals("See the runbook (https://wiki.example/db) and [image: graph] (https://evil.example/x.png)", line);
    }

    @Test
    void tablesAndCodeKeepTheirCells() {
        List<Block> blocks = markdown.parse("""
                | Metric | Value |
                |---|---|
                | MTTR | 2h |

                ```
                kubectl rollout undo
                ```
                """);
        assertEquals(new Block.Table(List.of(List.of("Metric", "Value"), List.of("MTTR", "2h"))), blocks.get(0));
        assertEquals(new Block.CodeBlock("kubectl rollout undo"), blocks.get(1));
    }

    private static String text(List<Span> spans) {
        return spans.stream().map(Span::text).collect(Collectors.joining());
    }
}
