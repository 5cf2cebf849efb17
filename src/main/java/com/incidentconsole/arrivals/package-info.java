/**
 * Which runs are news: a run started elsewhere that arrives while the console is open, as opposed to
 * the runs of the first load, a catch-up bringing back old ones, or a run the user started themselves.
 * Headless and unit-tested; the runs list and the run detail only say what this decides (issue #13 §5:
 * new-run detection is domain logic, not a formatter's).
 */
package com.incidentconsole.arrivals;
