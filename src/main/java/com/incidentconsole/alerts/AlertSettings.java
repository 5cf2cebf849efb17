package com.incidentconsole.alerts;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the user chose: per kind whether to be told and whether with a sound, and do-not-disturb, which holds every
 * pop-up back (the history still lists what came). Immutable; the withers give the changed copy.
 */
public record AlertSettings(Map<AlertKind, KindSetting> kinds, boolean doNotDisturb) {

    /** One kind's choice. */
    public record KindSetting(boolean enabled, boolean sound) {
    }

    public AlertSettings {
        EnumMap<AlertKind, KindSetting> all = new EnumMap<>(AlertKind.class);
        for (AlertKind kind : AlertKind.values()) {
            all.put(kind, Objects.requireNonNullElse(kinds.get(kind), defaultFor(kind)));
        }
        kinds = Map.copyOf(all);
    }

    /** Everything on; a sound only for what needs the commander now (overdue, a request, being made owner). */
    public static AlertSettings defaults() {
        return new AlertSettings(Map.of(), false);
    }

    private static KindSetting defaultFor(AlertKind kind) {
        boolean urgent = kind == AlertKind.OVERDUE || kind == AlertKind.UPDATE_REQUESTED || kind == AlertKind.MADE_OWNER;
        return new KindSetting(true, urgent);
    }

    public KindSetting of(AlertKind kind) {
        return kinds.get(kind);
    }

    public AlertSettings withEnabled(AlertKind kind, boolean enabled) {
        return with(kind, new KindSetting(enabled, of(kind).sound()));
    }

    public AlertSettings withSound(AlertKind kind, boolean sound) {
        return with(kind, new KindSetting(of(kind).enabled(), sound));
    }

    public AlertSettings withDoNotDisturb(boolean on) {
        return new AlertSettings(kinds, on);
    }

    private AlertSettings with(AlertKind kind, KindSetting setting) {
        EnumMap<AlertKind, KindSetting> changed = new EnumMap<>(kinds);
        changed.put(kind, setting);
        return new AlertSettings(changed, doNotDisturb);
    }
}
