package com.incidentconsole.text;

import java.text.BreakIterator;

/**
 * What any text from the server may look like on screen: bounded in length, made of whole characters
 * as the user perceives them, with nothing that changes how the rest of it reads.
 *
 * <p>Every name, summary, title, command and timeline text passes through here before it reaches a
 * label. The cut must happen here, in plain Java, because JavaFX shapes and measures a label's whole
 * text on the UI thread at every layout: a 100 KB run name in Arabic and emoji kept that thread in
 * Pango for minutes (probe H3), and a 100 KB line without spaces kept it in the line breaker.
 *
 * <ul>
 *   <li>Cuts fall between grapheme clusters ({@link BreakIterator#getCharacterInstance()}), so an emoji
 *       ZWJ sequence, a flag or a letter with its accents is never split into something else.</li>
 *   <li>A cluster keeps at most {@value #MAX_MARKS} combining marks: real scripts stack a few, "Zalgo"
 *       stacks hundreds, which paint over the lines around them.</li>
 *   <li>Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the implicit marks
 *       (U+200E, U+200F, U+061C) are removed: they only change the order in which the other characters
 *       are shown, so "‮exe.live" can no longer pose as "evil.exe" and "1‏-2" as "2-1" (probe L9).
 *       The letters themselves keep their direction; each label is its own paragraph, so an Arabic
 *       name cannot reorder the text around it either.</li>
 *   <li>Control characters are shown as their visible pictures (␛, ␇, ␀), never interpreted.</li>
 *   <li>Long runs without a break opportunity get invisible break points in paragraphs, so wrapping
 *       stays linear.</li>
 * </ul>
 *
 * <p>Pure functions of their input: no JavaFX, callable on any thread.
 */
public final class DisplayText {

    /** Combining marks kept per grapheme cluster; Vietnamese and Hebrew with cantillation stay under four. */
    public static final int MAX_MARKS = 6;
    /** UTF-16 units kept per cluster: a family emoji is 11, a subdivision flag 14. */
    static final int MAX_CLUSTER_CHARS = 32;
    /** A word longer than this gets a zero-width break opportunity in paragraphs. */
    static final int MAX_UNBROKEN = 48;
    static final String ELLIPSIS = "…";
    /** Perceived characters per line of right-to-left text: a line a narrow column still shows whole. */
    static final int RTL_LINE = 60;
    private static final char ZERO_WIDTH_SPACE = '\u200B';

    private DisplayText() {
    }

    /**
     * One line, for names and titles: line breaks and runs of white space become one space, and the
     * text is cut after {@code maxGraphemes} perceived characters with an ellipsis.
     */
    public static String line(String raw, int maxGraphemes) {
        return clip(raw, maxGraphemes, 1, true).text();
    }

    /**
     * A paragraph, for summaries and descriptions: keeps its line breaks, at most {@code maxLines} of
     * them and {@code maxGraphemes} characters in all; says whether anything was cut.
     */
    public static Clip paragraph(String raw, int maxLines, int maxGraphemes) {
        return clip(raw, maxGraphemes, maxLines, false);
    }

