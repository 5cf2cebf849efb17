package com.incidentconsole.runinfo;

import static com.incidentconsole.fx.command.Trigger.combo;

import com.incidentconsole.fx.Overlay;
import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.sync.RunStore;
import com.incidentconsole.text.DisplayText;
import com.incidentconsole.wire.PlaybookRun;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;

/**
 * The run's summary panel (v1 {@code /incident info}, {@code i} in the run): the lines of {@link RunInfoText},
 * read again each time it opens and whenever the run changes while it shows. Esc or {@code i} closes it.
 */
public final class RunInfoController {

    public static final Scope SCOPE = Scope.modal("runInfo");
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");

    private final RunStore runs;
    private final Function<String, String> names;
    private final Supplier<Instant> clock;
    private final ResourceBundle bundle;
    private final ResourceBundle commandTexts;
    private final CommandRegistry registry;
    private final ZoneId zone;
    private Overlay overlay;
    private String runId;

    @FXML private StackPane infoLayer;
    @FXML private Label title;
    @FXML private GridPane facts;
    @FXML private Label keysHint;

    public RunInfoController(RunStore runs, Function<String, String> names, Supplier<Instant> clock,
            ResourceBundle bundle, ResourceBundle commandTexts, CommandRegistry registry, ZoneId zone) {
        this.runs = runs;
        this.names = names;
        this.clock = clock;
        this.bundle = bundle;
        this.commandTexts = commandTexts;
        this.registry = registry;
        this.zone = zone;
    }

    @FXML
    private void initialize() {
        overlay = new Overlay(infoLayer);
        Keymap.scope(infoLayer, SCOPE);
        BooleanBinding open = Bindings.createBooleanBinding(infoLayer::isVisible, infoLayer.visibleProperty());
        Command close = Command.of("runInfo.close", SCOPE, overlay::hide, combo("Esc")).enabledWhen(open).keysOnly();
        registry.add(close);
        keysHint.setText(String.format(commandTexts.getString("runInfo.keys"), close.primaryKey()));
    }

    public void toggle(String openRunId) {
        if (overlay.isShowing()) {
            overlay.hide();
            return;
        }
        runId = openRunId;
        refresh();
        overlay.show(facts);
    }

    /** The run changed (or time passed) while the panel shows: its numbers follow. FX thread. */
    public void refresh() {
        if (runId == null) {
            return;
        }
        Optional<PlaybookRun> run = runs.get(runId);
        if (run.isEmpty()) {
            title.setText(bundle.getString("run.gone"));
            facts.getChildren().clear();
            return;
        }
        title.setText(String.format(bundle.getString("info.title.run"), DisplayText.line(run.get().name(), 100)));
        Instant now = clock.get();
        List<RunInfoText> lines = RunInfoText.lines(RunInfo.of(run.get(), now), now, names, bundle, zone);
        facts.getChildren().clear();
        for (int row = 0; row < lines.size(); row++) {
            RunInfoText line = lines.get(row);
            Label label = new Label(line.label());
            label.getStyleClass().add("muted");
            Label value = new Label(line.value());
            value.setId(line.id());
            value.setWrapText(true);
            value.getStyleClass().add("next-update");
            value.pseudoClassStateChanged(OVERDUE, line.alarming());
            facts.addRow(row, label, value);
        }
    }

    public boolean isOpen() {
        return overlay.isShowing();
    }
}
