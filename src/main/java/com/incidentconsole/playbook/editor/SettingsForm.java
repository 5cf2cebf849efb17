package com.incidentconsole.playbook.editor;

import com.incidentconsole.playbook.library.AllowedValues;
import com.incidentconsole.playbook.library.ImportOnlySetting;
import com.incidentconsole.playbook.library.MetricField;
import com.incidentconsole.playbook.library.MetricView;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookSetting;
import com.incidentconsole.playbook.library.SettingKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.regex.Pattern;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;

/**
 * The playbook-level settings and the key metrics, as one grid of labelled controls. The rows follow the
 * webapp's sections (status updates, retrospective, channel, people, triggers), each field bound by key. Fields
 * the export leaves out ({@link ImportOnlySetting}) sit in the section they belong to, marked as such.
 */
final class SettingsForm {

    /** How a setting is edited. */
    private enum Editor { LINE, AREA, FLAG, DURATION, WORDS, IDS, URLS, CHANNEL_MODE }

    private sealed interface Row permits Field, Section {
    }

    private record Field(SettingKey setting, Editor editor) implements Row {
    }

    /** A heading; its text is the bundle key {@code settings.section.<name>}. */
    private record Section(String name) implements Row {
    }

    private static final List<Row> ROWS = List.of(
            new Section("status"),
            new Field(PlaybookSetting.STATUS_UPDATE_ENABLED, Editor.FLAG),
            new Field(PlaybookSetting.REMINDER_TIMER_DEFAULT_SECONDS, Editor.DURATION),
            new Field(PlaybookSetting.REMINDER_MESSAGE_TEMPLATE, Editor.AREA),
            new Field(ImportOnlySetting.BROADCAST_ENABLED, Editor.FLAG),
            new Field(ImportOnlySetting.BROADCAST_CHANNEL_IDS, Editor.IDS),
            new Field(ImportOnlySetting.WEBHOOK_ON_STATUS_UPDATE_ENABLED, Editor.FLAG),
            new Field(ImportOnlySetting.WEBHOOK_ON_STATUS_UPDATE_URLS, Editor.URLS),
            new Section("summary"),
            new Field(PlaybookSetting.RUN_SUMMARY_TEMPLATE_ENABLED, Editor.FLAG),
            new Field(PlaybookSetting.RUN_SUMMARY_TEMPLATE, Editor.AREA),
            new Section("retrospective"),
            new Field(PlaybookSetting.RETROSPECTIVE_ENABLED, Editor.FLAG),
            new Field(PlaybookSetting.RETROSPECTIVE_REMINDER_INTERVAL_SECONDS, Editor.DURATION),
            new Field(PlaybookSetting.RETROSPECTIVE_TEMPLATE, Editor.AREA),
            new Section("channel"),
            new Field(PlaybookSetting.CHANNEL_MODE, Editor.CHANNEL_MODE),
            new Field(PlaybookSetting.CHANNEL_ID, Editor.LINE),
            new Field(PlaybookSetting.NEW_CHANNEL_ONLY, Editor.FLAG),
            new Field(PlaybookSetting.CHANNEL_NAME_TEMPLATE, Editor.LINE),
            new Field(ImportOnlySetting.CREATE_PUBLIC_PLAYBOOK_RUN, Editor.FLAG),
            new Field(PlaybookSetting.RUN_NUMBER_PREFIX, Editor.LINE),
            new Field(PlaybookSetting.CATEGORIZE_CHANNEL_ENABLED, Editor.FLAG),
            new Field(PlaybookSetting.CATEGORY_NAME, Editor.LINE),
            new Field(PlaybookSetting.AUTO_ARCHIVE_CHANNEL, Editor.FLAG),
            new Field(PlaybookSetting.MESSAGE_ON_JOIN_ENABLED, Editor.FLAG),
            new Field(PlaybookSetting.MESSAGE_ON_JOIN, Editor.AREA),
            new Section("people"),
            new Field(ImportOnlySetting.INVITE_USERS_ENABLED, Editor.FLAG),
            new Field(ImportOnlySetting.INVITED_USER_IDS, Editor.IDS),
            new Field(ImportOnlySetting.INVITED_GROUP_IDS, Editor.IDS),
            new Field(ImportOnlySetting.DEFAULT_OWNER_ENABLED, Editor.FLAG),
            new Field(ImportOnlySetting.DEFAULT_OWNER_ID, Editor.LINE),
            new Field(PlaybookSetting.OWNER_GROUP_ONLY_ACTIONS, Editor.FLAG),
            new Field(PlaybookSetting.CREATE_CHANNEL_MEMBER_ON_NEW_PARTICIPANT, Editor.FLAG),
            new Field(PlaybookSetting.REMOVE_CHANNEL_MEMBER_ON_REMOVED_PARTICIPANT, Editor.FLAG),
            new Section("triggers"),
            new Field(PlaybookSetting.SIGNAL_ANY_KEYWORDS_ENABLED, Editor.FLAG),
            new Field(PlaybookSetting.SIGNAL_ANY_KEYWORDS, Editor.WORDS),
            new Field(ImportOnlySetting.WEBHOOK_ON_CREATION_ENABLED, Editor.FLAG),
            new Field(ImportOnlySetting.WEBHOOK_ON_CREATION_URLS, Editor.URLS));

