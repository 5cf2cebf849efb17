package com.incidentconsole.playbook.library.validate;

/**
 * One finding of the validator.
 *
 * @param path machine path of the field, e.g. {@code checklists[1].items[3].command} (empty = the document)
 * @param location the same place for people, e.g. {@code checklist “Triage” › item “Page DBA” › command}
 * @param message what is wrong and why it matters
 */
public record Problem(Severity severity, String path, String location, String message) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
