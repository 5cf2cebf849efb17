package com.incidentconsole.fx;

import com.incidentconsole.markdown.MarkdownBlocks;
import com.incidentconsole.markdown.MarkdownBlocks.Block;
import com.incidentconsole.markdown.MarkdownBlocks.Span;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Draws Markdown as parsed by {@link MarkdownBlocks}: the preview beside every editor of server text (run
 * summary, status update, retrospective) and the rendering of what the server holds. Plain JavaFX nodes with
 * style classes ({@code md-h1} … {@code md-code}) from the app's stylesheet; nothing is fetched, no browser.
 * Parse off the FX thread when the text is long, then {@link #show(List)} the blocks on it.
 */
public final class MarkdownView extends VBox {

    private final MarkdownBlocks parser;

    public MarkdownView(MarkdownBlocks parser) {
        this.parser = parser;
        getStyleClass().add("markdown");
        setSpacing(6);
        setFillWidth(true);
    }

    /** Parses and shows {@code markdown}; fine for a status update's or summary's size on the FX thread. */
    public void showMarkdown(String markdown) {
        show(parser.parse(markdown));
    }

    /** Shows blocks parsed elsewhere. FX thread. */
    public void show(List<Block> blocks) {
        getChildren().setAll(blocks.stream().map(MarkdownView::node).toList());
    }

    private static Node node(Block block) {
        return switch (block) {
            case Block.Heading h -> flow(h.spans(), "md-h" + Math.min(h.level(), 3));
            case Block.Paragraph p -> flow(p.spans(), "md-p");
            case Block.Item item -> {
                TextFlow flow = flow(item.spans(), "md-item");
                if (!item.marker().isEmpty()) {
                    flow.getChildren().addFirst(styled(item.marker() + " ", "md-marker"));
                }
                flow.setPadding(new Insets(0, 0, 0, 16 + 16 * item.depth()));
                yield flow;
            }
            case Block.Quote q -> flow(q.spans(), "md-quote");
            case Block.CodeBlock code -> {
                Label label = new Label(code.text());
                label.getStyleClass().add("md-codeblock");
                label.setWrapText(true);
                label.setMaxWidth(Double.MAX_VALUE);
                yield label;
            }
            case Block.Table table -> table(table);
            case Block.Rule rule -> new Separator();
        };
    }

    private static GridPane table(Block.Table table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        grid.setHgap(12);
        for (int row = 0; row < table.rows().size(); row++) {
            List<String> cells = table.rows().get(row);
            for (int column = 0; column < cells.size(); column++) {
                Label cell = new Label(cells.get(column));
                cell.setWrapText(true);
                cell.getStyleClass().add(row == 0 ? "md-th" : "md-td");
                grid.add(cell, column, row);
            }
        }
        return grid;
    }

    private static TextFlow flow(List<Span> spans, String style) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(style);
        for (Span span : spans) {
            Text text = new Text(span.text());
            text.getStyleClass().add("md-text");
            span.styles().forEach(s -> text.getStyleClass().add("md-" + s.name().toLowerCase(java.util.Locale.ROOT)));
            flow.getChildren().add(text);
        }
        return flow;
    }

    private static Text styled(String text, String style) {
        Text node = new Text(text);
        node.getStyleClass().addAll("md-text", style);
        return node;
    }
}
