package com.incidentconsole.fx;

import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * What every in-window overlay does the same way: it takes no space while hidden, remembers who had the
 * keyboard when it opened, and gives the keyboard back when it closes. The overlay's own
 * controller decides what showing means (select a first row) and which node gets the keyboard.
 */
public final class Overlay {

    private final Node layer;
    private Runnable onHidden = () -> { };
    private Node returnFocusTo;

    /** Binds {@code managed} to {@code visible} and starts hidden. */
    public Overlay(Node layer) {
        this.layer = Objects.requireNonNull(layer);
        layer.managedProperty().bind(layer.visibleProperty());
        layer.setVisible(false);
    }

    /** Runs after every close, after focus went back; for a caller that must also repaint or forget state. */
    public Overlay onHidden(Runnable action) {
        this.onHidden = Objects.requireNonNull(action);
        return this;
    }

    public boolean isShowing() {
        return layer.isVisible();
    }

    /** Shows the layer and hands the keyboard to {@code focus}; the current focus owner is kept for later. */
    public void show(Node focus) {
        boolean opening = !isShowing();
        // Visible first: a layer kept out of the scene until first shown (DeferredLayers) is in it from here on.
        layer.setVisible(true);
        if (opening) {
            Scene scene = layer.getScene();
            returnFocusTo = scene == null ? null : scene.getFocusOwner();
        }
        (focus == null ? layer : focus).requestFocus();
    }

    public void hide() {
        if (!isShowing()) {
            return;
        }
        layer.setVisible(false);
        Node back = returnFocusTo;
        returnFocusTo = null;
        // The node that had focus may have left the scene meanwhile (a rebuilt checklist): then nobody gets it.
        if (back != null && back.getScene() != null) {
            back.requestFocus();
        }
        onHidden.run();
    }

    public void toggle(Node focus) {
        if (isShowing()) {
            hide();
        } else {
            show(focus);
        }
    }
}
