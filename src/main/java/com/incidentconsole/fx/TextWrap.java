package com.incidentconsole.fx;

import com.incidentconsole.text.DisplayText;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;

/**
 * Wrapping for labels that show server text. JavaFX 23 throws from its layout when it wraps a line
 * inside right-to-left text ({@code PrismTextLayout.computeTrailingSpaceWidth}, any Hebrew or Arabic
 * sentence longer than its label), which leaves the view half laid out; such text therefore arrives
 * broken into short lines by {@link DisplayText} and is shown unwrapped, anything else wraps as usual.
 */
public final class TextWrap {

    private TextWrap() {
    }

    public static void unlessRightToLeft(Labeled label) {
        label.wrapTextProperty().bind(Bindings.createBooleanBinding(
                () -> !DisplayText.hasRightToLeft(label.getText()), label.textProperty()));
    }

    public static void unlessRightToLeft(Tooltip tooltip) {
        tooltip.wrapTextProperty().bind(Bindings.createBooleanBinding(
                () -> !DisplayText.hasRightToLeft(tooltip.getText()), tooltip.textProperty()));
    }
}
