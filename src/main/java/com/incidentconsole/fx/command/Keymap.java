package com.incidentconsole.fx.command;

import java.util.ArrayList;
import java.util.List;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Turns key events into commands. One instance per window, attached to the window's root: key presses are
 * taken as a filter (before controls such as tables and scroll panes use Enter, Esc or arrows for
 * themselves), typed characters as a handler (after a text field has taken the letters typed into it).
 * The command is looked up in the scopes around the focused node, innermost first.
 *
 * <p>Text fields keep their keys: no typed trigger fires in a field, nor a key a field edits with (letters,
 * Space, Backspace, Delete, ←, →) unless a Ctrl or Alt chord. Buttons keep Space and Enter, except to the
 * commands of a modal layer around them.
 */
public final class Keymap {

    private static final String SCOPE = "incidentconsole.command.scope";

    private final CommandRegistry registry;

    public Keymap(CommandRegistry registry) {
        this.registry = registry;
    }

    /** Marks {@code node} as the place where {@code scope}'s commands work. */
    public static void scope(Node node, Scope scope) {
        node.getProperties().put(SCOPE, scope);
    }

    public Keymap attach(Node root) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::dispatch);
        root.addEventHandler(KeyEvent.KEY_TYPED, this::dispatch);
        return this;
    }

    /**
     * On the scene as well: while no node has the keyboard (the startup screen), key events go to the scene
     * itself and never pass the root; they are then offered to the scopes of the scene's root.
     */
    public Keymap attach(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::dispatch);
        scene.addEventHandler(KeyEvent.KEY_TYPED, this::dispatch);
        return this;
    }

    /** The scopes a key event at {@code target} is offered to, innermost first. */
    public static List<Scope> scopesAround(EventTarget target) {
        List<Scope> chain = new ArrayList<>();
        boolean shutOut = false;
        Node start = target instanceof Node node ? node : target instanceof Scene scene ? scene.getRoot() : null;
        for (Node n = start; n != null; n = n.getParent()) {
            if (n.getProperties().get(SCOPE) instanceof Scope scope && !chain.contains(scope)) {
                if (!shutOut || scope.kind() == Scope.Kind.WINDOW) {
                    chain.add(scope);
                }
                shutOut |= scope.shutsOutOuterViews();
            }
        }
        return chain;
    }

    private void dispatch(KeyEvent event) {
        if (event.isConsumed()) {
            return;
        }
        EventTarget target = event.getTarget();
        for (Scope scope : scopesAround(target)) {
            for (Command command : registry.inScope(scope)) {
                if (command.isEnabled() && command.triggers().stream().anyMatch(t -> fires(t, event, target, scope))) {
                    event.consume();
                    registry.run(command);
                    return;
                }
            }
            if (scope.kind() == Scope.Kind.CAPTURING) {
                // The keys card explains keys; it must not let them act on the screen below.
                event.consume();
                return;
            }
        }
    }

    private static boolean fires(Trigger trigger, KeyEvent event, EventTarget target, Scope scope) {
        if (!trigger.matches(event)) {
            return false;
        }
        if (target instanceof TextInputControl) {
            return trigger instanceof Trigger.Combo combo && !combo.isEditingKey();
        }
        // A modal bar of buttons (save / discard / stay) may own Enter: it presses the focused answer.
        if (!scope.shutsOutOuterViews() && (target instanceof ButtonBase || target instanceof ComboBoxBase<?>)
                && trigger instanceof Trigger.Combo combo
                && (combo.isPlain(KeyCode.SPACE) || combo.isPlain(KeyCode.ENTER))) {
            return false;
        }
        return true;
    }
}
