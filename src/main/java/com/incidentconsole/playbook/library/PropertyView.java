package com.incidentconsole.playbook.library;

/**
 * One entry of the export's {@code properties} block (a playbook attribute such as "Severity"), as far as the
 * editor needs it to offer it by name; the block itself is kept unchanged.
 */
public record PropertyView(String id, String name, String type) {
}
