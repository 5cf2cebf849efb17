/**
 * Triage of the runs list, headless: which runs a set of filter chips lets through ({@link
 * com.incidentconsole.triage.RunFilter}), the order a chosen column and direction give ({@link
 * com.incidentconsole.triage.RunSort}), and a run's progress as the user sees it with their pending
 * ticks counted ({@link com.incidentconsole.triage.PendingProgress}). The runs list view only renders these.
 */
package com.incidentconsole.triage;
