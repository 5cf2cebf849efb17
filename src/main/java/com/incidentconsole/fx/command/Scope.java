package com.incidentconsole.fx.command;

/**
 * Where a command's keys work: a part of a window marked with {@link Keymap#scope}. The innermost scope
 * around the focused node is asked first, then the ones around it. Inside a {@link Kind#MODAL} layer (a
 * picker, the outbox) only that layer and the window-wide scope are asked, so a letter meant for the
 * picker never ticks the item behind it; a {@link Kind#CAPTURING} layer (the keys card) also swallows
 * every key it does not use.
 *
 * @param titleKey the heading of this scope's keys in the overlay and the README (commands bundle)
 */
public record Scope(String id, String titleKey, Kind kind) {

    public enum Kind { WINDOW, VIEW, MODAL, CAPTURING }

    public static Scope window(String id) {
        return new Scope(id, "scope." + id, Kind.WINDOW);
    }

    public static Scope view(String id) {
        return new Scope(id, "scope." + id, Kind.VIEW);
    }

    public static Scope modal(String id) {
        return new Scope(id, "scope." + id, Kind.MODAL);
    }

    public static Scope capturing(String id) {
        return new Scope(id, "scope." + id, Kind.CAPTURING);
    }

    boolean shutsOutOuterViews() {
        return kind == Kind.MODAL || kind == Kind.CAPTURING;
    }
}
