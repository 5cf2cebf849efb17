package com.incidentconsole.playbook.editor;

import com.incidentconsole.playbook.library.MetricField;
import com.incidentconsole.playbook.library.MetricView;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookSetting;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;

/**
 * The playbook-level settings and the key metrics, as one grid of labelled controls. The rows follow the
 * webapp's sections (status updates, retrospective, channel, broadcast/automation), each field bound by key.
 */
final class SettingsForm {

    /** How a setting is edited. */
    private enum Editor { LINE, AREA, FLAG, DURATION, WORDS }

    private record Row(PlaybookSetting setting, Editor editor) {
    }

    private static final List<Row> ROWS = List.of(
            new Row(PlaybookSetting.STATUS_UPDATE_ENABLED, Editor.FLAG),
            new Row(PlaybookSetting.REMINDER_TIMER_DEFAULT_SECONDS, Editor.DURATION),
            new Row(PlaybookSetting.REMINDER_MESSAGE_TEMPLATE, Editor.AREA),
            new Row(PlaybookSetting.RUN_SUMMARY_TEMPLATE_ENABLED, Editor.FLAG),
            new Row(PlaybookSetting.RUN_SUMMARY_TEMPLATE, Editor.AREA),
            new Row(PlaybookSetting.RETROSPECTIVE_ENABLED, Editor.FLAG),
            new Row(PlaybookSetting.RETROSPECTIVE_REMINDER_INTERVAL_SECONDS, Editor.DURATION),
            new Row(PlaybookSetting.RETROSPECTIVE_TEMPLATE, Editor.AREA),
            new Row(PlaybookSetting.MESSAGE_ON_JOIN_ENABLED, Editor.FLAG),
            new Row(PlaybookSetting.MESSAGE_ON_JOIN, Editor.AREA),
            new Row(PlaybookSetting.SIGNAL_ANY_KEYWORDS_ENABLED, Editor.FLAG),
            new Row(PlaybookSetting.SIGNAL_ANY_KEYWORDS, Editor.WORDS),
            new Row(PlaybookSetting.CATEGORIZE_CHANNEL_ENABLED, Editor.FLAG),
            new Row(PlaybookSetting.CATEGORY_NAME, Editor.LINE),
            new Row(PlaybookSetting.CHANNEL_MODE, Editor.LINE),
            new Row(PlaybookSetting.CHANNEL_NAME_TEMPLATE, Editor.LINE),
            new Row(PlaybookSetting.RUN_NUMBER_PREFIX, Editor.LINE),
            new Row(PlaybookSetting.OWNER_GROUP_ONLY_ACTIONS, Editor.FLAG),
            new Row(PlaybookSetting.NEW_CHANNEL_ONLY, Editor.FLAG),
            new Row(PlaybookSetting.AUTO_ARCHIVE_CHANNEL, Editor.FLAG),
            new Row(PlaybookSetting.CREATE_CHANNEL_MEMBER_ON_NEW_PARTICIPANT, Editor.FLAG),
            new Row(PlaybookSetting.REMOVE_CHANNEL_MEMBER_ON_REMOVED_PARTICIPANT, Editor.FLAG));

    static final int MAX_METRICS = 4;

    private final FieldBinder binder;
    private final ResourceBundle bundle;

    SettingsForm(FieldBinder binder, ResourceBundle bundle) {
        this.binder = binder;
        this.bundle = bundle;
    }

