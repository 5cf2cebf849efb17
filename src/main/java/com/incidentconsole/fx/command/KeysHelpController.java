package com.incidentconsole.fx;

import java.util.List;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The {@code ?} overlay listing every key. The groups come from the features that handle those
 * keys, so the overlay cannot promise a key nobody handles.
 */
public final class KeysHelpController {

    private final ResourceBundle bundle;
    private final List<KeyHintGroup> groups;
    private Overlay overlay;

    @FXML private StackPane keysLayer;
    @FXML private GridPane keysGrid;

    public KeysHelpController(ResourceBundle bundle, List<KeyHintGroup> groups) {
        this.bundle = bundle;
        this.groups = List.copyOf(groups);
    }

    @FXML
    private void initialize() {
        overlay = new Overlay(keysLayer).closingOnEscape();
        int row = 0;
        for (KeyHintGroup group : groups) {
            Label title = new Label(bundle.getString(group.titleKey()));
            title.getStyleClass().add("keys-group");
            keysGrid.add(title, 0, row++, 2, 1);
            for (KeyHint hint : group.hints()) {
                Label keys = new Label(hint.keys());
                keys.getStyleClass().add("key-cap");
                // The keys are the point of this card: never "Ctr...". The description wraps instead.
                keys.setMinWidth(Region.USE_PREF_SIZE);
                Label description = new Label(bundle.getString(hint.descriptionKey()));
                description.setWrapText(true);
                keysGrid.add(keys, 0, row);
                keysGrid.add(description, 1, row++);
            }
        }
        keysLayer.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // While the overlay shows, keys explain themselves instead of acting on the screen below.
            e.consume();
        });
        keysLayer.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter())) {
                hide();
            }
            e.consume();
        });
        keysLayer.setOnMouseClicked(e -> hide());
    }

    public boolean isShowing() {
        return overlay.isShowing();
    }

    public void toggle() {
        overlay.toggle(keysLayer);
    }

    private void hide() {
        overlay.hide();
    }
}
