/**
 * What people type for durations, metric values and times, parsed and formatted the same way wherever it is
 * typed: the command line now, the retrospective editor later. Headless: no JavaFX, no network.
 */
package com.incidentconsole.entry;
