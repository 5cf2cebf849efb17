package com.incidentconsole.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 18: a hidden dialog costs the first pulse nothing, and works as before once shown. */
@ExtendWith(ApplicationExtension.class)
class DeferredLayersUiTest {

    private StackPane window;
    private Label main;
    private TextField field;
    private VBox dialog;
    private Label over;

    @Start
    void start(Stage stage) {
        window = new StackPane(new Label("connecting"));
        stage.setScene(new Scene(window, 400, 300));
        stage.show();
    }

    /** As the app does when the workspace is there: the main view, then the features' layers over it, in one turn. */
    private void workspaceArrives(FxRobot fx) {
        fx.interact(() -> {
            main = new Label("runs");
            field = new TextField();
            dialog = new VBox(field);
            over = new Label("over the dialog");
            StackPane view = new StackPane(main);
            DeferredLayers.deferHiddenAtFirstPulse(view);
            window.getChildren().setAll(view);
            dialog.setVisible(false);
            over.setVisible(false);
            view.getChildren().addAll(dialog, over);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aHiddenLayerIsOutOfTheSceneUntilShownThenInItsOwnPlaceStyledAndFocusable(FxRobot fx) {
        workspaceArrives(fx);
        StackPane view = (StackPane) main.getParent();
        assertNull(dialog.getScene(), "not styled in the first pulse");
        assertNull(field.getSkin());
        assertSame(main, view.getChildren().get(0), "the visible view stays");

        fx.interact(() -> {
            dialog.setVisible(true);
            assertNotNull(field.getSkin(), "styled as it joins, before the focus moves in");
            field.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, view.getChildren().indexOf(dialog), "under the layer that was over it");
        assertSame(field, view.getScene().getFocusOwner());
        fx.interact(() -> dialog.setVisible(false));
        assertSame(view, dialog.getParent(), "stays once shown");
        assertEquals(List.of(main, dialog), view.getChildren().subList(0, 2));
    }

    /**
     * A banner whose visibility and text follow a view-model's line, and that nothing else holds: kept out of the
     * scene, it must still show when the line fills in, after any number of garbage collections (it did not).
     */
    @Test
    void aBoundLayerNothingElseHoldsStillShowsAfterCollections(FxRobot fx) {
        SimpleStringProperty line = new SimpleStringProperty("");
        fx.interact(() -> {
            StackPane view = new StackPane(new Label("runs"));
            Label banner = new Label();
            banner.setId("banner");
            banner.textProperty().bind(line);
            banner.visibleProperty().bind(line.isNotEmpty());
            DeferredLayers.deferHiddenAtFirstPulse(view);
            window.getChildren().setAll(view);
            view.getChildren().add(banner);
        });
        WaitForAsyncUtils.waitForFxEvents();
        WeakReference<Object> garbage = new WeakReference<>(new Object());
        while (garbage.get() != null) {
            System.gc(); // until a collection has certainly run
        }

        fx.interact(() -> line.set("Starting “SEV-1” … offline"));
        WaitForAsyncUtils.waitForFxEvents();

        Label shown = fx.lookup("#banner").queryAs(Label.class);
        assertEquals("Starting “SEV-1” … offline", shown.getText());
        assertTrue(shown.isVisible());
    }
}
