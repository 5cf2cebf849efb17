package com.incidentconsole.playbook.library;


/** Reads playbook file text into a {@link PlaybookFile}. Thread-safe; build one and share it. */
public final class PlaybookParser {

    private final PlaybookJsonReader reader;

    public PlaybookParser(PlaybookJsonReader reader) {
        this.reader = reader;
    }

    public PlaybookParser() {
        this(new PlaybookJsonReader());
    }

    public PlaybookFile parse(String text) throws PlaybookFormatException {
        return PlaybookFile.parsed(text, reader.readObject(text));
    }
}
