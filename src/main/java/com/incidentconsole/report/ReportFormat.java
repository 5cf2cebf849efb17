package com.incidentconsole.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The formats a run report is written in; each knows its file extension and how to write a document. */
public enum ReportFormat {
    MARKDOWN("md", "Markdown"),
    HTML("html", "HTML (one self-contained file)"),
    PDF("pdf", "PDF");

    private final String extension;
    private final String displayName;

    ReportFormat(String extension, String displayName) {
        this.extension = extension;
        this.displayName = displayName;
    }

    public String extension() {
        return extension;
    }

    public String displayName() {
        return displayName;
    }

    /** {@code md}, {@code markdown}, {@code html}, {@code pdf}, any case. */
    public static Optional<ReportFormat> parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "md", "markdown" -> Optional.of(MARKDOWN);
            case "html", "htm" -> Optional.of(HTML);
            case "pdf" -> Optional.of(PDF);
            default -> Optional.empty();
        };
    }

    public void write(ReportDocument document, OutputStream out) throws IOException {
        switch (this) {
            case MARKDOWN -> out.write(new MarkdownReport().render(document).getBytes(StandardCharsets.UTF_8));
            case HTML -> out.write(new HtmlReport().render(document).getBytes(StandardCharsets.UTF_8));
            case PDF -> new PdfReport().write(document, out);
        }
    }
}
