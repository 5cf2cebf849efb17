package com.incidentconsole.fx.command;

import static com.incidentconsole.fx.command.Trigger.combo;
import static com.incidentconsole.fx.command.Trigger.typed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

class CommandRegistryTest {

    private static final Scope LIST = Scope.view("list");
    private static final Scope DETAIL = Scope.view("detail");

    @Test
    void twoCommandsOfOneScopeCannotShareAKey() {
        CommandRegistry registry = new CommandRegistry().add(Command.of("next", LIST, () -> { }, typed("j")));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> registry.add(Command.of("jump", LIST, () -> { }, combo("Down"), typed("j"))));
        assertTrue(refused.getMessage().contains("share the key j"), refused.getMessage());
        registry.add(Command.of("detail.next", DETAIL, () -> { }, typed("j")));
        assertEquals(2, registry.all().size(), "the same key in another scope is fine");
        assertThrows(IllegalStateException.class, () -> registry.add(Command.of("next", DETAIL, () -> { })));
    }

    @Test
    void thePaletteOffersEnabledCommandsRecentFirst() {
        SimpleBooleanProperty detailOpen = new SimpleBooleanProperty(false);
        AtomicInteger ran = new AtomicInteger();
        Command a = Command.of("a", LIST, ran::incrementAndGet);
        Command b = Command.of("b", LIST, ran::incrementAndGet);
        Command c = Command.of("c", DETAIL, ran::incrementAndGet).enabledWhen(detailOpen);
        Command esc = Command.of("esc", LIST, ran::incrementAndGet, combo("Esc")).keysOnly();
        CommandRegistry registry = new CommandRegistry().add(a, b, c, esc);

        assertEquals(List.of(a, b), registry.forPalette(), "disabled and keys-only commands are not offered");
        assertFalse(registry.run(c), "a disabled command does not run");
        assertEquals(0, ran.get());

        detailOpen.set(true);
        assertTrue(registry.run(c));
        registry.run(b);
        assertEquals(List.of(b, c, a), registry.forPalette(), "the last run first");
        assertEquals(2, ran.get());
    }

    @Test
    void keysReadTheSameOnEveryPlatform() {
        assertEquals("Ctrl+Shift+L", combo("Shortcut+Shift+L").display());
        assertEquals("Shift+R", typed("R").display());
        assertEquals("↓", combo("Down").display());
        assertEquals("Esc", combo("Esc").display());
        assertEquals("Ctrl+1", combo("Shortcut+1").display());
        assertEquals("j  ↓", Command.of("n", LIST, () -> { }, typed("j"), combo("Down")).keys());
    }
}
