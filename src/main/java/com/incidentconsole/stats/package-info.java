/**
 * Incident statistics over many runs, headless: counts per week, MTTA and MTTR (median and p90) and each
 * playbook metric over time, computed from run records the caller already holds (the local cache in the app,
 * the server's run pages on the command line). Definitions are in {@link com.incidentconsole.stats.IncidentStats}.
 */
package com.incidentconsole.stats;
