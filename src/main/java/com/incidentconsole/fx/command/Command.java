package com.incidentconsole.fx.command;

import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;

/**
 * One thing the user can do: its id, its title (a key of the commands bundle), where its keys work, the keys,
 * when it can run, and what it runs. The keymap, the keys overlay, the hints, the README's key table and the
 * palette are all read from these, so a key cannot be handled without being listed, or listed without working.
 *
 * @param argument when present, the palette asks for it (a run, a user) before running {@link #argument()}'s pick
 * @param inPalette false for keys that only make sense where the cursor is (Esc to step out of a field)
 */
public record Command(String id, String titleKey, Scope scope, List<Trigger> triggers,
        ObservableBooleanValue enabled, Runnable action, Argument argument, boolean inPalette) {

    public Command {
        Objects.requireNonNull(id);
        Objects.requireNonNull(titleKey);
        Objects.requireNonNull(scope);
        triggers = List.copyOf(triggers);
        Objects.requireNonNull(enabled);
        Objects.requireNonNull(action);
    }

    public static Command of(String id, Scope scope, Runnable action, Trigger... triggers) {
        return new Command(id, "command." + id, scope, List.of(triggers), Bindings.createBooleanBinding(() -> true),
                action, null, true);
    }

    public Command enabledWhen(ObservableBooleanValue condition) {
        return new Command(id, titleKey, scope, triggers, condition, action, argument, inPalette);
    }

    /**
     * For a condition that has no observable to listen to (another controller's overlay): asked afresh each
     * time a key or the palette needs it.
     */
    public Command enabledIf(BooleanSupplier condition) {
        return enabledWhen(new ObservableBooleanValue() {
            @Override
            public boolean get() {
                return condition.getAsBoolean();
            }

            @Override
            public Boolean getValue() {
                return get();
            }

            // Nothing to listen to: whoever needs the answer asks again.
            @Override
            public void addListener(ChangeListener<? super Boolean> listener) {
            }

            @Override
            public void removeListener(ChangeListener<? super Boolean> listener) {
            }

            @Override
            public void addListener(InvalidationListener listener) {
            }

            @Override
            public void removeListener(InvalidationListener listener) {
            }
        });
    }

    public Command asking(Argument question) {
        return new Command(id, titleKey, scope, triggers, enabled, action, question, inPalette);
    }

    public Command keysOnly() {
        return new Command(id, titleKey, scope, triggers, enabled, action, argument, false);
    }

    public boolean isEnabled() {
        return enabled.get();
    }

    /** "j  ↓" — every key of this command, the way the overlay and the README show them. */
    public String keys() {
        return String.join("  ", triggers.stream().map(Trigger::display).toList());
    }

    /** The first key, for prose that names it ("Change owner (o)"); empty when the command has none. */
    public String primaryKey() {
        return triggers.isEmpty() ? "" : triggers.get(0).display();
    }

    /** What a command asks for in the palette: a list to choose from, and what to do with the choice. */
    public record Argument(String promptKey, Supplier<List<Choice>> choices, Consumer<String> pick) {
    }

    /** One answer the palette offers for an argument: an id for the command, a label for the user. */
    public record Choice(String id, String label) {
    }
}