    static final int MAX_METRICS = 4;
    private static final String CREATE_NEW_CHANNEL = AllowedValues.CHANNEL_MODES.get(0);
    private static final Pattern ID_SEPARATORS = Pattern.compile("[\\s,]+");
    private static final Pattern URL_SEPARATORS = Pattern.compile("\\s+");

    private final FieldBinder binder;
    private final ResourceBundle bundle;

    SettingsForm(FieldBinder binder, ResourceBundle bundle) {
        this.binder = binder;
        this.bundle = bundle;
    }

    void buildSettings(GridPane grid) {
        Label legend = new Label(bundle.getString("settings.importOnly.legend"));
        legend.setWrapText(true);
        legend.getStyleClass().add("muted");
        grid.add(legend, 0, 0, 2, 1);
        int r = 1;
        for (Row row : ROWS) {
            if (row instanceof Section section) {
                Label heading = new Label(bundle.getString("settings.section." + section.name()));
                heading.getStyleClass().add("subsection-title");
                grid.add(heading, 0, r++, 2, 1);
                continue;
            }
            Field field = (Field) row;
            String key = field.setting().key();
            String label = label(field.setting());
            Control control = switch (field.editor()) {
                case FLAG -> flag(field.setting(), label);
                case CHANNEL_MODE -> channelMode();
                default -> textEditor(field);
            };
            control.setId("setting-" + key);
            if (field.editor() == Editor.FLAG) {
                grid.add(binder.withMessage(control), 1, r++);
                continue;
            }
            Label caption = new Label(label);
            caption.setLabelFor(control);
            caption.setWrapText(true);
            grid.add(caption, 0, r);
            grid.add(binder.withMessage(control), 1, r++);
        }
    }

    private String label(SettingKey setting) {
        String key = "setting." + setting.key();
        String text = bundle.containsKey(key) ? bundle.getString(key) : setting.key();
        return setting instanceof ImportOnlySetting ? text + " †" : text;
    }

    private CheckBox flag(SettingKey setting, String label) {
        CheckBox box = new CheckBox(label);
        if (setting instanceof ImportOnlySetting) {
            binder.optionalFlag(box, setting::key,
                    f -> f.has(setting) ? Optional.of(f.flag(setting)) : Optional.empty(),
                    (f, state) -> state.map(on -> f.with(setting, on)).orElseGet(() -> f.without(setting)));
        } else {
            binder.flag(box, setting::key, f -> f.flag(setting), (f, on) -> f.with(setting, on));
        }
        return box;
    }

    /** The export omits {@code create_new_channel} (the zero value), so choosing it removes the key. */
    private ComboBox<Choice> channelMode() {
        ComboBox<Choice> box = new ComboBox<>();
        List<Choice> modes = AllowedValues.CHANNEL_MODES.stream()
                .map(mode -> Choice.of(mode, bundle.getString("choice.channel_mode." + mode))).toList();
        binder.choice(box, PlaybookSetting.CHANNEL_MODE::key,
                f -> f.text(PlaybookSetting.CHANNEL_MODE).isEmpty() ? CREATE_NEW_CHANNEL
                        : f.text(PlaybookSetting.CHANNEL_MODE),
                (f, mode) -> CREATE_NEW_CHANNEL.equals(mode) ? f.without(PlaybookSetting.CHANNEL_MODE)
                        : f.with(PlaybookSetting.CHANNEL_MODE, mode),
                f -> modes, this::unknown);
        return box;
    }

    /** How a value the server does not list reads in a choice box; it stays selected until changed. */
    String unknown(String value) {
        return value.isEmpty() ? bundle.getString("choice.unset") : String.format(bundle.getString("choice.unknown"),
                value);
    }

    private TextInputControl textEditor(Field field) {
        SettingKey setting = field.setting();
        String key = setting.key();
        TextInputControl control = switch (field.editor()) {
            case AREA -> area(3);
            case IDS, URLS -> area(2);
            default -> new TextField();
        };
        switch (field.editor()) {
            case DURATION -> binder.text(control, () -> key, f -> HumanDuration.format(f.number(setting)),
                    (f, typed) -> {
                        OptionalLong seconds = HumanDuration.parse(typed);
                        return seconds.isPresent() ? f.with(setting, seconds.getAsLong()) : f;
                    }, HumanDuration::same);
            case WORDS -> binder.text(control, () -> key, f -> String.join(", ", f.strings(setting)),
                    (f, typed) -> f.with(setting, split(typed, Pattern.compile(","))),
                    (shown, typed) -> split(shown, Pattern.compile(",")).equals(split(typed, Pattern.compile(","))));
            case IDS, URLS -> {
                Pattern separators = field.editor() == Editor.IDS ? ID_SEPARATORS : URL_SEPARATORS;
                binder.text(control, () -> key, f -> String.join("\n", f.strings(setting)),
                        (f, typed) -> f.with(setting, split(typed, separators)),
                        (shown, typed) -> split(shown, separators).equals(split(typed, separators)));
            }
            default -> binder.text(control, () -> key, f -> f.text(setting), (f, typed) -> f.with(setting, typed));
        }
        if (setting instanceof ImportOnlySetting) {
            // Empty and absent look alike in a text box; the prompt tells them apart.
            binder.onRefresh(() -> {
                PlaybookFile f = binder.model().file();
                control.setPromptText(f == null || f.has(setting) ? bundle.getString("settings.importOnly.empty")
                        : bundle.getString("settings.importOnly.unset"));
            });
        }
        return control;
    }

