package com.incidentconsole.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.testrun.BesideOtherTests;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@BesideOtherTests
class ReportFormatsTest {

    private static final List<String> SECTIONS = List.of("Overview", "Summary", "Checklists", "Status updates",
            "Timeline", "Retrospective");

    private final ReportDocument document = new ReportBuilder().build(ReportFixtures.input(
            ReportFixtures.run("Checkout down", "Confirm impact", "## What happened\nThe **cache** expired.")));

    @Test
    void markdownHasEverySectionInOrderWithWhoClosedEachItemAndMetricsAgainstTargets() {
        String md = new MarkdownReport().render(document);
        int at = -1;
        for (String section : SECTIONS) {
            int next = md.indexOf("## " + section + "\n");
            assertTrue(next > at, section + " in order:\n" + md);
            at = next;
        }
        assertTrue(md.contains("- **Owner:** @alex.rivera"), md);
        assertTrue(md.contains("- **Duration:** 2h 30m"), md);
        assertTrue(md.contains("| Confirm impact | done | @ines.moreau | @ines.moreau | 2026-11-03 04:22 UTC |"), md);
        assertTrue(md.contains("| Page \\| the DB team | open |"), "a pipe in a title cannot break the table");
        assertTrue(md.contains("### Empty stage\n\n_No items._"), md);
        assertTrue(md.indexOf("First update") < md.indexOf("Second: **mitigated**"), "updates oldest first");
        assertTrue(md.contains("| Time to resolve | 2h 15m | 2h | over target by 15m |"), md);
        assertTrue(md.contains("| Customers affected | 120 | 500 | met |"), md);
        assertTrue(md.contains("| Cost | not entered |"), md);
        assertTrue(md.contains("The **cache** expired."), "the retrospective's Markdown is kept as written");
    }

    @Test
    void emptySectionsSaySo() {
        String md = new MarkdownReport().render(new ReportBuilder().build(new ReportInput(
                ReportFixtures.run("Quiet", "x", ""), "", List.of(), java.util.Map.of(), List.of(),
                java.time.ZoneId.of("UTC"), java.time.Instant.now())));
        assertTrue(md.contains("_No status updates were posted._"), md);
        assertTrue(md.contains("_No retrospective was written._"), md);
        assertTrue(md.contains("_The playbook defines no metrics._"), md);
        assertTrue(md.contains("none (a channel checklist)"), md);
    }

    @Test
    void htmlIsOneFileWithNoScriptsImagesOrRemoteReferences() {
        String html = new HtmlReport().render(document);
        assertFalse(html.toLowerCase().contains("<script"), "no script element");
        assertFalse(html.contains("src="), "nothing loaded");
        assertFalse(html.contains("url("), "no CSS fetches");
        assertFalse(html.contains("@import"), "no CSS imports");
        assertFalse(html.contains("href="), "no references at all");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "pasted HTML is shown as text");
        assertTrue(html.contains("status page (https://status.example.com)"), "a link keeps its address as text");
        assertTrue(html.contains("<strong>fails</strong>"), "the summary's Markdown is rendered");
        for (String section : SECTIONS) {
            assertTrue(html.contains("<h2>" + section + "</h2>"), section);
        }
    }

    @Test
    void pdfTextHasEverySectionAndNonLatinNamesAndEmoji() throws Exception {
        ReportDocument world = new ReportBuilder().build(ReportFixtures.input(ReportFixtures.run(
                "障害 — دفع معطل — Störung 🚒", "Проверить 🔥 impact", "Fixed.")));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        ReportFormat.PDF.write(world, pdf);

        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            text = new PDFTextStripper().getText(doc);
        }
        for (String section : SECTIONS) {
            assertTrue(text.contains(section), section + " in:\n" + text);
        }
        assertTrue(text.contains("障害"), "CJK");
        assertTrue(text.contains("Störung"), "Latin with accents");
        assertTrue(text.contains("Проверить"), "Cyrillic");
        assertTrue(text.contains("🚒") || text.contains("\uD83D\uDE92"), "emoji");
        assertTrue(text.contains("معطل") || text.contains("لطعم"), "Arabic letters are there (shaping aside)");
        assertFalse(text.contains("#"), "no glyph turned into #:\n" + text);
    }

    @Test
    void arabicIsLaidOutRightToLeft() throws Exception {
        ReportDocument arabic = new ReportBuilder().build(ReportFixtures.input(ReportFixtures.run("دفع", "x", "")));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        ReportFormat.PDF.write(arabic, pdf);
        java.util.Map<String, Float> x = new java.util.HashMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            PDFTextStripper positions = new PDFTextStripper() {
                @Override
                protected void writeString(String line, java.util.List<org.apache.pdfbox.text.TextPosition> glyphs) {
                    glyphs.forEach(g -> x.putIfAbsent(g.getUnicode(), g.getXDirAdj()));
                }
            };
            positions.setEndPage(1);
            positions.getText(doc);
        }
        // Joined: dal stands alone (it never joins to the next letter), feh takes its initial form and ain its
        // final one, as a reader of Arabic writes them; unshaped, all three would be the isolated letters.
        String dal = "\uFEA9";
        String fehInitial = "\uFED3";
        String ainFinal = "\uFECA";
        assertTrue(x.keySet().containsAll(java.util.List.of(dal, fehInitial, ainFinal)), "shaped letters: " + x.keySet());
        // Right to left: the word's first letter is its rightmost glyph.
        assertTrue(x.get(dal) > x.get(fehInitial) && x.get(fehInitial) > x.get(ainFinal), "laid out right to left: " + x);
    }

    @Test
    void aHundredKilobyteItemIsReportedWholeInMarkdownAndHtml() {
        String huge = "BEGIN" + "x".repeat(50_000) + " " + "y".repeat(50_000) + "END";
        ReportDocument big = new ReportBuilder().build(ReportFixtures.input(ReportFixtures.run("Big", huge, "")));
        assertTrue(new MarkdownReport().render(big).contains(huge));
        assertTrue(new HtmlReport().render(big).contains(huge));
    }

    /** Tens of seconds on a loaded 2-core machine: openhtmltopdf lays out ~60 pages for it. */
    @Test
    @Tag("slow")
    void aHundredKilobyteItemIsReportedWholeInPdf() throws Exception {
        String huge = "BEGIN" + "x".repeat(50_000) + " " + "y".repeat(50_000) + "END";
        ReportDocument big = new ReportBuilder().build(ReportFixtures.input(ReportFixtures.run("Big", huge, "")));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        ReportFormat.PDF.write(big, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("[\\s\u200B]", "");
            assertTrue(text.contains("BEGIN"), "start of the item");
            assertTrue(text.contains("END"), "end of the item");
            String item = text.substring(text.indexOf("BEGIN"), text.indexOf("END") + 3);
            assertEquals(huge.replace(" ", ""), item.replaceAll("[^BEGINDxy]", ""),
                    "every character of the item is in the PDF, in order");
        }
    }
}
