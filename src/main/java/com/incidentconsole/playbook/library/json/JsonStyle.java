package com.incidentconsole.playbook.library.json;

/**
 * How a JSON text is laid out, so that a re-serialised document looks like the file it came from.
 *
 * @param indent one level of indentation; empty means the whole document is on one line
 * @param escapeHtml write {@code < > &} as {@code \u003c \u003e \u0026}, as Go's encoding/json does by default
 * @param lineSeparator {@code "\n"} or {@code "\r\n"}
 * @param finalNewline whether the text ends with a line separator
 */
public record JsonStyle(String indent, boolean escapeHtml, String lineSeparator, boolean finalNewline) {

    /**
     * The server's export: {@code json.MarshalIndent(export, "", "    ")} in server/app/export.go, which HTML-escapes
     * and has no trailing newline. We add one final newline because these are files under version control and
     * POSIX tools (and git diffs) expect it; it is the only deviation from the server's bytes.
     */
    public static final JsonStyle CANONICAL = new JsonStyle("    ", true, "\n", true);

    /** Guesses the style of an existing text so edits keep the look of the rest of the file. */
    public static JsonStyle detect(String text) {
        String separator = text.contains("\r\n") ? "\r\n" : "\n";
        boolean finalNewline = text.endsWith("\n");
        String body = text.strip();
        String indent = "";
        int firstBreak = body.indexOf('\n');
        if (firstBreak >= 0) {
            int start = firstBreak + 1;
            int end = start;
            while (end < body.length() && (body.charAt(end) == ' ' || body.charAt(end) == '\t')) {
                end++;
            }
            indent = end > start ? body.substring(start, end) : "    ";
        }
        boolean escapeHtml = text.contains("\\u003c") || text.contains("\\u003e") || text.contains("\\u0026")
                || !(text.contains("<") || text.contains(">") || text.contains("&"));
        return new JsonStyle(indent, escapeHtml, separator, finalNewline);
    }
}
