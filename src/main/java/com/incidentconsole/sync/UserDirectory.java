package com.incidentconsole.sync;

import com.incidentconsole.text.WordMatch;
import com.incidentconsole.wire.User;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Users of one server by id, for display names and the user picker. */
public final class UserDirectory {

    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Listeners<Collection<User>> listeners = new Listeners<>();

    public Optional<User> get(String id) {
        return Optional.ofNullable(users.get(id));
    }

    /** A display name for any id: the user's name when known, otherwise a short form of the id. */
    public String displayName(String id) {
        if (id == null || id.isEmpty()) {
            return "";
        }
        User user = users.get(id);
        return user != null ? user.displayName() : "unknown user (" + id.substring(0, Math.min(6, id.length())) + ")";
    }

    public List<User> all() {
        return users.values().stream().sorted(Comparator.comparing(User::displayName)).toList();
    }

    /**
     * Users whose name, username or nickname matches every word of the query (case-insensitive),
     * best first: prefix matches on a name part before substring matches.
     */
    public List<User> search(String query, int limit) {
        return users.values().stream()
                .filter(u -> !u.isBot() && u.deleteAt() == 0)
                .map(u -> new Scored(u, score(u, query)))
                .filter(s -> s.score > 0)
                .sorted(Comparator.comparingInt(Scored::score).reversed()
                        .thenComparing(s -> s.user.displayName()))
                .limit(limit)
                .map(Scored::user)
                .toList();
    }

    public void putAll(Collection<User> fresh) {
        fresh.forEach(u -> users.put(u.id(), u));
        listeners.fire(List.copyOf(fresh));
    }

    public Subscription subscribe(Consumer<Collection<User>> listener) {
        return listeners.add(listener);
    }

    private static int score(User user, String query) {
        return WordMatch.score(user.displayName() + " " + user.username() + " " + user.nickname(), query);
    }

    private record Scored(User user, int score) {
    }
}
