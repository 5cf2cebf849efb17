/**
 * Run reports, headless: a run's own record (the run, its playbook's metric definitions, the people's names,
 * the status updates' text) becomes one {@link com.incidentconsole.report.ReportDocument}, which each
 * {@link com.incidentconsole.report.ReportFormat} writes as Markdown, self-contained HTML or PDF. No JavaFX and
 * no network here: the app and the command line gather the input and choose the file.
 */
package com.incidentconsole.report;
