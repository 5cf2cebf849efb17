package com.incidentconsole.sync;

import com.incidentconsole.wire.Team;
import com.incidentconsole.wire.User;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Who is signed in and the teams they belong to, as last known: from the cache at start, then from
 * the server. Listeners run on the writer's thread.
 */
final class Identity {

    private volatile User me;
    private volatile List<Team> teams = List.of();
    private final Listeners<Identity> listeners = new Listeners<>();

    Optional<User> me() {
        return Optional.ofNullable(me);
    }

    List<Team> teams() {
        return teams;
    }

    void me(User user) {
        me = user;
        listeners.fire(this);
    }

    void teams(List<Team> fresh) {
        teams = List.copyOf(fresh);
        listeners.fire(this);
    }

    Subscription subscribe(Consumer<Identity> listener) {
        return listeners.add(listener);
    }
}
