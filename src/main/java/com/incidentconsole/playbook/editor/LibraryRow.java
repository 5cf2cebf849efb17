package com.incidentconsole.playbook.editor;

/**
 * One playbook file as the library list shows it.
 *
 * @param unreadable why the file could not be read as a playbook, or null
 * @param server the server it was pulled from, or empty when it is a local-only file
 * @param changedSincePull the file differs from what was pulled (push would send something)
 */
record LibraryRow(String file, String title, int errors, int warnings, String server, boolean changedSincePull,
        String unreadable) {
}
