package com.incidentconsole.retro;

import com.incidentconsole.sync.store.DraftAutosave;
import com.incidentconsole.sync.store.Drafts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The local drafts of one run's retrospective: the text ({@code retro:<run id>}, with the server's text when it
 * began as its base) and the metric values as typed ({@code retro-metrics:<run id>}). Saving hands the draft to
 * {@link DraftAutosave} and returns at once; what that costs the typing thread is measured here, per save.
 */
final class RetroDrafts {

    /** The text and the metrics as read at opening; either may be absent. */
    record Found(Optional<Drafts.Draft> text, Optional<Drafts.Draft> metrics) {
    }

    private final String runId;
    private final Optional<Drafts> drafts;
    private final Optional<DraftAutosave> autosave;
    private final Executor disk;
    private final Supplier<Instant> clock;
    private long saves;
    private long saveNanos;
    private long saveMaxNanos;

    RetroDrafts(String runId, Optional<Drafts> drafts, Optional<DraftAutosave> autosave, Executor disk,
                Supplier<Instant> clock) {
        this.runId = runId;
        this.drafts = drafts;
        this.autosave = autosave;
        this.disk = disk;
        this.clock = clock;
    }

    /** The draft key of a run's retrospective text. */
    static String textKey(String runId) {
        return "retro:" + runId;
    }

    /** The draft key of a run's metric values as typed (one {@code id<TAB>text} line each). */
    static String metricsKey(String runId) {
        return "retro-metrics:" + runId;
    }

    /** Reads both drafts on the disk thread. */
    CompletableFuture<Found> read() {
        return CompletableFuture.supplyAsync(() -> drafts.map(d -> new Found(d.find(textKey(runId)),
                d.find(metricsKey(runId)))).orElse(new Found(Optional.empty(), Optional.empty())), disk);
    }

    /** Called on every change of the text; returns at once (the write is the disk thread's). */
    void saveText(String text, String base) {
        autosave.ifPresent(a -> {
            long started = System.nanoTime();
            a.save(new Drafts.Draft(textKey(runId), text, base, clock.get().toEpochMilli()));
            long took = System.nanoTime() - started;
            saves++;
            saveNanos += took;
            saveMaxNanos = Math.max(saveMaxNanos, took);
        });
    }

    void saveMetrics(Map<String, String> typedById) {
        StringBuilder lines = new StringBuilder();
        typedById.forEach((id, typed) -> lines.append(id).append('\t').append(typed.replace('\n', ' ')).append('\n'));
        autosave.ifPresent(a -> a.save(new Drafts.Draft(metricsKey(runId), lines.toString(), "",
                clock.get().toEpochMilli())));
    }

    /** The metric values of a metrics draft, by metric id, as typed. */
    static Map<String, String> typedMetrics(Optional<Drafts.Draft> draft) {
        Map<String, String> typed = new LinkedHashMap<>();
        draft.ifPresent(d -> d.text().lines().forEach(line -> {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                typed.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }));
        return typed;
    }

    /** The server has exactly what is on screen, or the user threw the draft away. */
    void discard() {
        autosave.ifPresent(a -> {
            a.discard(textKey(runId));
            a.discard(metricsKey(runId));
        });
    }

    /** The FX thread's cost of autosaving, per change: "n saves, mean µs, max µs". */
    String cost() {
        return saves + " saves, mean " + (saves == 0 ? 0 : saveNanos / saves / 1000) + " µs, max "
                + saveMaxNanos / 1000 + " µs on the FX thread";
    }
}
