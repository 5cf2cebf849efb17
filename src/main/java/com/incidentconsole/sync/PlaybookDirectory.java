package com.incidentconsole.sync;

import com.incidentconsole.wire.Playbook;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Playbooks of one server by id; runs refer to them by {@code playbook_id}. */
public final class PlaybookDirectory {

    private final Map<String, Playbook> playbooks = new ConcurrentHashMap<>();
    private final Listeners<Collection<Playbook>> listeners = new Listeners<>();

    public Optional<Playbook> get(String id) {
        return Optional.ofNullable(playbooks.get(id));
    }

    /** The playbook's title, or an empty string for channel checklists and playbooks the user cannot see. */
    public String title(String id) {
        Playbook playbook = id == null ? null : playbooks.get(id);
        return playbook == null ? "" : playbook.title();
    }

    public List<Playbook> all() {
        return playbooks.values().stream().sorted(Comparator.comparing(Playbook::title)).toList();
    }

    public void putAll(Collection<Playbook> fresh) {
        fresh.forEach(p -> playbooks.put(p.id(), p));
        listeners.fire(List.copyOf(fresh));
    }

    public Subscription subscribe(Consumer<Collection<Playbook>> listener) {
        return listeners.add(listener);
    }
}
