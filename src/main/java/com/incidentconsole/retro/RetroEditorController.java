package com.incidentconsole.retro;

import com.incidentconsole.fx.MarkdownView;
import com.incidentconsole.markdown.MarkdownBlocks;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;

/**
 * Binds the retrospective editor: the Markdown source with its colouring ({@link RetroTextArea}), its live
 * preview, the metrics with their inline errors, the state line, the switch, the reminder and the merge layer.
 * Renders only; what happens is the view-model's.
 */
public final class RetroEditorController {

    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");

    private final RetroEditorViewModel viewModel;
    private final MarkdownBlocks parser;
    private final ResourceBundle bundle;
    private final String keys;
    private final String mergeKeys;
    private MarkdownView preview;
    private boolean previewScheduled;

    @FXML private StackPane retroRoot;
    @FXML private Label titleLabel;
    @FXML private Label stateLabel;
    @FXML private CheckBox enabledBox;
    @FXML private Label reminderLabel;
    @FXML private Label noticeLabel;
    @FXML private Label errorLabel;
    @FXML private Label questionLabel;
    @FXML private StackPane editorHolder;
    private RetroTextArea editor;
    @FXML private ScrollPane previewScroll;
    @FXML private Label noMetrics;
    @FXML private GridPane metricsGrid;
    @FXML private Label keysLabel;
    @FXML private VBox mergePane;
    @FXML private Label mergeSummary;
    @FXML private TextArea mergeBase;
    @FXML private TextArea mergeMine;
    @FXML private TextArea mergeTheirs;
    @FXML private TextArea mergedText;
    @FXML private Label mergeKeysLabel;

    RetroEditorController(RetroEditorViewModel viewModel, MarkdownBlocks parser, ResourceBundle bundle, String keys,
                          String mergeKeys) {
        this.viewModel = viewModel;
        this.parser = parser;
        this.bundle = bundle;
        this.keys = keys;
        this.mergeKeys = mergeKeys;
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(viewModel.runNameProperty().map(n -> String.format(bundle.getString("retro.title"), n)));
        stateLabel.textProperty().bind(viewModel.stateProperty());
        reminderLabel.textProperty().bind(viewModel.reminderProperty());
        enabledBox.selectedProperty().bind(viewModel.enabledProperty());
        // The check box shows the switch; the keyboard (and a click) changes it through the command.
        enabledBox.setOnMouseClicked(e -> viewModel.toggleEnabled());
        showWhenSet(noticeLabel, viewModel.noticeProperty());
        showWhenSet(errorLabel, viewModel.errorProperty());
        showWhenSet(questionLabel, viewModel.questionProperty());
        editor = new RetroTextArea(viewModel.textProperty(), bundle.getString("retro.text"));
        editor.node().disableProperty().bind(viewModel.loadedProperty().not());
        editorHolder.getChildren().setAll(new VirtualizedScrollPane<>(editor.node()));
        preview = new MarkdownView(parser);
        preview.setId("retroPreview");
        previewScroll.setContent(preview);
        viewModel.textProperty().addListener((obs, old, now) -> schedulePreview());
        renderPreview();
        keysLabel.setText(keys);
        viewModel.metrics().addListener((ListChangeListener<MetricRow>) c -> showMetrics());
        showMetrics();
        RetroMerge merge = viewModel.merge();
        mergePane.visibleProperty().bind(merge.mergingProperty());
        mergePane.managedProperty().bind(merge.mergingProperty());
        mergeSummary.textProperty().bind(merge.summaryProperty());
        mergeBase.textProperty().bind(merge.baseProperty());
        mergeMine.textProperty().bind(merge.mineProperty());
        mergeTheirs.textProperty().bind(merge.theirsProperty());
        mergedText.textProperty().bindBidirectional(merge.mergedProperty());
        if (mergeKeysLabel != null) {
            mergeKeysLabel.setText(mergeKeys);
        }
        viewModel.mergingProperty().addListener((obs, was, is) -> Platform.runLater(is ? mergedText::requestFocus
                : editor.node()::requestFocus));
    }

    private static void showWhenSet(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /** One render per pulse however fast the typing: the preview follows, the keystroke never waits for it. */
    private void schedulePreview() {
        if (!previewScheduled) {
            previewScheduled = true;
            Platform.runLater(this::renderPreview);
        }
    }

    private void renderPreview() {
        previewScheduled = false;
        preview.showMarkdown(viewModel.textProperty().get());
    }

    private void showMetrics() {
        metricsGrid.getChildren().clear();
        noMetrics.setVisible(viewModel.metrics().isEmpty());
        noMetrics.setManaged(viewModel.metrics().isEmpty());
        int row = 0;
        for (MetricRow metric : viewModel.metrics()) {
            Label title = new Label(metric.title());
            title.getStyleClass().add("metric-title");
            TextField field = new TextField();
            field.setId("metric-" + row);
            field.getStyleClass().add("metric-field");
            field.setPromptText(metric.typeHint());
            field.setAccessibleText(metric.title() + ", " + metric.typeHint());
            field.textProperty().bindBidirectional(metric.textProperty());
            field.pseudoClassStateChanged(BAD, metric.bad());
            metric.errorProperty().addListener((obs, old, now) -> field.pseudoClassStateChanged(BAD, !now.isEmpty()));
            title.setLabelFor(field);
            Label target = new Label(metric.targetText());
            target.getStyleClass().add("muted");
            Label against = new Label();
            against.setId("metric-against-" + row);
            against.textProperty().bind(metric.againstTargetProperty());
            metric.againstTargetProperty().addListener((obs, old, now) -> styleAgainst(against, now));
            styleAgainst(against, against.getText());
            Label description = new Label(metric.metric().description());
            description.getStyleClass().add("muted");
            description.setWrapText(true);
            Label error = new Label();
            error.setId("metric-error-" + row);
            error.getStyleClass().add("metric-error");
            error.textProperty().bind(metric.errorProperty());
            metricsGrid.addRow(row, title, field, target, against, description, error);
            row++;
        }
    }

    private static void styleAgainst(Label label, String text) {
        label.getStyleClass().removeAll("metric-met", "metric-over");
        if (!text.isEmpty()) {
            label.getStyleClass().add(text.equals("met") ? "metric-met" : "metric-over");
        }
    }

    void insertAtCaret(String markdown) {
        editor.insertAtCaret(markdown);
    }

    void focusText() {
        editor.node().requestFocus();
    }

    void focusMetrics() {
        metricsGrid.getChildren().stream().filter(n -> n instanceof TextField).findFirst()
                .ifPresent(javafx.scene.Node::requestFocus);
    }

    StackPane root() {
        return retroRoot;
    }
}
