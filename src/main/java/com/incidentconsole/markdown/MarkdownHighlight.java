package com.incidentconsole.markdown;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Where the Markdown source of a text is what, for an editor to colour it: the same parser as the preview
 * ({@link MarkdownBlocks}: CommonMark with GFM tables), asked for the source positions of every block and inline,
 * so what the editor marks as a heading or code is exactly what the preview renders as one (a scanner of its own
 * would disagree on the corner cases — a `*` inside code, a fence inside a quote). The result covers the whole
 * text as consecutive runs, each with the kinds it is inside of (nested: emphasis in a quote is both).
 * Headless and stateless: one instance may serve any number of editors on one thread.
 */
public final class MarkdownHighlight {

    /** What a run of source is part of. {@link #styleClass} is its CSS class: {@code md-heading} and so on. */
    public enum Kind {
        HEADING, EMPHASIS, STRONG, CODE, CODE_BLOCK, LINK, LIST_MARKER, QUOTE, TABLE, RULE, HTML;

        public String styleClass() {
            return "md-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** {@code length} characters, each inside every one of {@code kinds} (empty: plain text). */
    public record Run(int length, Set<Kind> kinds) {
        public Run {
            kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(kinds);
        }
    }

    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    /** Runs covering {@code text} from start to end (none for an empty text); their lengths add up to its length. */
    public List<Run> runs(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        int[] masks = new int[text.length()];
        parser.parse(text).accept(new Marker(text, masks));
        List<Run> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= masks.length; i++) {
            if (i == masks.length || masks[i] != masks[start]) {
                runs.add(new Run(i - start, kinds(masks[start])));
                start = i;
            }
        }
        return runs;
    }

    private static Set<Kind> kinds(int mask) {
        EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (Kind kind : Kind.values()) {
            if ((mask & (1 << kind.ordinal())) != 0) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** Marks each node's source spans; code blocks and raw HTML are leaves (nothing inside them is Markdown). */
    private static final class Marker extends AbstractVisitor {
        private final String text;
        private final int[] masks;

        Marker(String text, int[] masks) {
            this.text = text;
            this.masks = masks;
        }

        private void mark(Node node, Kind kind) {
            for (SourceSpan span : node.getSourceSpans()) {
                mark(span.getInputIndex(), span.getInputIndex() + span.getLength(), kind);
            }
        }

        private void mark(int from, int to, Kind kind) {
            int bit = 1 << kind.ordinal();
            for (int i = Math.max(0, from); i < Math.min(to, masks.length); i++) {
                masks[i] |= bit;
            }
        }

        @Override
        public void visit(Heading heading) {
            mark(heading, Kind.HEADING);
            visitChildren(heading);
        }

        @Override
        public void visit(Emphasis emphasis) {
            mark(emphasis, Kind.EMPHASIS);
            visitChildren(emphasis);
        }

        @Override
        public void visit(StrongEmphasis strong) {
            mark(strong, Kind.STRONG);
            visitChildren(strong);
        }

        @Override
        public void visit(Code code) {
            mark(code, Kind.CODE);
        }

        @Override
        public void visit(FencedCodeBlock block) {
            mark(block, Kind.CODE_BLOCK);
        }

        @Override
        public void visit(IndentedCodeBlock block) {
            mark(block, Kind.CODE_BLOCK);
        }

        @Override
        public void visit(Link link) {
            mark(link, Kind.LINK);
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            mark(image, Kind.LINK);
            visitChildren(image);
        }

        @Override
        public void visit(BlockQuote quote) {
            mark(quote, Kind.QUOTE);
            visitChildren(quote);
        }

        @Override
        public void visit(ThematicBreak rule) {
            mark(rule, Kind.RULE);
        }

        @Override
        public void visit(HtmlInline html) {
            mark(html, Kind.HTML);
        }

        @Override
        public void visit(HtmlBlock html) {
            mark(html, Kind.HTML);
        }

        @Override
        public void visit(ListItem item) {
            if (!item.getSourceSpans().isEmpty()) {
                int at = item.getSourceSpans().getFirst().getInputIndex();
                int end = markerEnd(at);
                mark(at, end, Kind.LIST_MARKER);
            }
            visitChildren(item);
        }

        /** The end of "- ", "12. " or "3) " at {@code at}, with a task box "[ ]"/"[x]" after it. */
        private int markerEnd(int at) {
            int i = at;
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            int from = i;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
            if (i < text.length() && (i > from ? ".)" : "-*+").indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            if (text.startsWith(" [", i) && i + 4 <= text.length() && text.charAt(i + 3) == ']'
                    && " xX".indexOf(text.charAt(i + 2)) >= 0) {
                i += 4;
            }
            return i;
        }

        @Override
        public void visit(org.commonmark.node.CustomBlock block) {
            if (block instanceof TableBlock) {
                mark(block, Kind.TABLE);
            }
            visitChildren(block);
        }
    }
}
