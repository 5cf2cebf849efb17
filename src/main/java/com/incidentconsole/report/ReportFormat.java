package com.incidentconsole.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /**
     * Writes {@code document} to {@code file}: beside it first, then moved into place, so a failed export never
     * leaves half a report under its name and an earlier report stays until the new one is whole.
     */
    public void writeFile(ReportDocument document, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(folder, "." + file.getFileName(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                write(document, out);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public void write(ReportDocument document, OutputStream out) throws IOException {
        switch (this) {
            case MARKDOWN -> out.write(new MarkdownReport().render(document).getBytes(StandardCharsets.UTF_8));
            case HTML -> out.write(new HtmlReport().render(document).getBytes(StandardCharsets.UTF_8));
            case PDF -> new PdfReport().write(document, out);
        }
    }
}
