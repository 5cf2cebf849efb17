package com.incidentconsole.fx.command;

import java.util.Locale;
import java.util.Map;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * What the user presses to run a command. Letters are {@link Typed} characters, so j, k, x and s stay where
 * the user's keyboard layout puts them; keys without a character (Esc, arrows, F8) and chords with Ctrl or
 * Alt are {@link Combo} key combinations.
 */
public sealed interface Trigger {

    static Trigger typed(String character) {
        return new Typed(character);
    }

    /** A combination in JavaFX's notation, e.g. {@code "Shortcut+Shift+L"}, {@code "Esc"}, {@code "Down"}. */
    static Trigger combo(String combination) {
        return new Combo(KeyCombination.keyCombination(combination));
    }

    boolean matches(KeyEvent event);

    /** The same words on every platform and in the README: "Ctrl+Shift+L", "↓", "Shift+R", "j". */
    String display();

    record Typed(String character) implements Trigger {

        public Typed {
            if (character == null || character.length() != 1) {
                throw new IllegalArgumentException("a typed trigger is one character: " + character);
            }
        }

        @Override
        public boolean matches(KeyEvent event) {
            return event.getEventType() == KeyEvent.KEY_TYPED && character.equals(event.getCharacter())
                    && !event.isShortcutDown() && !event.isAltDown();
        }

        @Override
        public String display() {
            char c = character.charAt(0);
            if (c == ' ') {
                return "Space";
            }
            return Character.isLetter(c) && Character.isUpperCase(c) ? "Shift+" + c : character;
        }
    }

    record Combo(KeyCombination combination) implements Trigger {

        private static final Map<KeyCode, String> NAMES = Map.of(KeyCode.DOWN, "↓", KeyCode.UP, "↑",
                KeyCode.LEFT, "←", KeyCode.RIGHT, "→", KeyCode.ESCAPE, "Esc", KeyCode.BACK_SPACE, "Backspace",
                KeyCode.ENTER, "Enter", KeyCode.DELETE, "Delete", KeyCode.SPACE, "Space");

        @Override
        public boolean matches(KeyEvent event) {
            return event.getEventType() == KeyEvent.KEY_PRESSED && combination.match(event);
        }

        /** Keys a text field uses for typing and editing: those stay with the field. */
        boolean isEditingKey() {
            if (combination.getShortcut() == KeyCombination.ModifierValue.DOWN
                    || combination.getControl() == KeyCombination.ModifierValue.DOWN
                    || combination.getAlt() == KeyCombination.ModifierValue.DOWN
                    || combination.getMeta() == KeyCombination.ModifierValue.DOWN) {
                return false;
            }
            KeyCode code = code();
            return code == null || code.isLetterKey() || code.isDigitKey() || code == KeyCode.SPACE
                    || code == KeyCode.BACK_SPACE || code == KeyCode.DELETE || code == KeyCode.LEFT
                    || code == KeyCode.RIGHT || code == KeyCode.HOME || code == KeyCode.END;
        }

        boolean isPlain(KeyCode key) {
            return key == code() && combination.getShortcut() != KeyCombination.ModifierValue.DOWN
                    && combination.getControl() != KeyCombination.ModifierValue.DOWN
                    && combination.getAlt() != KeyCombination.ModifierValue.DOWN
                    && combination.getShift() != KeyCombination.ModifierValue.DOWN;
        }

        private KeyCode code() {
            return combination instanceof KeyCodeCombination k ? k.getCode() : null;
        }

        @Override
        public String display() {
            StringBuilder text = new StringBuilder();
            if (combination.getShortcut() == KeyCombination.ModifierValue.DOWN
                    || combination.getControl() == KeyCombination.ModifierValue.DOWN) {
                text.append("Ctrl+");
            }
            if (combination.getAlt() == KeyCombination.ModifierValue.DOWN) {
                text.append("Alt+");
            }
            if (combination.getShift() == KeyCombination.ModifierValue.DOWN) {
                text.append("Shift+");
            }
            KeyCode code = code();
            String key = code == null ? combination.getName()
                    : NAMES.getOrDefault(code, code.getName().toUpperCase(Locale.ROOT).length() == 1
                            ? code.getName().toUpperCase(Locale.ROOT) : code.getName());
            return text.append(key).toString();
        }
    }
}
