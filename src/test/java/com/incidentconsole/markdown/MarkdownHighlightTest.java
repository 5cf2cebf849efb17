package com.incidentconsole.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.markdown.MarkdownHighlight.Kind;
import com.incidentconsole.markdown.MarkdownHighlight.Run;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.generators.SourceDSL;

/** What the retrospective editor colours, checked on the characters a writer would look at. */
class MarkdownHighlightTest {

    private final MarkdownHighlight highlight = new MarkdownHighlight();

    /** The kinds of the character where {@code part} begins in {@code text}. */
    private Set<Kind> at(String text, String part) {
        int index = text.indexOf(part);
        assertTrue(index >= 0, part);
        int offset = 0;
        for (Run run : highlight.runs(text)) {
            if (index < offset + run.length()) {
                return run.kinds();
            }
            offset += run.length();
        }
        throw new AssertionError("no run at " + index);
    }

    @Test
    void headingsWithTheirHashesAndUnderlinedOnes() {
        String text = "# Summary\n\nplain\n\nImpact\n------\n";
        assertEquals(Set.of(Kind.HEADING), at(text, "# Summary"));
        assertEquals(Set.of(Kind.HEADING), at(text, "Summary"));
        assertEquals(Set.of(), at(text, "plain"));
        assertEquals(Set.of(Kind.HEADING), at(text, "Impact"));
        assertEquals(Set.of(Kind.HEADING), at(text, "------"));
    }

    @Test
    void emphasisStrongAndTheirNesting() {
        String text = "a *slow* and **very _bad_** failover";
        assertEquals(Set.of(Kind.EMPHASIS), at(text, "*slow*"));
        assertEquals(Set.of(Kind.STRONG), at(text, "**very"));
        assertEquals(Set.of(Kind.STRONG, Kind.EMPHASIS), at(text, "bad"));
        assertEquals(Set.of(), at(text, " failover"));
    }

    @Test
    void codeSpansAndFencesAreLeavesSoStarsInsideAreNotEmphasis() {
        String text = "run `rm *.log *now*` then\n\n```sh\necho *not emphasis*\n```\n\n    indented code\n";
        assertEquals(Set.of(Kind.CODE), at(text, "`rm"));
        assertEquals(Set.of(Kind.CODE), at(text, "*now*"));
        assertEquals(Set.of(), at(text, " then"));
        assertEquals(Set.of(Kind.CODE_BLOCK), at(text, "```sh"));
        assertEquals(Set.of(Kind.CODE_BLOCK), at(text, "*not emphasis*"));
        assertEquals(Set.of(Kind.CODE_BLOCK), at(text, "indented code"));
    }

    @Test
    void linksImagesAndAutolinks() {
        String text = "see [the runbook](https://wiki/r) and <https://status.example.com> ![graph](g.png)";
        assertEquals(Set.of(Kind.LINK), at(text, "[the runbook]"));
        assertEquals(Set.of(Kind.LINK), at(text, "https://wiki/r"));
        assertEquals(Set.of(Kind.LINK), at(text, "<https://status"));
        assertEquals(Set.of(Kind.LINK), at(text, "![graph]"));
        assertEquals(Set.of(), at(text, " and"));
    }

    @Test
    void listMarkersBulletOrderedAndTaskBoxes() {
        String text = "- first\n- [x] done task\n\n1. one\n12) twelve\n";
        assertEquals(Set.of(Kind.LIST_MARKER), at(text, "- first"));
        assertEquals(Set.of(), at(text, "first"));
        assertEquals(Set.of(Kind.LIST_MARKER), at(text, "[x]"));
        assertEquals(Set.of(), at(text, "done task"));
        assertEquals(Set.of(Kind.LIST_MARKER), at(text, "1."));
        assertEquals(Set.of(), at(text, "one"));
        assertEquals(Set.of(Kind.LIST_MARKER), at(text, "12)"));
    }

    @Test
    void blockQuotesNestTheirInlines() {
        String text = "> the status update said *degraded*\n> second line\n\nafter";
        assertEquals(Set.of(Kind.QUOTE), at(text, "> the"));
        assertEquals(Set.of(Kind.QUOTE, Kind.EMPHASIS), at(text, "degraded"));
        assertEquals(Set.of(Kind.QUOTE), at(text, "second line"));
        assertEquals(Set.of(), at(text, "after"));
    }

    @Test
    void tablesRulesAndRawHtmlShownAsWhatTheyAre() {
        String text = "| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n\n<div>x</div>\n";
        assertEquals(Set.of(Kind.TABLE), at(text, "| a"));
        assertEquals(Set.of(Kind.RULE), at(text, "---\n\n<"));
        assertEquals(Set.of(Kind.HTML), at(text, "<div>"));
    }

    @Test
    void plainTextIsOneRunAndEmptyIsNone() {
        assertEquals(List.of(), highlight.runs(""));
        assertEquals(List.of(new Run(5, Set.of())), highlight.runs("plain"));
    }

    @Test
    void theRunsAlwaysCoverTheWholeTextWhateverIsTyped() {
        String alphabet = "#*_`[]()<>!-+>|\\ \n\tab1.";
        QuickTheory.qt().withFixedSeed(16).withExamples(400)
                .forAll(SourceDSL.strings().basicLatinAlphabet().ofLengthBetween(0, 120))
                .checkAssert(raw -> {
                    StringBuilder text = new StringBuilder();
                    raw.chars().forEach(c -> text.append(alphabet.charAt(c % alphabet.length())));
                    assertEquals(text.length(), highlight.runs(text.toString()).stream().mapToInt(Run::length).sum(),
                            text::toString);
                    assertTrue(highlight.runs(text.toString()).stream().allMatch(r -> r.length() > 0));
                });
    }
}
