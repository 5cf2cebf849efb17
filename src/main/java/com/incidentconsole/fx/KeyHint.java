package com.incidentconsole.fx;

/**
 * One line of the keys overlay: the keys as the user presses them and the bundle key of what they do.
 * Each feature lists its own hints next to the code that handles those keys, so the two stay in step.
 */
public record KeyHint(String keys, String descriptionKey) {
}
