package com.incidentconsole.playbook.editor;

/**
 * One entry of a choice box bound to an enumerated field: the exact value written to the file and what people
 * read. {@code known} is false for a value the file has but the server does not list: it is shown and kept, never
 * silently replaced by one of the known values.
 */
record Choice(String value, String label, boolean known) {

    static Choice of(String value, String label) {
        return new Choice(value, label, true);
    }

    @Override
    public String toString() {
        return label;
    }
}
