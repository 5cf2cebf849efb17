/**
 * Markdown as the console shows it: the server's text (summaries, status updates, retrospectives) parsed with
 * commonmark into plain blocks and styled spans that a view can draw without a browser. Raw HTML is shown as
 * the text it is, links as their text and address: nothing is ever loaded. Headless, no JavaFX.
 */
package com.incidentconsole.markdown;
