package com.incidentconsole.checklist;

import java.util.HashMap;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Draws the stage checklists and keeps keyboard focus on the view-model's cursor item. Keys are
 * mapped by the run detail, which owns the whole screen's keymap.
 */
public final class ChecklistController {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private final ChecklistViewModel viewModel;
    private final ResourceBundle bundle;
    private final Map<ItemRow, ItemNode> nodes = new HashMap<>();

    @FXML private ScrollPane checklists;
    @FXML private VBox stagesBox;

    public ChecklistController(ChecklistViewModel viewModel, ResourceBundle bundle) {
        this.viewModel = viewModel;
        this.bundle = bundle;
    }

    @FXML
    private void initialize() {
        viewModel.stages().addListener((ListChangeListener<StageRow>) change -> rebuild());
        viewModel.focusedProperty().addListener((obs, old, now) -> {
            if (old != null && nodes.containsKey(old)) {
                nodes.get(old).showCursor(false);
            }
            if (now != null && nodes.containsKey(now)) {
                nodes.get(now).showCursor(true);
                // A live update to the run behind the list must not steal the keyboard from the table.
                if (isShowing()) {
                    focusCursor();
                }
            }
        });
        rebuild();
    }

    /** Puts keyboard focus on the cursor item, scrolled into view. */
    public void focusCursor() {
        ItemNode node = nodes.get(viewModel.focusedProperty().get());
        if (node != null) {
            node.requestFocus();
            reveal(node);
        } else {
            checklists.requestFocus();
        }
    }

    private boolean isShowing() {
        for (Node n = checklists; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return checklists.getScene() != null;
    }

    private void rebuild() {
        nodes.clear();
        stagesBox.getChildren().clear();
        for (StageRow stage : viewModel.stages()) {
            stagesBox.getChildren().add(section(stage));
        }
        ItemRow cursor = viewModel.focusedProperty().get();
        if (cursor != null && nodes.containsKey(cursor)) {
            nodes.get(cursor).showCursor(true);
        }
    }

    private VBox section(StageRow stage) {
        Label title = new Label(stage.title());
        title.getStyleClass().add("stage-title");
        Label progress = new Label();
        progress.getStyleClass().add("stage-progress");
        progress.textProperty().bind(stage.progressProperty());
        Label current = new Label(bundle.getString("stage.current"));
        current.getStyleClass().add("stage-current-badge");
        current.visibleProperty().bind(stage.currentProperty());
        current.managedProperty().bind(stage.currentProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, current, spacer, progress);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("stage-header");

        VBox section = new VBox(4, header);
        section.getStyleClass().add("stage");
        section.getProperties().put("stageIndex", stage.index());
        section.pseudoClassStateChanged(CURRENT, stage.currentProperty().get());
        stage.currentProperty().addListener((obs, was, is) -> section.pseudoClassStateChanged(CURRENT, is));
        for (ItemRow item : stage.items()) {
            ItemNode node = new ItemNode(item, bundle);
            node.focusedProperty().addListener((obs, was, is) -> {
                if (is) {
                    viewModel.focus(item);
                }
            });
            node.setOnMouseClicked(e -> viewModel.focus(item));
            nodes.put(item, node);
            section.getChildren().add(node);
        }
        return section;
    }

    private void reveal(Node node) {
        Bounds viewport = checklists.getViewportBounds();
        double contentHeight = stagesBox.getBoundsInLocal().getHeight();
        double scrollable = contentHeight - viewport.getHeight();
        if (scrollable <= 0) {
            return;
        }
        Bounds inContent = stagesBox.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = checklists.getVvalue() * scrollable;
        if (inContent.getMinY() < top) {
            checklists.setVvalue(inContent.getMinY() / scrollable);
        } else if (inContent.getMaxY() > top + viewport.getHeight()) {
            checklists.setVvalue((inContent.getMaxY() - viewport.getHeight()) / scrollable);
        }
    }
}
