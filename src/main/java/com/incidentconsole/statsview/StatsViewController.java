package com.incidentconsole.statsview;

import com.incidentconsole.text.DurationText;
import com.incidentconsole.stats.IncidentStats;
import com.incidentconsole.wire.PlaybookMetricConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** Binds the stats view to its view-model and redraws the charts and their tables from each computed result. */
public final class StatsViewController {

    private final StatsViewModel model;
    private final ResourceBundle bundle;
    private final Runnable close;

    @FXML private ComboBox<StatsViewModel.Choice> teamPicker;
    @FXML private ComboBox<StatsViewModel.Choice> playbookPicker;
    @FXML private DatePicker fromPicker;
    @FXML private DatePicker toPicker;
    @FXML private Button exportButton;
    @FXML private Button closeButton;
    @FXML private Label problemLabel;
    @FXML private Label exportLabel;
    @FXML private Label runsStarted;
    @FXML private Label runsFinished;
    @FXML private Label inProgress;
    @FXML private Label mtta;
    @FXML private Label mttr;
    @FXML private Label serverFigures;
    @FXML private BarChart<String, Number> weeklyChart;
    @FXML private TableView<IncidentStats.Week> weeklyTable;
    @FXML private TableColumn<IncidentStats.Week, String> weekColumn;
    @FXML private TableColumn<IncidentStats.Week, String> startedColumn;
    @FXML private TableColumn<IncidentStats.Week, String> finishedColumn;
    @FXML private VBox metricsBox;

    public StatsViewController(StatsViewModel model, ResourceBundle bundle, Runnable close) {
        this.model = model;
        this.bundle = bundle;
        this.close = close;
    }

    @FXML
    private void initialize() {
        teamPicker.setItems(model.teams());
        teamPicker.valueProperty().bindBidirectional(model.teamProperty());
        playbookPicker.setItems(model.playbooks());
        playbookPicker.valueProperty().bindBidirectional(model.playbookProperty());
        fromPicker.valueProperty().bindBidirectional(model.fromProperty());
        toPicker.valueProperty().bindBidirectional(model.toProperty());
        problemLabel.textProperty().bind(model.problemProperty());
        problemLabel.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
        exportLabel.textProperty().bind(model.exportMessageProperty());
        exportLabel.visibleProperty().bind(model.exportMessageProperty().isNotEmpty());
        exportLabel.managedProperty().bind(exportLabel.visibleProperty());
        runsStarted.textProperty().bind(model.runsStartedProperty());
        runsFinished.textProperty().bind(model.runsFinishedProperty());
        inProgress.textProperty().bind(model.inProgressProperty());
        mtta.textProperty().bind(model.mttaProperty());
        mttr.textProperty().bind(model.mttrProperty());
        serverFigures.textProperty().bind(model.serverFiguresProperty());
        weekColumn.setCellValueFactory(c -> text(c.getValue().start().toString()));
        startedColumn.setCellValueFactory(c -> text(Integer.toString(c.getValue().started())));
        finishedColumn.setCellValueFactory(c -> text(Integer.toString(c.getValue().finished())));
        weeklyChart.setAnimated(false);
        exportButton.setOnAction(e -> export());
        closeButton.setOnAction(e -> close.run());
        model.statsProperty().addListener((o, old, now) -> show(now));
        show(model.statsProperty().get());
    }

    private void show(IncidentStats stats) {
        if (stats == null) {
            return;
        }
        XYChart.Series<String, Number> started = new XYChart.Series<>();
        started.setName(bundle.getString("stats.started"));
        XYChart.Series<String, Number> finished = new XYChart.Series<>();
        finished.setName(bundle.getString("stats.finished"));
        for (IncidentStats.Week week : stats.weeks()) {
            started.getData().add(new XYChart.Data<>(week.start().toString(), week.started()));
            finished.getData().add(new XYChart.Data<>(week.start().toString(), week.finished()));
        }
        weeklyChart.setData(FXCollections.observableArrayList(java.util.List.of(started, finished)));
        weeklyTable.setItems(FXCollections.observableArrayList(stats.weeks()));
        metricsBox.getChildren().clear();
        if (stats.metrics().isEmpty()) {
            Label none = new Label(bundle.getString("stats.metrics.none"));
            none.getStyleClass().add("muted");
            metricsBox.getChildren().add(none);
        }
        stats.metrics().forEach(series -> metricsBox.getChildren().add(metric(series)));
    }

    /** One metric: a line of its values by run start day, the target as a second line, and the same numbers as a table. */
    private HBox metric(IncidentStats.MetricSeries series) {
        boolean duration = PlaybookMetricConfig.TYPE_DURATION.equals(series.type());
        Function<Long, Number> plotted = v -> duration ? v / 60_000.0 : v;
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number epochDay) {
                return LocalDate.ofEpochDay(epochDay.longValue()).toString();
            }

            @Override
            public Number fromString(String text) {
                return LocalDate.parse(text).toEpochDay();
            }
        });
        NumberAxis y = new NumberAxis();
        y.setLabel(duration ? String.format(bundle.getString("stats.metric.minutes"), series.title()) : series.title());
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setAnimated(false);
        chart.setTitle(series.title());
        chart.setId("metric-" + series.metricId());
        XYChart.Series<Number, Number> values = new XYChart.Series<>();
        values.setName(bundle.getString("stats.metric.value"));
        XYChart.Series<Number, Number> target = new XYChart.Series<>();
        target.setName(bundle.getString("stats.metric.target"));
        for (IncidentStats.Point point : series.points()) {
            double day = point.runStartMillis() / 86_400_000.0;
            values.getData().add(new XYChart.Data<>(day, plotted.apply(point.value())));
            if (series.target() != null) {
                target.getData().add(new XYChart.Data<>(day, plotted.apply(series.target())));
            }
        }
        chart.getData().add(values);
        if (series.target() != null) {
            chart.getData().add(target);
        }
        TableView<IncidentStats.Point> table = new TableView<>(FXCollections.observableArrayList(series.points()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("stats.metric.run", IncidentStats.Point::runName));
        table.getColumns().add(column("stats.metric.date", p -> Instant.ofEpochMilli(p.runStartMillis())
                .atZone(model.zone()).toLocalDate().toString()));
        table.getColumns().add(column("stats.metric.value", p -> value(series, p.value())));
        table.getColumns().add(column("stats.metric.target", p -> series.target() == null ? "" : value(series, series.target())));
        table.setPrefWidth(420);
        table.setPrefHeight(260);
        HBox row = new HBox(12, chart, table);
        HBox.setHgrow(chart, Priority.ALWAYS);
        return row;
    }

    private static String value(IncidentStats.MetricSeries series, long value) {
        return PlaybookMetricConfig.TYPE_DURATION.equals(series.type()) ? DurationText.of(value) : Long.toString(value);
    }

    private TableColumn<IncidentStats.Point, String> column(String key, Function<IncidentStats.Point, String> text) {
        TableColumn<IncidentStats.Point, String> column = new TableColumn<>(bundle.getString(key));
        column.setCellValueFactory(c -> text(text.apply(c.getValue())));
        return column;
    }

    private static ReadOnlyStringWrapper text(String value) {
        return new ReadOnlyStringWrapper(value);
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(bundle.getString("stats.export.chooser"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        chooser.setInitialFileName("incident-stats-" + model.fromProperty().get() + "-" + model.toProperty().get() + ".csv");
        chooser.setInitialDirectory(Folders.documents().toFile());
        var file = chooser.showSaveDialog(exportButton.getScene().getWindow());
        if (file != null) {
            model.exportCsv(Path.of(file.getPath()));
        }
    }
}
