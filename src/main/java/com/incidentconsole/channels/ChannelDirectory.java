package com.incidentconsole.channels;

import com.incidentconsole.wire.Channel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The channels the user can post in, per team, as last read from the server: what the announce and start
 * pickers offer. Read off the FX thread; a picker shows what is known (nothing while offline before the
 * first read) and the next {@link #refresh} brings the rest. Direct and group messages are left out: a run
 * is announced to, or started in, a team's channel.
 */
public final class ChannelDirectory {

    private static final Logger LOG = Logger.getLogger(ChannelDirectory.class.getName());

    private final Function<String, List<Channel>> load;
    private final Executor background;
    private final Map<String, List<Channel>> byTeam = new ConcurrentHashMap<>();
    private final Map<String, Channel> byId = new ConcurrentHashMap<>();

    /** @param load reads one team's channels from the server (blocking; throws when it cannot) */
    public ChannelDirectory(Function<String, List<Channel>> load, Executor background) {
        this.load = load;
        this.background = background;
    }

    /** Reads the teams' channels again in the background; a team that cannot be read keeps what it had. */
    public void refresh(Collection<String> teamIds) {
        for (String teamId : List.copyOf(teamIds)) {
            background.execute(() -> {
                try {
                    List<Channel> channels = load.apply(teamId).stream()
                            .filter(c -> c.deleteAt() == 0 && ("O".equals(c.type()) || "P".equals(c.type()))).toList();
                    byTeam.put(teamId, channels);
                    channels.forEach(c -> byId.put(c.id(), c));
                } catch (RuntimeException unreadable) {
                    LOG.log(Level.INFO, "Channels of team " + teamId + " not read (offline?): " + unreadable.getMessage());
                }
            });
        }
    }

    public List<Channel> of(String teamId) {
        return byTeam.getOrDefault(teamId, List.of());
    }

    public List<Channel> all() {
        List<Channel> all = new ArrayList<>();
        byTeam.values().forEach(all::addAll);
        return all;
    }

    public Optional<Channel> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** "~incidents (Incidents)": the handle people type, then the name people read. */
    public static String label(Channel channel) {
        String display = channel.displayName() == null ? "" : channel.displayName();
        return "~" + channel.name() + (display.isBlank() || display.equals(channel.name()) ? "" : "  (" + display + ")");
    }
}
