package com.incidentconsole.playbook.library;

/**
 * One entry of the export's {@code conditions} block.
 *
 * @param description the expression as the server words it, e.g. {@code "Severity" is SEV-1}
 */
public record ConditionView(String id, String description) {
}
