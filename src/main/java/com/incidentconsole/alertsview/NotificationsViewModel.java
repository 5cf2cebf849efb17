package com.incidentconsole.alertsview;

import com.incidentconsole.alerts.AlertDesk;
import com.incidentconsole.alerts.AlertHistory;
import com.incidentconsole.alerts.AlertKind;
import com.incidentconsole.alerts.AlertSettings;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The notifications panel's state: the session's history (newest first), the settings per kind and
 * do-not-disturb, whether desktop notifications are available, and the run of the latest notice. FX thread only;
 * what comes from the alerts thread arrives through the batcher ({@link #arrived}, {@link #settingsChanged}).
 */
public final class NotificationsViewModel {

    /** One line of the history. */
    public record Row(String runId, String time, String title, String body, boolean held) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final AlertDesk desk;
    private final ResourceBundle texts;
    private final ZoneId zone;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final Map<AlertKind, ReadOnlyBooleanWrapper> enabled = new EnumMap<>(AlertKind.class);
    private final Map<AlertKind, ReadOnlyBooleanWrapper> sound = new EnumMap<>(AlertKind.class);
    private final ReadOnlyBooleanWrapper doNotDisturb = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper desktop = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<String> latestRunId = new ReadOnlyObjectWrapper<>();

    public NotificationsViewModel(AlertDesk desk, ResourceBundle texts, ZoneId zone) {
        this.desk = desk;
        this.texts = texts;
        this.zone = zone;
        for (AlertKind kind : AlertKind.values()) {
            enabled.put(kind, new ReadOnlyBooleanWrapper());
            sound.put(kind, new ReadOnlyBooleanWrapper());
        }
        settingsChanged(List.of(desk.settings()));
        arrived(List.of());
    }

    public ObservableList<Row> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ReadOnlyBooleanProperty enabledProperty(AlertKind kind) {
        return enabled.get(kind).getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty soundProperty(AlertKind kind) {
        return sound.get(kind).getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty doNotDisturbProperty() {
        return doNotDisturb.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty desktopProperty() {
        return desktop.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> latestRunIdProperty() {
        return latestRunId.getReadOnlyProperty();
    }

    public String kindName(AlertKind kind) {
        return desk.text().kindName(kind);
    }

    /** New history entries: the whole list is read again from the history, which is the truth. */
    public void arrived(List<AlertHistory.Entry> added) {
        List<AlertHistory.Entry> entries = desk.history().entries();
        rows.setAll(entries.stream().map(e -> new Row(e.notice().runId(), TIME.format(e.at().atZone(zone)),
                e.notice().title(), e.notice().body(), !e.shown())).toList());
        latestRunId.set(entries.isEmpty() ? null : entries.get(0).notice().runId());
    }

    public void settingsChanged(List<AlertSettings> changes) {
        if (changes.isEmpty()) {
            return;
        }
        AlertSettings now = changes.get(changes.size() - 1);
        for (AlertKind kind : AlertKind.values()) {
            enabled.get(kind).set(now.of(kind).enabled());
            sound.get(kind).set(now.of(kind).sound());
        }
        doNotDisturb.set(now.doNotDisturb());
    }

    public void desktopConnected(Optional<String> how, String whyNot) {
        desktop.set(how.map(h -> texts.getString("alerts.desktop.yes").formatted(h))
                .orElseGet(() -> texts.getString("alerts.desktop.none").formatted(whyNot)));
    }

    public void toggleEnabled(AlertKind kind) {
        desk.update(s -> s.withEnabled(kind, !s.of(kind).enabled()));
    }

    public void toggleSound(AlertKind kind) {
        desk.update(s -> s.withSound(kind, !s.of(kind).sound()));
    }

    public void toggleDoNotDisturb() {
        desk.update(s -> s.withDoNotDisturb(!s.doNotDisturb()));
    }
}
