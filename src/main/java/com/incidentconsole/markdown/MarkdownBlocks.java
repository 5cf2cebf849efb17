package com.incidentconsole.markdown;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Parses Markdown (CommonMark with GitHub tables, the flavour Mattermost renders) into {@link Block}s. Thread
 * safe: the parser keeps no state between calls.
 */
public final class MarkdownBlocks {

    /** How a run of text is emphasised. */
    public enum Style { BOLD, ITALIC, CODE, LINK }

    /** A run of text in one style; {@code target} is a link's address, else {@code ""}. */
    public record Span(String text, Set<Style> styles, String target) {
        public Span {
            styles = styles.isEmpty() ? Set.of() : Set.copyOf(styles);
        }
    }

    /** One block of the text, in document order. */
    public sealed interface Block {
        /** @param level 1–6 */
        record Heading(int level, List<Span> spans) implements Block {
        }

        record Paragraph(List<Span> spans) implements Block {
        }

        /**
         * @param depth 0 for a top-level item
         * @param marker "•" or the item's number with its dot ("3.")
         */
        record Item(int depth, String marker, List<Span> spans) implements Block {
        }

        record Quote(List<Span> spans) implements Block {
        }

        record CodeBlock(String text) implements Block {
        }

        /** @param rows the header row first; cells as plain text */
        record Table(List<List<String>> rows) implements Block {
        }

        record Rule() implements Block {
        }
    }

    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    public List<Block> parse(String markdown) {
        List<Block> blocks = new ArrayList<>();
        Node document = parser.parse(markdown == null ? "" : markdown);
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            block(node, 0, blocks);
        }
        return List.copyOf(blocks);
    }

    private void block(Node node, int depth, List<Block> out) {
        switch (node) {
            case Heading h -> out.add(new Block.Heading(h.getLevel(), spans(h)));
            case Paragraph p -> out.add(new Block.Paragraph(spans(p)));
            case BulletList list -> items(list, depth, false, 0, out);
            case OrderedList list -> items(list, depth, true, start(list), out);
            case BlockQuote quote -> {
                for (Node child = quote.getFirstChild(); child != null; child = child.getNext()) {
                    List<Block> inner = new ArrayList<>();
                    block(child, depth, inner);
                    inner.forEach(b -> out.add(b instanceof Block.Paragraph p ? new Block.Quote(p.spans()) : b));
                }
            }
            case FencedCodeBlock code -> out.add(new Block.CodeBlock(stripEnd(code.getLiteral())));
            case IndentedCodeBlock code -> out.add(new Block.CodeBlock(stripEnd(code.getLiteral())));
            // Raw HTML is shown as typed: the console renders no HTML and loads nothing.
            case HtmlBlock html -> out.add(new Block.Paragraph(List.of(new Span(stripEnd(html.getLiteral()),
                    Set.of(), ""))));
            case ThematicBreak rule -> out.add(new Block.Rule());
            case TableBlock table -> out.add(table(table));
            default -> {
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    block(child, depth, out);
                }
            }
        }
    }

    private static int start(OrderedList list) {
        Integer start = list.getMarkerStartNumber();
        return start == null ? 1 : start;
    }

    private void items(Node list, int depth, boolean ordered, int start, List<Block> out) {
        int number = start;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            String marker = ordered ? number++ + "." : "•";
            boolean first = true;
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Paragraph p) {
                    out.add(new Block.Item(depth, first ? marker : "", spans(p)));
                } else {
                    block(child, depth + 1, out);
                }
                first = false;
            }
            if (first) {
                out.add(new Block.Item(depth, marker, List.of()));
            }
        }
    }

    private static Block.Table table(TableBlock table) {
        List<List<String>> rows = new ArrayList<>();
        collectRows(table, rows);
        return new Block.Table(List.copyOf(rows));
    }

    private static void collectRows(Node node, List<List<String>> rows) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof TableRow row) {
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        StringBuilder text = new StringBuilder();
                        spans(cell, EnumSet.noneOf(Style.class), "", new ArrayList<>()).forEach(s -> text.append(s.text()));
                        cells.add(text.toString());
                    }
                }
                rows.add(List.copyOf(cells));
            } else {
                collectRows(child, rows);
            }
        }
    }

    private static List<Span> spans(Node parent) {
        return List.copyOf(spans(parent, EnumSet.noneOf(Style.class), "", new ArrayList<>()));
    }

    private static List<Span> spans(Node parent, EnumSet<Style> styles, String target, List<Span> out) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            switch (node) {
                case Text t -> out.add(new Span(t.getLiteral(), styles, target));
                case Code c -> out.add(new Span(c.getLiteral(), with(styles, Style.CODE), target));
                case Emphasis e -> spans(e, with(styles, Style.ITALIC), target, out);
                case StrongEmphasis s -> spans(s, with(styles, Style.BOLD), target, out);
                case Link link -> {
                    int before = out.size();
                    spans(link, with(styles, Style.LINK), link.getDestination(), out);
                    boolean textIsAddress = out.size() == before + 1
                            && out.get(before).text().equals(link.getDestination());
                    if (!textIsAddress && !link.getDestination().isBlank()) {
                        out.add(new Span(" (" + link.getDestination() + ")", styles, ""));
                    }
                }
                // An image is never fetched: its description and address stand in for it.
                case Image image -> out.add(new Span("[image: " + altText(image) + "] (" + image.getDestination()
                        + ")", styles, ""));
                case HtmlInline html -> out.add(new Span(html.getLiteral(), styles, target));
                case SoftLineBreak b -> out.add(new Span(" ", styles, target));
                case HardLineBreak b -> out.add(new Span("\n", styles, target));
                default -> spans(node, styles, target, out);
            }
        }
        return out;
    }

    private static String altText(Image image) {
        StringBuilder text = new StringBuilder();
        spans(image, EnumSet.noneOf(Style.class), "", new ArrayList<>()).forEach(s -> text.append(s.text()));
        return text.toString();
    }

    private static EnumSet<Style> with(EnumSet<Style> styles, Style added) {
        EnumSet<Style> copy = EnumSet.copyOf(styles.isEmpty() ? EnumSet.noneOf(Style.class) : styles);
        copy.add(added);
        return copy;
    }

    private static String stripEnd(String text) {
        return text == null ? "" : text.stripTrailing();
    }
}
