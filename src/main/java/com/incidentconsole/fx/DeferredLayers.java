package com.incidentconsole.fx;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Keeps a window's hidden layers — dialogs, panels and overlays over the main view, the run detail behind the list —
 * out of the scene until each is first shown (issue 18, docs/adr/0035). A node in the scene gets its CSS and its
 * controls' skins in the first pulse whether it is visible or not, and the hidden text fields, combo boxes, lists and
 * split panes were most of that pulse's work before the runs list could take a key. A deferred layer leaves an empty
 * placeholder where it was, so what lies over what stays as built; the first time it turns visible it takes the
 * placeholder's place (before the code that showed it moves the focus into it), is styled at once so its controls
 * take keys, and stays for good. Code that holds the layer's nodes works on them as before; only a scene look-up
 * does not find them while they were never shown.
 */
public final class DeferredLayers {

    private DeferredLayers() {
    }

    /**
     * Defers every child of {@code parent} that is hidden when the first pulse after {@code parent} joins a scene
     * begins — after whatever code added layers to it in the same turn of the FX thread, before that pulse's CSS.
     */
    public static void deferHiddenAtFirstPulse(Pane parent) {
        parent.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> property, Scene was, Scene scene) {
                if (scene == null) {
                    return;
                }
                property.removeListener(this);
                Runnable once = new Runnable() {
                    private boolean done;

                    @Override
                    public void run() {
                        if (!done) {
                            done = true;
                            deferHidden(parent);
                            // Not inside the pulse listener: the scene is walking its list of them.
                            afterThisPulse(() -> scene.removePreLayoutPulseListener(this));
                        }
                    }
                };
                scene.addPreLayoutPulseListener(once);
            }
        });
    }

    /** From the FX thread to itself: runs {@code task} once the pulse under way has ended. */
    private static void afterThisPulse(Runnable task) {
        Platform.runLater(task);
    }

    /** Defers every child of {@code parent} that is hidden now. FX thread, before the scene's first pulse. */
    public static void deferHidden(Pane parent) {
        for (Node layer : List.copyOf(parent.getChildren())) {
            if (!layer.isVisible()) {
                defer(parent, layer);
            }
        }
    }

    /** Defers {@code layer}, a child of {@code parent}, until it is first made visible. FX thread. */
    public static void defer(Pane parent, Node layer) {
        int at = parent.getChildren().indexOf(layer);
        if (at < 0 || layer.isVisible()) {
            return;
        }
        Region placeholder = new Region();
        placeholder.setManaged(false);
        placeholder.setVisible(false);
        placeholder.setMouseTransparent(true);
        // Out of the scene, a layer whose visibility is bound to a view-model's property would be held only by
        // that property's weak listener: collected, it would never show (the offline "Starting …" banner did not,
        // after a GC). The placeholder, which is in the scene, holds it.
        placeholder.getProperties().put(DeferredLayers.class, layer);
        parent.getChildren().set(at, placeholder);
        layer.visibleProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> visible, Boolean was, Boolean now) {
                if (!now) {
                    return;
                }
                visible.removeListener(this);
                int place = parent.getChildren().indexOf(placeholder);
                if (place < 0) {
                    return; // its place was removed meanwhile (the view replaced): nothing to come back into
                }
                placeholder.getProperties().remove(DeferredLayers.class);
                parent.getChildren().set(place, layer);
                layer.applyCss();
            }
        });
    }
}
