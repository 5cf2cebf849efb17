/**
 * Records for every server type the console reads or writes, with the server's exact JSON field
 * names, and the one Jackson configuration ({@link WireJson}). No I/O happens here.
 *
 * <p>Field names follow the server's snake_case through the mapper's naming strategy; a component
 * whose wire name is not the snake_case of its Java name carries an explicit {@code @JsonProperty}.
 * Every list component is normalised to an immutable, never-null list, because the server emits
 * {@code []}, {@code null} or nothing depending on version and field.
 */
package com.incidentconsole.wire;
