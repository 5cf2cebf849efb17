package com.incidentconsole.report;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.TextNode;

/**
 * The HTML report laid out as PDF pages by openhtmltopdf. Fonts are bundled and embedded (subset), because PDF
 * has no fallback of its own: without them non-Latin names and emoji would print as {@code #}. DejaVu Sans
 * covers Latin, Greek, Cyrillic, Arabic and Hebrew letters; Droid Sans Fallback CJK; Symbola emoji and symbols.
 * openhtmltopdf falls back from one family to the next per character.
 */
public final class PdfReport {

    private static final String FONTS = "/report/fonts/";
    /**
     * PDFBox warns on stderr, at first use, that it maps the 14 standard PDF fonts to system ones; the report
     * embeds its own fonts and never uses those. Held here so the logger (and its level) is not collected.
     */
    private static final Logger PDFBOX = Logger.getLogger("org.apache.pdfbox");

    static {
        // Its own logging reports every CSS property it does not know at INFO; nothing a user can act on.
        XRLog.setLoggingEnabled(false);
        PDFBOX.setLevel(Level.SEVERE);
    }

    public void write(ReportDocument document, OutputStream out) throws IOException {
        org.jsoup.nodes.Document html = Jsoup.parse(new HtmlReport().render(document));
        offerBreaks(html);
        org.w3c.dom.Document xhtml = new W3CDom().fromJsoup(html);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        // Without these, right-to-left text is laid out left to right and Arabic letters stay in their isolated
        // forms: readable to nobody. ICU reorders by the Unicode bidi algorithm and joins the letters.
        builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
        builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
        builder.defaultTextDirection(BaseRendererBuilder.TextDirection.LTR);
        font(builder, "DejaVuSans.ttf", "DejaVu Sans", 400);
        font(builder, "DejaVuSans-Bold.ttf", "DejaVu Sans", 700);
        font(builder, "DejaVuSansMono.ttf", "DejaVu Sans Mono", 400);
        font(builder, "DroidSansFallbackFull.ttf", "Droid Sans Fallback", 400);
        font(builder, "Symbola.ttf", "Symbola", 400);
        builder.withW3cDocument(xhtml, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Gives very long unbroken runs (a pasted token, a 100 KB log line) a break opportunity every
     * {@value #RUN} characters. The layout engine finds breaks inside a word only by trying widths, which took
     * minutes for a 50,000-character word; a zero-width space is invisible and extracts as nothing visible.
     */
    static void offerBreaks(org.jsoup.nodes.Document html) {
        html.body().select("*").forEach(element -> element.textNodes()
                .forEach(text -> text.text(withBreaks(text.getWholeText()))));
    }

    private static final int RUN = 48;

    static String withBreaks(String text) {
        StringBuilder out = null;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            run = Character.isWhitespace(c) || c == '\u200B' ? 0 : run + 1;
            if (run > RUN && !Character.isLowSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + text.length() / RUN).append(text, 0, i);
                }
                out.append('\u200B');
                run = 1;
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static void font(PdfRendererBuilder builder, String file, String family, int weight) {
        builder.useFont(() -> {
            InputStream in = PdfReport.class.getResourceAsStream(FONTS + file);
            if (in == null) {
                throw new UncheckedIOException(new IOException("font " + file + " is missing from the build"));
            }
            return in;
        }, family, weight, BaseRendererBuilder.FontStyle.NORMAL, true);
    }
}
