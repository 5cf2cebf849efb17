package com.incidentconsole.sandbox.runs;

import java.util.regex.Pattern;

/**
 * The part of {@code github.com/writeas/go-strip-markdown} ({@code stripmd.Strip}) that item titles
 * meet: the plugin strips titles before quoting them in bold in timeline summaries and DMs. Links
 * become their text, images their alt text, emphasis/code/strike markers and heading marks go.
 */
final class MarkdownText {

    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|~~|\\*|_|`)(\\S(?:.*?\\S)?)\\1");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s*");

    private MarkdownText() {
    }

    static String strip(String text) {
        String out = IMAGE.matcher(text).replaceAll("$1");
        out = LINK.matcher(out).replaceAll("$1");
        String previous;
        do {
            previous = out;
            out = EMPHASIS.matcher(out).replaceAll("$2");
        } while (!out.equals(previous));
        return HEADING.matcher(out).replaceAll("");
    }
}