    private static List<String> split(String typed, Pattern separators) {
        return Arrays.stream(separators.split(typed)).map(String::strip).filter(w -> !w.isEmpty()).toList();
    }

    private static TextArea area(int rows) {
        TextArea area = new TextArea();
        area.setPrefRowCount(rows);
        area.setWrapText(true);
        return area;
    }

    /** Four metric rows; a row past the file's metrics stays disabled until "add metric" creates it. */
    void buildMetrics(GridPane grid) {
        String[] headers = {"metric.title", "metric.type", "metric.target", "metric.description"};
        for (int c = 0; c < headers.length; c++) {
            grid.add(new Label(bundle.getString(headers[c])), c, 0);
        }
        List<Choice> types = AllowedValues.METRIC_TYPES.stream()
                .map(type -> Choice.of(type, bundle.getString("choice.metric." + type))).toList();
        for (int m = 0; m < MAX_METRICS; m++) {
            int index = m;
            metricField(grid, index, 0, MetricField.TITLE, MetricView::title);
            ComboBox<Choice> type = new ComboBox<>();
            type.setId("metric-" + index + "-type");
            binder.choice(type, () -> "metrics[" + index + "].type", f -> metric(f, index, MetricView::type, null),
                    (f, picked) -> f.metrics().size() <= index ? f : f.withMetric(index, MetricField.TYPE, picked),
                    f -> types, this::unknown);
            grid.add(binder.withMessage(type), 1, index + 1);
            grid.add(binder.withMessage(target(index)), 2, index + 1);
            metricField(grid, index, 3, MetricField.DESCRIPTION, MetricView::description);
            Button remove = new Button(bundle.getString("editor.metric.remove"));
            remove.setId("metric-" + index + "-remove");
            remove.setOnAction(e -> binder.model().edit(f -> f.metrics().size() > index ? f.withMetricRemoved(index) : f,
                    null));
            grid.add(remove, 4, index + 1);
        }
    }

    /**
     * A duration metric's target is milliseconds in the file; people type it as a duration ("4h"), as the
     * webapp shows it. Other targets are whole numbers. Empty removes the target.
     */
    private TextField target(int index) {
        TextField target = new TextField();
        target.setId("metric-" + index + "-target");
        binder.text(target, () -> "metrics[" + index + "].target",
                f -> metric(f, index, v -> v.target() == null ? "" : isDuration(v)
                        ? HumanDuration.format(v.target() / 1000) : Long.toString(v.target()), ""),
                (f, typed) -> {
                    if (f.metrics().size() <= index) {
                        return f;
                    }
                    if (typed.isBlank()) {
                        return f.withMetric(index, MetricField.TARGET, null);
                    }
                    if (isDuration(f.metrics().get(index))) {
                        OptionalLong seconds = HumanDuration.parse(typed);
                        return seconds.isPresent() ? f.withMetric(index, MetricField.TARGET, seconds.getAsLong() * 1000)
                                : f;
                    }
                    return typed.strip().matches("\\d+")
                            ? f.withMetric(index, MetricField.TARGET, Long.parseLong(typed.strip())) : f;
                }, (shown, typed) -> {
                    PlaybookFile f = binder.model().file();
                    boolean duration = f != null && index < f.metrics().size() && isDuration(f.metrics().get(index));
                    return duration ? HumanDuration.same(shown, typed) : shown.strip().equals(typed.strip());
                });
        binder.onRefresh(() -> {
            PlaybookFile f = binder.model().file();
            boolean duration = f != null && index < f.metrics().size() && isDuration(f.metrics().get(index));
            target.setPromptText(bundle.getString(duration ? "metric.target.duration" : "metric.target.number"));
        });
        return target;
    }

    private static boolean isDuration(MetricView metric) {
        return AllowedValues.METRIC_TYPES.get(0).equals(metric.type());
    }

    private void metricField(GridPane grid, int index, int column, MetricField field, Function<MetricView, String> read) {
        TextField text = new TextField();
        text.setId("metric-" + index + "-" + field.key());
        binder.text(text, () -> "metrics[" + index + "]." + field.key(), f -> metric(f, index, read, ""),
                (f, typed) -> f.metrics().size() <= index ? f : f.withMetric(index, field, typed));
        grid.add(binder.withMessage(text), column, index + 1);
    }

    private static String metric(PlaybookFile f, int index, Function<MetricView, String> read, String none) {
        List<MetricView> metrics = f.metrics();
        return index < metrics.size() ? read.apply(metrics.get(index)) : none;
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
