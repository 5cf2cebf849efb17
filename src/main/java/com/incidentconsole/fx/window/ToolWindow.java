package com.incidentconsole.fx.window;

import static com.incidentconsole.fx.command.Trigger.combo;

import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.Scope;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A small window opened from the main one (the stats, a run's export): the app's stylesheets, a keymap of its own
 * whose {@code Esc} command closes it, and the keyboard back to the owner when it closes. Esc is a command of the
 * window's scope like every other key, so it is listed and cannot be taken twice.
 *
 * @param title       the window's title, in words
 * @param scope       where its keys work; its Esc command is {@code closeCommandId} in this scope
 * @param modality    {@link Modality#WINDOW_MODAL} for a dialog that must be answered first; only with an owner
 * @param width       the scene's width, or -1 for the content's preferred size (likewise {@code height})
 */
public record ToolWindow(String title, Scope scope, String closeCommandId, List<String> stylesheets,
        Modality modality, double width, double height) {

    public ToolWindow {
        Objects.requireNonNull(title);
        Objects.requireNonNull(scope);
        Objects.requireNonNull(closeCommandId);
        stylesheets = List.copyOf(stylesheets);
        Objects.requireNonNull(modality);
    }

    /**
     * Builds and shows the window. Must run on the FX thread.
     *
     * @param content  the view, given the window's close action (for its Close button)
     * @param onHidden runs after the window closed, before focus goes back (e.g. to end subscriptions)
     */
    public Stage open(Window owner, Function<Runnable, Parent> content, Runnable onHidden) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(modality);
        }
        stage.setTitle(title);
        Parent root = content.apply(stage::close);
        Keymap.scope(root, scope);
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().setAll(stylesheets);
        CommandRegistry commands = new CommandRegistry().add(
                // An open picker (date, combo box) takes Esc first to close itself, as it would without this window.
                Command.of(closeCommandId, scope, stage::close, combo("Esc"))
                        .enabledIf(() -> !(scene.getFocusOwner() instanceof ComboBoxBase<?> box && box.isShowing()))
                        .keysOnly());
        new Keymap(commands).attach(scene);
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            onHidden.run();
            if (owner != null) {
                owner.requestFocus();
            }
        });
        stage.show();
        return stage;
    }
}
