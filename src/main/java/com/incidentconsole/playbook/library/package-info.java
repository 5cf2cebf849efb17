/**
 * Offline playbook authoring: playbook files in the server's export format, edited, checked, compared and
 * merged without a server. Headless (no JavaFX): the {@code playbook} CLI and the editor UI both sit on it.
 *
 * <ul>
 *   <li>{@link com.incidentconsole.playbook.library.PlaybookParser} reads text into an immutable
 *       {@link com.incidentconsole.playbook.library.PlaybookFile}; typed accessors and {@code with…} edits;
 *       {@code toText()} (byte-identical when unedited, file's own style when edited) and
 *       {@code toCanonicalText()} (the server's export layout, what {@code playbook fmt} writes).</li>
 *   <li>{@link com.incidentconsole.playbook.library.TemplateConversion} turns a built-in template into a new
 *       export document ("new from template").</li>
 *   <li>{@code validate.PlaybookValidator} → {@code Problem}s with a machine path and a readable location.</li>
 *   <li>{@code diff.PlaybookDiff} → {@code Change}s; {@code diff.DiffRenderer} for text.</li>
 *   <li>{@code merge.PlaybookMerge} → merged file plus {@code Conflict}s.</li>
 *   <li>{@code store.PlaybookLibrary}: a folder of files plus the {@code .incident-console/library.json} sidecar
 *       of {@code SyncRecord}s; atomic writes.</li>
 *   <li>{@code sync.PushPlanner} and {@code sync.ExportOverlay}: what push must decide and send, for the push
 *       command to be built on the REST client.</li>
 * </ul>
 */
package com.incidentconsole.playbook.library;
