package com.incidentconsole.stats;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Which runs count: a team, a playbook, and a range of days (inclusive, in {@code zone}); empty means all.
 * A run counts as started in the range by its start time and as finished by its end time.
 */
public record StatsQuery(Optional<String> teamId, Optional<String> playbookId, Optional<LocalDate> since,
                         Optional<LocalDate> until, ZoneId zone) {

    public StatsQuery {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(playbookId, "playbookId");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(zone, "zone");
        if (since.isPresent() && until.isPresent() && until.get().isBefore(since.get())) {
            throw new IllegalArgumentException("the range ends (" + until.get() + ") before it starts (" + since.get() + ")");
        }
    }

    public static StatsQuery all(ZoneId zone) {
        return new StatsQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), zone);
    }

    public StatsQuery withTeam(String team) {
        return new StatsQuery(Optional.ofNullable(team), playbookId, since, until, zone);
    }

    public StatsQuery withPlaybook(String playbook) {
        return new StatsQuery(teamId, Optional.ofNullable(playbook), since, until, zone);
    }

    public StatsQuery between(LocalDate from, LocalDate to) {
        return new StatsQuery(teamId, playbookId, Optional.ofNullable(from), Optional.ofNullable(to), zone);
    }

    /** The range as [from, to) epoch milliseconds, computed once per recompute rather than per run. */
    Range range() {
        long from = since.map(s -> s.atStartOfDay(zone).toInstant().toEpochMilli()).orElse(Long.MIN_VALUE);
        long to = until.map(u -> u.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli()).orElse(Long.MAX_VALUE);
        return new Range(from, to);
    }

    record Range(long fromMillis, long toMillis) {
        boolean contains(long epochMillis) {
            return epochMillis > 0 && epochMillis >= fromMillis && epochMillis < toMillis;
        }
    }
}
