package com.incidentconsole.fx.command;

import static com.incidentconsole.fx.command.Trigger.combo;
import static com.incidentconsole.fx.command.Trigger.typed;

import com.incidentconsole.fx.Overlay;
import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The {@code ?} overlay listing every key. Its lines are read from the window's {@link CommandRegistry} each
 * time it opens, so it cannot promise a key nobody handles, nor miss one a feature added.
 */
public final class KeysHelpController {

    /** Keys explain themselves here instead of acting on the screen below. */
    public static final Scope SCOPE = Scope.capturing("keys");

    private final ResourceBundle commandTexts;
    private final CommandRegistry commands;
    private Overlay overlay;

    @FXML private StackPane keysLayer;
    @FXML private GridPane keysGrid;
    @FXML private Label closeHint;

    public KeysHelpController(ResourceBundle commandTexts, CommandRegistry commands) {
        this.commandTexts = commandTexts;
        this.commands = commands;
    }

    @FXML
    private void initialize() {
        overlay = new Overlay(keysLayer);
        Keymap.scope(keysLayer, SCOPE);
        Command close = Command.of("keys.close", SCOPE, this::hide, combo("Esc"), typed("?")).keysOnly();
        commands.add(close);
        closeHint.setText(String.format(commandTexts.getString("keys.closeHint"),
                String.join(" / ", close.triggers().stream().map(t -> t.display()).toList())));
        keysLayer.setOnMouseClicked(e -> hide());
    }

    /** The lines the overlay shows: per scope, each command that has a key. */
    public static List<Line> lines(CommandRegistry commands) {
        return commands.scopes().stream()
                .flatMap(scope -> Stream.concat(Stream.of(new Line(scope.titleKey(), null)),
                        commands.inScope(scope).stream().filter(c -> !c.triggers().isEmpty())
                                .map(c -> new Line(c.titleKey(), c.keys()))))
                .toList();
    }

    public boolean isShowing() {
        return overlay.isShowing();
    }

    public void toggle() {
        if (!isShowing()) {
            fill();
        }
        overlay.toggle(keysLayer);
    }

    private void hide() {
        overlay.hide();
    }

    private void fill() {
        keysGrid.getChildren().clear();
        int row = 0;
        for (Line line : lines(commands)) {
            if (line.keys() == null) {
                Label title = new Label(commandTexts.getString(line.titleKey()));
                title.getStyleClass().add("keys-group");
                keysGrid.add(title, 0, row++, 2, 1);
                continue;
            }
            Label keys = new Label(line.keys());
            keys.getStyleClass().add("key-cap");
            // The keys are the point of this card: never "Ctr...". The description wraps instead.
            keys.setMinWidth(Region.USE_PREF_SIZE);
            Label description = new Label(commandTexts.getString(line.titleKey()));
            description.setWrapText(true);
            keysGrid.add(keys, 0, row);
            keysGrid.add(description, 1, row++);
        }
    }

    /** A heading (no keys) or one command's keys and title. */
    public record Line(String titleKey, String keys) {
    }
}
