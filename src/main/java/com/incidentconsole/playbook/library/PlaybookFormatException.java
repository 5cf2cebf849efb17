package com.incidentconsole.playbook.library;

/**
 * A playbook file that is not a JSON object we can work with. Carries the 1-based line and column so that
 * the CLI and the editor can point at the spot instead of showing a stack trace.
 */
public final class PlaybookFormatException extends Exception {

    private final int line;
    private final int column;

    public PlaybookFormatException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** "line 3, column 7: unexpected character" — the form the CLI prints after the file name. */
    public String describe() {
        return line > 0 ? "line " + line + ", column " + column + ": " + getMessage() : getMessage();
    }
}
