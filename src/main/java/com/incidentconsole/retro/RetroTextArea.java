package com.incidentconsole.retro;

import com.incidentconsole.markdown.MarkdownHighlight;
import java.util.Collection;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The retrospective's Markdown source in a RichTextFX {@link CodeArea}, coloured by {@link MarkdownHighlight}
 * (headings, emphasis, code, links, list markers, quotes; the CSS is app.css's {@code .retro-text}). The area and
 * the view-model's text follow each other; the colouring is recomputed after the keystroke has been applied (once
 * for keystrokes that arrive together): ≈ 0.4 ms for a 6 KB text, see {@code RetroAutosaveBenchmark}.
 */
final class RetroTextArea {

    private final CodeArea area = new CodeArea();
    private final MarkdownHighlight highlight = new MarkdownHighlight();
    private boolean scheduled;

    RetroTextArea(StringProperty text, String accessibleText) {
        area.setId("retroText");
        area.getStyleClass().add("retro-text");
        area.setWrapText(true);
        area.setAccessibleText(accessibleText);
        show(text.get());
        text.addListener((obs, old, now) -> {
            if (!now.equals(area.getText())) {
                show(now);
            }
        });
        area.textProperty().addListener((obs, old, now) -> {
            if (!now.equals(text.get())) {
                text.set(now);
            }
            schedule();
        });
        highlightNow();
    }

    /** A text from elsewhere (the draft, the server, a merge): read from the top, no undo back past it. */
    private void show(String now) {
        area.replaceText(now);
        area.moveTo(0);
        area.requestFollowCaret();
        area.getUndoManager().forgetHistory();
    }

    private void schedule() {
        if (!scheduled) {
            scheduled = true;
            Platform.runLater(this::highlightNow);
        }
    }

    /** Package-visible for the benchmark, which times it per keystroke. */
    void highlightNow() {
        scheduled = false;
        List<MarkdownHighlight.Run> runs = highlight.runs(area.getText());
        if (!runs.isEmpty()) {
            StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>(runs.size());
            runs.forEach(r -> spans.add(r.kinds().stream().map(MarkdownHighlight.Kind::styleClass).toList(),
                    r.length()));
            area.setStyleSpans(0, spans.create());
        }
    }

    /** Inserts at the caret (replacing a selection), as its own paragraph, and keeps typing where it ends. */
    void insertAtCaret(String markdown) {
        int caret = area.getCaretPosition();
        String before = area.getText(0, caret);
        String lead = before.isEmpty() || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
        area.replaceSelection(lead + markdown);
        area.requestFollowCaret();
        area.requestFocus();
    }

    CodeArea node() {
        return area;
    }
}
