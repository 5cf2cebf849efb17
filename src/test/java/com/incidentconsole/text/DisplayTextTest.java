package com.incidentconsole.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.text.BreakIterator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class DisplayTextTest {

    private static final String FAMILY = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
    private static final String RLO = "\u202E";
    private static final String PDF = "\u202C";
    /** Whole perceived characters of many kinds: cutting between any two of them is the only allowed cut. */
    private static final List<String> CLUSTERS = List.of("A", "z", " ", "é", "e\u0301", "a\u0308\u0323",
            FAMILY, "\uD83D\uDD25", "\uD83C\uDDE9\uD83C\uDDEA", "\uD83D\uDC4D\uD83C\uDFFD", "\u2764\uFE0F",
            "\u0645", "\u05E9\u05C1", "\u0915\u094D\u0937", "\u1100\u1161\u11A8", "\u4E2D", "\uD83C\uDFF4\uDB40\uDC67"
            + "\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F");

    @Test
    void aHundredKilobyteNameIsCutToItsLimitWithAnEllipsisAndQuickly() {
        String name = "BIGNAME " + "A".repeat(100_000);

        String shown = assertTimeoutPreemptively(Duration.ofMillis(500), () -> DisplayText.line(name, 200));

        assertEquals(201, shown.length());
        assertTrue(shown.startsWith("BIGNAME AAA"));
        assertTrue(shown.endsWith(DisplayText.ELLIPSIS));
    }

    @Test
    void aShortNameIsShownAsItIs() {
        assertEquals("Database outage eu-west", DisplayText.line("Database outage eu-west", 200));
        assertEquals("مرحبا بالعالم שלום", DisplayText.line("مرحبا بالعالم שלום", 200));
        assertEquals("", DisplayText.line(null, 10));
        assertEquals("", DisplayText.line("", 10));
    }

    @Test
    void aRightToLeftOverrideCannotMakeANameReadAsSomethingElse() {
        // Displayed with the override, "RTL <RLO>exe.live<PDF>" reads "RTL evil.exe".
        assertEquals("RTL exe.live", DisplayText.line("RTL " + RLO + "exe.live" + PDF, 200));
        assertEquals("invoice.pdf", DisplayText.line("\u2067invoice\u2069\u202D.pdf\u202A", 200));
        // An implicit mark reorders digits and punctuation: "1<RLM>-2" would show as "2-1".
        assertEquals("1-2", DisplayText.line("1\u200F-2\u200E", 200));
    }

    @Test
    void noDirectionalFormattingCharacterSurvivesAnywhere() {
        String every = IntStream.of(0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
                0x200E, 0x200F, 0x061C).mapToObj(Character::toString).collect(Collectors.joining("x"));
        String shown = DisplayText.paragraph(every + "\n" + every, 5, 500).text();
        assertEquals("xxxxxxxxxxx\nxxxxxxxxxxx", shown);
    }

    @Test
    void emojiSequencesAreNeverSplit() {
        String families = FAMILY.repeat(10);

        String shown = DisplayText.line(families, 3);

        assertEquals(FAMILY.repeat(3) + DisplayText.ELLIPSIS, shown);
    }

    @Test
    void aZalgoStackKeepsItsLetterAndAFewMarksAndTheWordsAfterIt() {
        String zalgo = "Z" + "\u0301\u0316\u0337".repeat(300) + "algo";

        String shown = DisplayText.line(zalgo, 200);

        assertEquals("Z" + "\u0301\u0316\u0337".repeat(2) + "algo", shown);
        assertEquals("ệ", DisplayText.line("ệ", 5), "real accents stay");
    }

    @Test
    void controlCharactersAreShownNeverInterpreted() {
        assertEquals("a\u2407b\u241B[31mred\u2400\u2421\uFFFDz", DisplayText.line("a\u0007b\u001B[31mred\u0000\u007F\u009Bz", 200));
        assertEquals("tab and line", DisplayText.line("tab\tand\r\n\n line", 200));
        assertEquals("bom", DisplayText.line("\uFEFFbom", 200));
        assertEquals("lone \uFFFD half", DisplayText.line("lone \uD83D half", 200));
    }

    @Test
    void aSixtyOneLineLogCollapsesToItsFirstLinesAndSaysSo() {
        String log = IntStream.range(0, 61).mapToObj(i -> "2026-12-01T21:%02d ERROR [checkout-api] Read timed out after 30000 ms"
                .formatted(i)).collect(Collectors.joining("\n"));

        DisplayText.Clip collapsed = DisplayText.paragraph(log, 4, 600);
        DisplayText.Clip full = DisplayText.paragraph(log, 500, 20_000);

        assertTrue(collapsed.clipped());
        assertEquals(61, collapsed.totalLines());
        assertEquals(4, collapsed.text().split("\n").length);
        assertTrue(collapsed.text().endsWith(DisplayText.ELLIPSIS));
        assertFalse(full.clipped());
        assertEquals(log, full.text().replace("\u200B", ""));
    }

    @Test
    void aLongWordInAParagraphGetsBreakOpportunitiesSoWrappingStaysCheap() {
        DisplayText.Clip clip = DisplayText.paragraph("x".repeat(100_000), 10, 5_000);

        assertTrue(clip.clipped());
        for (String piece : clip.text().split("\u200B")) {
            assertTrue(piece.length() <= DisplayText.MAX_UNBROKEN + 1, piece.length() + " characters without a break");
        }
        assertEquals(5_000, clip.text().replace("\u200B", "").replace(DisplayText.ELLIPSIS, "").length());
    }

    @Test
    void rightToLeftParagraphsArriveInShortLinesBrokenAtSpaces() {
        String hebrew = "שלום עולם ".repeat(50).strip();

        String shown = DisplayText.paragraph(hebrew, 10, 5_000).text();

        assertTrue(DisplayText.hasRightToLeft(shown));
        for (String line : shown.split("\n")) {
            assertTrue(clusters(line).size() <= DisplayText.RTL_LINE, line.length() + " characters on a line");
            assertFalse(line.startsWith(" ") || line.endsWith(" "), "broken at a space: '" + line + "'");
        }
        assertEquals(hebrew, shown.replace('\n', ' '), "only spaces became line breaks");
        assertTrue(DisplayText.foldRightToLeft("ب".repeat(130)).split("\n").length == 3, "a word without spaces is cut");
    }

    @Test
    void leftToRightTextIsLeftForTheLabelToWrap() {
        String english = "Primary DB unreachable; failover started. ".repeat(20).strip();
        assertFalse(DisplayText.hasRightToLeft(english));
        assertEquals(english, DisplayText.foldRightToLeft(english));
        assertEquals(english, DisplayText.paragraph(english, 10, 5_000).text());
    }

    @Test
    void everyCutFallsBetweenWholeCharacters() {
        Gen<List<String>> texts = lists().of(integers().between(0, CLUSTERS.size() - 1).map(CLUSTERS::get))
                .ofSizeBetween(0, 40);
        qt().forAll(texts, integers().between(1, 45)).checkAssert((parts, limit) -> {
            String raw = String.join("", parts);
            String shown = DisplayText.line(raw, limit);
            String kept = shown.endsWith(DisplayText.ELLIPSIS) ? shown.substring(0, shown.length() - 1) : shown;
            List<String> expected = clusters(raw.replaceAll(" +", " ").strip());
            List<String> actual = clusters(kept);
            assertTrue(actual.size() <= limit, actual.size() + " > " + limit);
            assertEquals(expected.subList(0, actual.size()), actual, "a prefix of whole clusters of " + raw);
            assertEquals(expected.size() > actual.size(), shown.endsWith(DisplayText.ELLIPSIS));
        });
    }

    @Test
    void theRunNameFromTheProbeIsBoundedAndFreeOfOverrides() {
        String name = "BIGNAME " + RLO + "evil.exe" + PDF + " مرحبا بالعالم שלום 🔥💥🚨" + FAMILY + " " + "A".repeat(100_000);

        String shown = DisplayText.line(name, 120);

        assertTrue(shown.startsWith("BIGNAME evil.exe مرحبا بالعالم שלום 🔥💥🚨" + FAMILY + " AAA"), shown);
        assertEquals(121, clusters(shown).size());
    }

    private static List<String> clusters(String s) {
        BreakIterator it = BreakIterator.getCharacterInstance();
        it.setText(s);
        List<String> out = new ArrayList<>();
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            out.add(s.substring(start, end));
        }
        return out;
    }

    @Test
    void aPlainNameTakesTheShortcutAndReadsExactlyAsTheGraphemeWalkWouldShowIt() {
        // basicLatinAlphabet: printable ASCII and space, so double, leading and trailing spaces come up too.
        org.quicktheories.QuickTheory.qt().withFixedSeed(18).withExamples(2_000)
                .forAll(org.quicktheories.generators.SourceDSL.strings().basicLatinAlphabet().ofLengthBetween(1, 90),
                        org.quicktheories.generators.SourceDSL.integers().between(1, 80))
                .checkAssert((name, max) -> assertEquals(DisplayText.walkedLine(name, max), DisplayText.line(name, max),
                        () -> "\"" + name + "\" at " + max));
    }
}