    void buildSettings(GridPane grid) {
        int r = 0;
        for (Row row : ROWS) {
            String key = row.setting().key();
            String label = bundle.containsKey("setting." + key) ? bundle.getString("setting." + key) : key;
            if (row.editor() == Editor.FLAG) {
                CheckBox box = new CheckBox(label);
                box.setId("setting-" + key);
                binder.flag(box, () -> key, f -> f.flag(row.setting()), (f, on) -> f.with(row.setting(), on));
                grid.add(box, 1, r++);
                continue;
            }
            TextInputControl field = row.editor() == Editor.AREA ? area() : new TextField();
            field.setId("setting-" + key);
            Label caption = new Label(label);
            caption.setLabelFor(field);
            grid.add(caption, 0, r);
            grid.add(field, 1, r++);
            switch (row.editor()) {
                case DURATION -> binder.text(field, () -> key, f -> HumanDuration.format(f.number(row.setting())),
                        (f, typed) -> {
                            OptionalLong seconds = HumanDuration.parse(typed);
                            return seconds.isPresent() ? f.with(row.setting(), seconds.getAsLong()) : f;
                        });
                case WORDS -> binder.text(field, () -> key, f -> String.join(", ", f.strings(row.setting())),
                        (f, typed) -> f.with(row.setting(), words(typed)));
                default -> binder.text(field, () -> key, f -> f.text(row.setting()),
                        (f, typed) -> f.with(row.setting(), typed));
            }
        }
    }

    private static List<String> words(String typed) {
        return Arrays.stream(typed.split(",")).map(String::strip).filter(w -> !w.isEmpty()).toList();
    }

    private static TextArea area() {
        TextArea area = new TextArea();
        area.setPrefRowCount(3);
        area.setWrapText(true);
        return area;
    }

    /** Four metric rows; a row past the file's metrics stays disabled until "add metric" creates it. */
    void buildMetrics(GridPane grid) {
        String[] headers = {"metric.title", "metric.type", "metric.target", "metric.description"};
        for (int c = 0; c < headers.length; c++) {
            grid.add(new Label(bundle.getString(headers[c])), c, 0);
        }
        for (int m = 0; m < MAX_METRICS; m++) {
            int index = m;
            metricField(grid, index, 0, MetricField.TITLE, MetricView::title);
            metricField(grid, index, 1, MetricField.TYPE, MetricView::type);
            TextField target = new TextField();
            target.setId("metric-" + index + "-target");
            binder.text(target, () -> "metrics[" + index + "].target",
                    f -> metric(f, index, v -> v.target() == null ? "" : Long.toString(v.target())),
                    (f, typed) -> f.metrics().size() <= index ? f : typed.isBlank()
                            ? f.withMetric(index, MetricField.TARGET, null)
                            : typed.strip().matches("\\d+")
                                    ? f.withMetric(index, MetricField.TARGET, Long.parseLong(typed.strip())) : f);
            grid.add(target, 2, index + 1);
            metricField(grid, index, 3, MetricField.DESCRIPTION, MetricView::description);
            Button remove = new Button(bundle.getString("editor.metric.remove"));
            remove.setId("metric-" + index + "-remove");
            remove.setOnAction(e -> binder.model().edit(f -> f.metrics().size() > index ? f.withMetricRemoved(index) : f,
                    null));
            grid.add(remove, 4, index + 1);
        }
    }

    private void metricField(GridPane grid, int index, int column, MetricField field, Function<MetricView, String> read) {
        TextField text = new TextField();
        text.setId("metric-" + index + "-" + field.key());
        if (field == MetricField.TYPE) {
            text.setPromptText("metric_duration | metric_currency | metric_integer");
        }
        binder.text(text, () -> "metrics[" + index + "]." + field.key(), f -> metric(f, index, read),
                (f, typed) -> f.metrics().size() <= index ? f : f.withMetric(index, field, typed));
        grid.add(text, column, index + 1);
    }

    private static String metric(PlaybookFile f, int index, Function<MetricView, String> read) {
        List<MetricView> metrics = f.metrics();
        return index < metrics.size() ? read.apply(metrics.get(index)) : "";
    }

    /** Enables exactly the rows the file has metrics for. */
    static void enableMetricRows(GridPane grid, int count) {
        grid.getChildren().forEach(node -> {
            Integer row = GridPane.getRowIndex(node);
            if (row != null && row > 0) {
                node.setDisable(row - 1 >= count);
            }
        });
    }
}