    /**
     * Whether the text holds right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko…). JavaFX 23
     * throws {@code ArrayIndexOutOfBoundsException} in {@code PrismTextLayout.computeTrailingSpaceWidth}
     * when it wraps a line inside right-to-left text (any Hebrew or Arabic sentence longer than its label),
     * so such text is shown unwrapped and arrives already broken into lines by {@link #paragraph}.
     */
    public static boolean hasRightToLeft(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            byte direction = Character.getDirectionality(cp);
            if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /**
     * A long line of right-to-left text broken into lines of at most {@value #RTL_LINE} characters, at
     * the last space where there is one; other text is returned as it is, for the label to wrap.
     */
    public static String foldRightToLeft(String text) {
        if (!hasRightToLeft(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + text.length() / RTL_LINE + 1);
        BreakIterator clusters = BreakIterator.getCharacterInstance();
        clusters.setText(text);
        int inLine = 0;
        int lastSpace = -1;
        int start = clusters.first();
        for (int end = clusters.next(); end != BreakIterator.DONE; start = end, end = clusters.next()) {
            char first = text.charAt(start);
            if (first == '\n') {
                out.append('\n');
                inLine = 0;
                lastSpace = -1;
                continue;
            }
            if (inLine == RTL_LINE) {
                if (lastSpace >= 0) {
                    out.setCharAt(lastSpace, '\n');
                    inLine = countClusters(out, lastSpace + 1);
                } else {
                    out.append('\n');
                    inLine = 0;
                }
                lastSpace = -1;
            }
            if (first == ' ') {
                lastSpace = out.length();
            }
            out.append(text, start, end);
            inLine++;
        }
        return out.toString();
    }

    private static int countClusters(CharSequence s, int from) {
        BreakIterator clusters = BreakIterator.getCharacterInstance();
        clusters.setText(s.subSequence(from, s.length()).toString());
        int n = 0;
        while (clusters.next() != BreakIterator.DONE) {
            n++;
        }
        return n;
    }

    /** The shown text, whether some of the original is not in it, and how many lines the original has. */
    public record Clip(String text, boolean clipped, int totalLines) {
    }

    private static Clip clip(String raw, int maxGraphemes, int maxLines, boolean singleLine) {
        return clip(raw, maxGraphemes, maxLines, singleLine, true);
    }

    /** {@link #line} without its shortcut for plain text: the tests hold the two to the same answers. */
    static String walkedLine(String raw, int maxGraphemes) {
        return clip(raw, maxGraphemes, 1, true, false).text();
    }

    private static Clip clip(String raw, int maxGraphemes, int maxLines, boolean singleLine, boolean shortcut) {
        if (raw == null || raw.isEmpty()) {
            return new Clip("", false, 0);
        }
        if (maxGraphemes < 1 || maxLines < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxGraphemes + ", " + maxLines);
        }
        if (shortcut && singleLine && raw.length() <= maxGraphemes && isPlainLine(raw)) {
            // The common name or title: what the walk below would return unchanged, without a BreakIterator.
            return new Clip(raw, false, 1);
        }
        int totalLines = singleLine ? 1 : countLines(raw);
        // Never walk more of the input than the limits can show: the rest of a 100 KB name costs nothing.
        long budget = (long) maxGraphemes * MAX_CLUSTER_CHARS + 2L * maxLines + 16;
        boolean cutEarly = raw.length() > budget;
        String sanitized = sanitize(cutEarly ? raw.substring(0, safeEnd(raw, (int) budget)) : raw, singleLine);
        if (singleLine) {
            sanitized = sanitized.strip();
        }
        StringBuilder out = new StringBuilder(Math.min(sanitized.length(), maxGraphemes * 4) + 8);
        BreakIterator clusters = BreakIterator.getCharacterInstance();
        clusters.setText(sanitized);
        int graphemes = 0;
        int lines = 1;
        int unbroken = 0;
        boolean clipped = false;
        int start = clusters.first();
        for (int end = clusters.next(); end != BreakIterator.DONE; start = end, end = clusters.next()) {
            if (graphemes == maxGraphemes) {
                clipped = true;
                break;
            }
            char first = sanitized.charAt(start);
            if (first == '\n') {
                if (lines == maxLines) {
                    clipped = true;
                    break;
                }
                lines++;
                unbroken = 0;
            } else if (Character.isWhitespace(first)) {
                unbroken = 0;
            } else if (!singleLine && ++unbroken > MAX_UNBROKEN) {
                out.append(ZERO_WIDTH_SPACE);
                unbroken = 1;
            }
            appendCluster(out, sanitized, start, end);
            graphemes++;
        }
        if (!clipped && cutEarly) {
            clipped = true;
        }
        String text = singleLine ? out.toString().strip() : stripTrailing(out);
        if (clipped) {
            text = text + ELLIPSIS;
        }
        if (!singleLine) {
            text = foldRightToLeft(text);
        }
        return new Clip(text, clipped, totalLines);
    }

    /** Keeps a cluster's base and its first few marks; drops the rest of a Zalgo stack. */
    private static void appendCluster(StringBuilder out, String s, int start, int end) {
        if (end - start <= 2) {
            out.append(s, start, end);
            return;
        }
        int marks = 0;
        int kept = 0;
        for (int i = start; i < end; ) {
            int cp = s.codePointAt(i);
            int size = Character.charCount(cp);
            i += size;
            if (kept + size > MAX_CLUSTER_CHARS) {
                return;
            }
            int type = Character.getType(cp);
            if ((type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) && ++marks > MAX_MARKS) {
                continue;
            }
            out.appendCodePoint(cp);
            kept += size;
        }
    }

    /** Maps every code point to what may be shown; one line folds breaks and white space runs into a space. */
    static String sanitize(String raw, boolean singleLine) {
        StringBuilder out = new StringBuilder(raw.length());
        boolean lastSpace = false;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (cp > 0x20 && cp < 0x7F) {
                // Printable ASCII, nearly every character of a name or title, is shown as it is: no String per
                // character (startup builds 1,180 rows' worth, the storm thousands a second).
                out.append((char) cp);
                lastSpace = false;
                continue;
            }
            if (cp == '\r' && i < raw.length() && raw.charAt(i) == '\n') {
                continue;
            }
            String shown = shown(cp, singleLine);
            if (shown == null) {
                continue;
            }
            if (singleLine && " ".equals(shown)) {
                if (!lastSpace) {
                    out.append(' ');
                }
                lastSpace = true;
                continue;
            }
            lastSpace = false;
            out.append(shown);
        }
        return out.toString();
    }

    /** What one code point becomes on screen; {@code null} when it is dropped. */
    private static String shown(int cp, boolean singleLine) {
        switch (cp) {
            case '\n', '\r', 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                return singleLine ? " " : "\n";
            case '\t':
                return singleLine ? " " : "    ";
            case 0x7F:
                return "\u2421";
            case 0x200E, 0x200F, 0x061C, 0xFEFF, 0xFFF9, 0xFFFA, 0xFFFB:
                return null;
            default:
                break;
        }
        if (cp < 0x20) {
            return String.valueOf((char) (0x2400 + cp));
        }
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
            return null;
        }
        if (cp >= 0x80 && cp <= 0x9F) {
            return "\uFFFD";
        }
        if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
            return "\uFFFD";
        }
        if (singleLine && Character.isWhitespace(cp)) {
            return " ";
        }
        return new String(Character.toChars(cp));
    }

    /** Printable ASCII only, single spaces between words and none at the ends: every char is its own grapheme. */
    private static boolean isPlainLine(String raw) {
        char previous = ' ';
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c >= 0x7F || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return previous != ' ';
    }

    private static int countLines(String raw) {
        int lines = 1;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == raw.length() || raw.charAt(i + 1) != '\n'))
                    || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                lines++;
            }
        }
        return lines;
    }

    /** An end index that does not split a surrogate pair. */
    private static int safeEnd(String s, int end) {
        return Character.isHighSurrogate(s.charAt(end - 1)) ? end - 1 : end;
    }

    private static String stripTrailing(StringBuilder out) {
        int end = out.length();
        while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
            end--;
        }
        int start = 0;
        while (start < end && out.charAt(start) == '\n') {
            start++;
        }
        return out.substring(start, end);
    }
}
