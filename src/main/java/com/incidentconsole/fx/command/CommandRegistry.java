package com.incidentconsole.fx.command;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every command of one window, contributed by the features that own them. Refuses a second command with the
 * same id, and two commands of one scope that share a key: the second would never run, silently. Remembers
 * the commands run most recently, for the palette. FX thread only.
 */
public final class CommandRegistry {

    /** The bundle every command and scope title is in, for both windows. */
    public static final String TEXTS = "i18n.commands";

    private static final int RECENT = 8;

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Deque<String> recent = new ArrayDeque<>();

    public CommandRegistry add(Command... added) {
        for (Command command : added) {
            if (commands.containsKey(command.id())) {
                throw new IllegalStateException("Two commands with the id " + command.id());
            }
            for (Command other : commands.values()) {
                if (other.scope().equals(command.scope())) {
                    for (Trigger trigger : command.triggers()) {
                        if (other.triggers().contains(trigger)) {
                            throw new IllegalStateException(command.id() + " and " + other.id() + " share the key "
                                    + trigger.display() + " in " + command.scope().id());
                        }
                    }
                }
            }
            commands.put(command.id(), command);
        }
        return this;
    }

    public CommandRegistry addAll(Collection<Command> added) {
        return add(added.toArray(Command[]::new));
    }

    public List<Command> all() {
        return List.copyOf(commands.values());
    }

    public Optional<Command> find(String id) {
        return Optional.ofNullable(commands.get(id));
    }

    /** The scopes in the order their first command was added: the order the overlay and README list them. */
    public List<Scope> scopes() {
        return commands.values().stream().map(Command::scope).distinct().toList();
    }

    public List<Command> inScope(Scope scope) {
        return commands.values().stream().filter(c -> c.scope().equals(scope)).toList();
    }

    /** What the palette offers: enabled commands, the recently run ones first (most recent first). */
    public List<Command> forPalette() {
        List<String> order = new ArrayList<>(recent);
        return commands.values().stream().filter(Command::inPalette).filter(Command::isEnabled)
                .sorted(Comparator.comparingInt(c -> {
                    int at = order.indexOf(c.id());
                    return at < 0 ? Integer.MAX_VALUE : at;
                }))
                .toList();
    }

    /** Runs a command if it is enabled, and remembers it as recent; false when it was disabled. */
    public boolean run(Command command) {
        if (!command.isEnabled()) {
            return false;
        }
        remember(command);
        command.action().run();
        return true;
    }

    /** Runs a command's argument step with the chosen answer (the palette's "Open run… → Acme"). */
    public void runWith(Command command, Command.Choice choice) {
        if (command.argument() == null || !command.isEnabled()) {
            return;
        }
        remember(command);
        command.argument().pick().accept(choice.id());
    }

    private void remember(Command command) {
        recent.remove(command.id());
        recent.addFirst(command.id());
        while (recent.size() > RECENT) {
            recent.removeLast();
        }
    }
}
